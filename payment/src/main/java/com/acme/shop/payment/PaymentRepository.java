package com.acme.shop.payment;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.Readable;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Payment rows in {@code payment.payments}; bound parameters only. The unique order id
 * (and idempotency key) make {@link #insertIfAbsent} the one place where a charge comes
 * into being: concurrent inserts for one order wait for each other in PostgreSQL and all
 * but one insert nothing. Every operation is bounded by {@code shop.payment.db-timeout}
 * (→ 503).
 */
@Repository
class PaymentRepository {

    private static final String TABLE = "payment.payments";

    private static final String COLUMNS = "id, order_id, status, decline_code, amount, currency, last4, fingerprint,"
            + " created_at, refunded_at";

    private final DatabaseClient db;

    private final Duration timeout;

    PaymentRepository(DatabaseClient db, PaymentProperties properties) {
        this.db = db;
        this.timeout = properties.dbTimeout();
    }

    /**
     * Inserts the payment unless its order (or its idempotency key) has one already;
     * empty when nothing was inserted.
     */
    Mono<Payment> insertIfAbsent(Payment payment, String idempotencyKey) {
        GenericExecuteSpec spec = db
            .sql("INSERT INTO " + TABLE
                    + " (id, order_id, idempotency_key, status, decline_code, amount, currency, last4, fingerprint)"
                    + " VALUES (:id, :orderId, :key, :status, :declineCode, :amount, :currency, :last4, :fingerprint)"
                    + " ON CONFLICT DO NOTHING RETURNING " + COLUMNS)
            .bind("id", payment.id())
            .bind("orderId", payment.orderId())
            .bind("status", payment.status().name())
            .bind("amount", payment.amount().amount())
            .bind("currency", payment.amount().currency())
            .bind("last4", payment.last4())
            .bind("fingerprint", payment.fingerprint());
        spec = idempotencyKey == null ? spec.bindNull("key", String.class) : spec.bind("key", idempotencyKey);
        spec = payment.declineCode() == null ? spec.bindNull("declineCode", String.class)
                : spec.bind("declineCode", payment.declineCode());
        return bounded(spec.map(PaymentRepository::payment).one());
    }

    Mono<Payment> findByOrderId(UUID orderId) {
        return bounded(db.sql("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE order_id = :orderId")
            .bind("orderId", orderId)
            .map(PaymentRepository::payment)
            .one());
    }

    Mono<Payment> findById(UUID id) {
        return bounded(db.sql("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE id = :id")
            .bind("id", id)
            .map(PaymentRepository::payment)
            .one());
    }

    /**
     * Refunds a SUCCEEDED payment; empty when it is absent or not SUCCEEDED (e.g.
     * refunded already): of concurrent refunds exactly one changes the row.
     */
    Mono<Payment> refund(UUID id) {
        return bounded(db
            .sql("UPDATE " + TABLE + " SET status = 'REFUNDED', refunded_at = now()"
                    + " WHERE id = :id AND status = 'SUCCEEDED' RETURNING " + COLUMNS)
            .bind("id", id)
            .map(PaymentRepository::payment)
            .one());
    }

    private <T> Mono<T> bounded(Mono<T> operation) {
        return operation.timeout(timeout).onErrorMap(TimeoutException.class, this::timedOut);
    }

    private QueryTimeoutException timedOut(TimeoutException e) {
        return new QueryTimeoutException("No answer from the database within " + timeout, e);
    }

    private static Payment payment(Readable row) {
        OffsetDateTime refunded = row.get("refunded_at", OffsetDateTime.class);
        return new Payment(row.get("id", UUID.class), row.get("order_id", UUID.class),
                PaymentStatus.valueOf(row.get("status", String.class)),
                new Money(row.get("amount", Long.class), row.get("currency", String.class)),
                row.get("last4", String.class), row.get("fingerprint", String.class),
                row.get("decline_code", String.class), row.get("created_at", OffsetDateTime.class).toInstant(),
                refunded == null ? null : refunded.toInstant());
    }

}
