package com.acme.shop.member;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Member rows in {@code member.members}. Every value is a bound parameter (prepared
 * statements only); the only SQL text built at run time is the ORDER BY from
 * {@link MemberSearch}'s whitelist.
 * <p>
 * Every operation, getting a connection included, is bounded by
 * {@code shop.member.db-timeout}: a PostgreSQL that hangs or a network that drops packets
 * gives a {@link QueryTimeoutException} (→ 503 with {@code Retry-After}) within seconds
 * instead of a request that waits for TCP to give up.
 */
@Repository
class MemberRepository {

    private static final String TABLE = "member.members";

    private static final String COLUMNS = "id, email, name, phone, created_at, updated_at, version";

    private static final String SEARCH = " WHERE name ILIKE :pattern ESCAPE '\\' OR email ILIKE :pattern ESCAPE '\\'";

    private final DatabaseClient db;

    private final Duration timeout;

    MemberRepository(DatabaseClient db, MemberProperties properties) {
        this.db = db;
        this.timeout = properties.dbTimeout();
    }

    Mono<Member> findById(UUID id) {
        return bounded(db.sql("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE id = :id")
            .bind("id", id)
            .map(MemberRepository::member)
            .one());
    }

    /** The member with whether it has a sign-in account. */
    Mono<StoredMember> findStoredById(UUID id) {
        return bounded(db.sql("SELECT " + COLUMNS + ", has_account FROM " + TABLE + " WHERE id = :id")
            .bind("id", id)
            .map(row -> new StoredMember(member(row), row.get("has_account", Boolean.class)))
            .one());
    }

    Flux<Member> find(MemberSearch search) {
        GenericExecuteSpec spec = db
            .sql("SELECT " + COLUMNS + " FROM " + TABLE + (search.hasQuery() ? SEARCH : "") + " ORDER BY "
                    + search.orderBy() + " LIMIT :limit OFFSET :offset")
            .bind("limit", search.size())
            .bind("offset", search.offset());
        if (search.hasQuery()) {
            spec = spec.bind("pattern", search.likePattern());
        }
        return bounded(spec.map(MemberRepository::member).all());
    }

    Mono<Long> count(MemberSearch search) {
        GenericExecuteSpec spec = db.sql("SELECT count(*) AS total FROM " + TABLE + (search.hasQuery() ? SEARCH : ""));
        if (search.hasQuery()) {
            spec = spec.bind("pattern", search.likePattern());
        }
        return bounded(spec.map(row -> row.get("total", Long.class)).one());
    }

    /**
     * Inserts a member, with or without a sign-in account; a duplicate email fails with
     * {@code DuplicateKeyException}.
     */
    Mono<Member> insert(UUID id, MemberData data, boolean hasAccount) {
        return bounded(bindData(db.sql("INSERT INTO " + TABLE + " (id, email, name, phone, has_account)"
                + " VALUES (:id, :email, :name, :phone, :hasAccount) RETURNING " + COLUMNS), data)
            .bind("id", id)
            .bind("hasAccount", hasAccount)
            .map(MemberRepository::member)
            .one());
    }

    /**
     * Inserts a member unless its id or email already exists; empty when nothing was
     * inserted.
     */
    Mono<Member> insertIfAbsent(UUID id, MemberData data, boolean hasAccount) {
        return bounded(bindData(db.sql("INSERT INTO " + TABLE + " (id, email, name, phone, has_account)"
                + " VALUES (:id, :email, :name, :phone, :hasAccount) ON CONFLICT DO NOTHING RETURNING " + COLUMNS),
                data)
            .bind("id", id)
            .bind("hasAccount", hasAccount)
            .map(MemberRepository::member)
            .one());
    }

    /**
     * Records that the member has a sign-in account. When that is news (a row from before
     * accounts were recorded) the version is bumped, so an update that read the row
     * without the account fails its version check; empty when the row is gone or had the
     * account already.
     */
    Mono<Member> markHasAccount(UUID id) {
        return bounded(db
            .sql("UPDATE " + TABLE + " SET has_account = true, updated_at = now(), version = version + 1"
                    + " WHERE id = :id AND NOT has_account RETURNING " + COLUMNS)
            .bind("id", id)
            .map(MemberRepository::member)
            .one());
    }

    /**
     * Optimistic update: changes the row only while it still has {@code expectedVersion},
     * and bumps the version. Empty when the row is gone or has another version.
     */
    Mono<Member> update(UUID id, long expectedVersion, MemberData data) {
        return bounded(bindData(db.sql("UPDATE " + TABLE
                + " SET email = :email, name = :name, phone = :phone, updated_at = now(), version = version + 1"
                + " WHERE id = :id AND version = :version RETURNING " + COLUMNS), data)
            .bind("id", id)
            .bind("version", expectedVersion)
            .map(MemberRepository::member)
            .one());
    }

    /** Deletes the member; emits whether a row was deleted. */
    Mono<Boolean> delete(UUID id) {
        return bounded(db.sql("DELETE FROM " + TABLE + " WHERE id = :id")
            .bind("id", id)
            .fetch()
            .rowsUpdated()
            .map(rows -> rows > 0));
    }

    private <T> Mono<T> bounded(Mono<T> operation) {
        return operation.timeout(timeout).onErrorMap(TimeoutException.class, this::timedOut);
    }

    /** The whole result within the timeout (not only the first row). */
    private <T> Flux<T> bounded(Flux<T> operation) {
        return operation.collectList()
            .timeout(timeout)
            .onErrorMap(TimeoutException.class, this::timedOut)
            .flatMapIterable(rows -> rows);
    }

    private QueryTimeoutException timedOut(TimeoutException e) {
        return new QueryTimeoutException("No answer from the database within " + timeout, e);
    }

    private static GenericExecuteSpec bindData(GenericExecuteSpec spec, MemberData data) {
        GenericExecuteSpec bound = spec.bind("email", data.email()).bind("name", data.name());
        return data.phone() == null ? bound.bindNull("phone", String.class) : bound.bind("phone", data.phone());
    }

    private static Member member(Readable row) {
        return new Member(row.get("id", UUID.class), row.get("email", String.class), row.get("name", String.class),
                row.get("phone", String.class), row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant(), row.get("version", Long.class));
    }

}
