package com.acme.shop.auth.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Accounts in {@code auth.accounts}; prepared statements only. */
@Repository
public class AccountRepository {

    private static final String COLUMNS = "id, email, password_hash, roles, status, password_changed_at";

    private final DatabaseClient db;

    public AccountRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Account> findByEmail(String email) {
        return db.sql("SELECT " + COLUMNS + " FROM auth.accounts WHERE email = :email")
            .bind("email", Account.normalizeEmail(email))
            .map(AccountRepository::toAccount)
            .one();
    }

    public Mono<Account> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM auth.accounts WHERE id = :id")
            .bind("id", id)
            .map(AccountRepository::toAccount)
            .one();
    }

    /**
     * Inserts the account; a taken e-mail fails with a
     * {@code DataIntegrityViolationException}.
     */
    public Mono<Account> insert(Account account) {
        return insertRows(account, "").thenReturn(account);
    }

    /** Inserts unless the e-mail is taken; returns true when a row was written. */
    public Mono<Boolean> insertIfAbsent(Account account) {
        return insertRows(account, " ON CONFLICT DO NOTHING").map(rows -> rows > 0);
    }

    private Mono<Long> insertRows(Account account, String onConflict) {
        return db
            .sql("INSERT INTO auth.accounts (id, email, password_hash, roles, status) "
                    + "VALUES (:id, :email, :hash, :roles, :status)" + onConflict)
            .bind("id", account.id())
            .bind("email", account.email())
            .bind("hash", account.passwordHash())
            .bind("roles", account.roles().toArray(String[]::new))
            .bind("status", account.status().name())
            .fetch()
            .rowsUpdated();
    }

    /**
     * Replaces the password hash, but only while it is still {@code expectedHash} (so two
     * concurrent changes with the same current password cannot both succeed); returns
     * true when a row was written.
     */
    public Mono<Boolean> updatePasswordHash(UUID id, String expectedHash, String newHash, Instant changedAt) {
        return db
            .sql("UPDATE auth.accounts SET password_hash = :hash, password_changed_at = :at, updated_at = :at "
                    + "WHERE id = :id AND password_hash = :expected")
            .bind("hash", newHash)
            .bind("at", OffsetDateTime.ofInstant(changedAt, ZoneOffset.UTC))
            .bind("id", id)
            .bind("expected", expectedHash)
            .fetch()
            .rowsUpdated()
            .map(rows -> rows > 0);
    }

    /**
     * Replaces the hash with a new encoding of the same password (a rehash after login),
     * only while it is still {@code expectedHash}; {@code password_changed_at} stays,
     * since the password did not change.
     */
    public Mono<Boolean> rehash(UUID id, String expectedHash, String newHash) {
        return db.sql("UPDATE auth.accounts SET password_hash = :hash WHERE id = :id AND password_hash = :expected")
            .bind("hash", newHash)
            .bind("id", id)
            .bind("expected", expectedHash)
            .fetch()
            .rowsUpdated()
            .map(rows -> rows > 0);
    }

    /**
     * The bootstrap take-over (ADMIN_TAKE_OVER): the account becomes an active
     * administrator with a new password hash, and {@code password_changed_at} is set like
     * a password change.
     */
    public Mono<Boolean> takeOverAsAdmin(UUID id, String expectedHash, String newHash, List<String> roles,
            Instant changedAt) {
        return db
            .sql("UPDATE auth.accounts SET password_hash = :hash, roles = :roles, status = 'ACTIVE', "
                    + "password_changed_at = :at, updated_at = :at WHERE id = :id AND password_hash = :expected")
            .bind("hash", newHash)
            .bind("roles", roles.toArray(String[]::new))
            .bind("at", OffsetDateTime.ofInstant(changedAt, ZoneOffset.UTC))
            .bind("id", id)
            .bind("expected", expectedHash)
            .fetch()
            .rowsUpdated()
            .map(rows -> rows > 0);
    }

    public Mono<Long> countByEmail(String email) {
        return db.sql("SELECT count(*) AS n FROM auth.accounts WHERE email = :email")
            .bind("email", Account.normalizeEmail(email))
            .map(row -> row.get("n", Long.class))
            .one();
    }

    private static Account toAccount(Readable row) {
        String[] roles = row.get("roles", String[].class);
        OffsetDateTime changedAt = row.get("password_changed_at", OffsetDateTime.class);
        return new Account(row.get("id", UUID.class), row.get("email", String.class),
                row.get("password_hash", String.class), roles == null ? List.of() : Arrays.asList(roles),
                AccountStatus.valueOf(row.get("status", String.class)),
                changedAt == null ? null : changedAt.toInstant());
    }

}
