package com.acme.shop.order.checkout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.acme.shop.order.cart.CartLine;
import com.acme.shop.order.cart.CartStore;
import com.acme.shop.order.clients.ProductClient;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Orders and their saga state in PostgreSQL ({@code orders.orders},
 * {@code orders.order_items}). Every transition is a conditional update on the state it
 * leaves, so two actors (the request and the recovery job, or two recovery runs) never
 * both make it; {@code updated_at} moves only with the status (so every answer about one
 * state is the same bytes), {@code step_at} with every step.
 */
class OrderStore {

    private static final String COLUMNS = "id, number, user_id, idempotency_key, status, step, currency, total, "
            + "payment_status, payment_id, last4, failure_code, created_at, updated_at, step_at, request_fingerprint";

    private final DatabaseClient db;

    private final TransactionalOperator tx;

    private final CartStore carts;

    private final Clock clock;

    private final Duration timeout;

    OrderStore(DatabaseClient db, TransactionalOperator tx, CartStore carts, Clock clock, Duration timeout) {
        this.db = db;
        this.tx = tx;
        this.carts = carts;
        this.clock = clock;
        this.timeout = timeout;
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Inserts a PENDING order (step RESERVING) with the cart's lines and the request's
     * fingerprint, unless the user already has an order with this key: then nothing is
     * written and the result is empty.
     */
    Mono<StoredOrder> create(UUID id, UUID user, String key, String fingerprint, String currency,
            List<CartLine> lines) {
        Instant now = now();
        Mono<StoredOrder> insert = db.sql("SELECT nextval('order_numbers') AS n")
            .map(row -> row.get("n", Long.class))
            .one()
            .flatMap(sequence -> db.sql("""
                    INSERT INTO orders (id, number, user_id, idempotency_key, status, step, currency, created_at,
                        updated_at, step_at, request_fingerprint)
                    VALUES (:id, :number, :user, :key, 'PENDING', 'RESERVING', :currency, :now, :now, :now,
                        :fingerprint)
                    ON CONFLICT (user_id, idempotency_key) DO NOTHING
                    RETURNING id
                    """)
                .bind("id", id)
                .bind("number", number(now, sequence))
                .bind("user", user)
                .bind("key", key)
                .bind("fingerprint", fingerprint)
                .bind("currency", currency)
                .bind("now", now)
                .map(row -> row.get("id", UUID.class))
                .one())
            .flatMap(inserted -> Flux.range(0, lines.size())
                .concatMap(i -> db.sql("""
                        INSERT INTO order_items (order_id, line, product_id, quantity)
                        VALUES (:order, :line, :product, :quantity)
                        """)
                    .bind("order", id)
                    .bind("line", i + 1)
                    .bind("product", lines.get(i).productId())
                    .bind("quantity", lines.get(i).quantity())
                    .then())
                .then(Mono.defer(() -> find(id))));
        return tx.transactional(insert).timeout(timeout);
    }

    /** {@code SO-<year>-<000123>}: human-readable, unique (a database sequence). */
    static String number(Instant now, long sequence) {
        return String.format("SO-%d-%06d", now.atZone(ZoneOffset.UTC).getYear(), sequence);
    }

    Mono<StoredOrder> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id")
            .bind("id", id)
            .map(OrderStore::order)
            .one()
            .flatMap(this::withLines)
            .timeout(timeout);
    }

    Mono<StoredOrder> findByKey(UUID user, String key) {
        return db.sql("SELECT " + COLUMNS + " FROM orders WHERE user_id = :user AND idempotency_key = :key")
            .bind("user", user)
            .bind("key", key)
            .map(OrderStore::order)
            .one()
            .flatMap(this::withLines)
            .timeout(timeout);
    }

    /** The status of an order, empty when it is gone. */
    Mono<OrderStatus> status(UUID id) {
        return db.sql("SELECT status FROM orders WHERE id = :id")
            .bind("id", id)
            .map(row -> OrderStatus.valueOf(row.get("status", String.class)))
            .one()
            .timeout(timeout);
    }

    /**
     * A page of orders, newest first: the user's, or everyone's when {@code user} is
     * null.
     */
    Mono<OrderPage> page(UUID user, int number, int size) {
        String where = user == null ? "" : " WHERE user_id = :user";
        DatabaseClient.GenericExecuteSpec select = db
            .sql("SELECT " + COLUMNS + " FROM orders" + where
                    + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
            .bind("limit", size)
            .bind("offset", (long) number * size);
        DatabaseClient.GenericExecuteSpec count = db.sql("SELECT count(*) AS n FROM orders" + where);
        if (user != null) {
            select = select.bind("user", user);
            count = count.bind("user", user);
        }
        Mono<List<Order>> content = select.map(OrderStore::order)
            .all()
            .concatMap(this::withLines)
            .map(StoredOrder::view)
            .collectList();
        Mono<Long> total = count.map(row -> row.get("n", Long.class)).one();
        return Mono.zip(content, total, (orders, n) -> OrderPage.of(orders, size, number, n)).timeout(timeout);
    }

    /**
     * Orders whose saga has not finished and whose step has not moved since
     * {@code before}.
     */
    Flux<StoredOrder> stale(Instant before, int limit) {
        return db
            .sql("SELECT " + COLUMNS + " FROM orders WHERE step <> 'DONE' AND step_at < :before "
                    + "ORDER BY step_at LIMIT :limit")
            .bind("before", before)
            .bind("limit", limit)
            .map(OrderStore::order)
            .all()
            .concatMap(this::withLines)
            .timeout(timeout);
    }

    /**
     * Takes an unfinished order over (recovery): moves its {@code step_at} if nobody else
     * moved it since it was read.
     */
    Mono<Boolean> claim(StoredOrder order) {
        return update("UPDATE orders SET step_at = :now WHERE id = :id AND step = :step AND step_at = :stepAt",
                spec -> spec.bind("id", order.id()).bind("step", order.step().name()).bind("stepAt", order.stepAt()));
    }

    /**
     * Stock reserved: the lines get SKU, name and price as reserved, the order its total;
     * step RESERVING → CHARGING.
     */
    Mono<Boolean> reserved(UUID id, List<ProductClient.ReservedItem> items, long total) {
        Mono<Boolean> write = Flux.fromIterable(items)
            .concatMap(item -> db.sql("""
                    UPDATE order_items SET sku = :sku, name = :name, unit_price = :price
                    WHERE order_id = :order AND product_id = :product
                    """)
                .bind("sku", item.sku())
                .bind("name", item.name())
                .bind("price", item.unitPrice().amount())
                .bind("order", id)
                .bind("product", item.productId())
                .then())
            .then(update("UPDATE orders SET total = :total, step = 'CHARGING', step_at = :now WHERE id = :id "
                    + "AND step = 'RESERVING'", spec -> spec.bind("total", total).bind("id", id)))
            .flatMap(moved -> moved ? Mono.just(true) : Mono.error(new LostRace()));
        return tx.transactional(write).onErrorResume(LostRace.class, e -> Mono.just(false)).timeout(timeout);
    }

    /**
     * The charge succeeded: PENDING → PAID, step CONFIRMING, and the ordered products
     * leave the user's cart, in one transaction.
     */
    Mono<Boolean> paid(StoredOrder order, UUID paymentId, String last4) {
        Mono<Boolean> write = update("""
                UPDATE orders SET status = 'PAID', step = 'CONFIRMING', payment_status = 'SUCCEEDED',
                    payment_id = :payment, last4 = :last4, updated_at = :now, step_at = :now
                WHERE id = :id AND status = 'PENDING'
                """, spec -> bindNullable(spec.bind("payment", paymentId), "last4", last4).bind("id", order.id()))
            .flatMap(moved -> moved ? carts
                .removeOrdered(order.userId(), order.lines().stream().map(StoredOrder.Line::productId).toList())
                .thenReturn(true) : Mono.just(false));
        return tx.transactional(write).timeout(timeout);
    }

    /** The card was declined: PENDING → PAYMENT_FAILED, step RELEASING. */
    Mono<Boolean> declined(UUID id, String code, String last4) {
        return update("""
                UPDATE orders SET status = 'PAYMENT_FAILED', step = 'RELEASING', payment_status = 'DECLINED',
                    failure_code = :code, last4 = :last4, updated_at = :now, step_at = :now
                WHERE id = :id AND status = 'PENDING'
                """, spec -> bindNullable(bindNullable(spec, "code", code), "last4", last4).bind("id", id));
    }

    /**
     * Cancel of a paid order begins: step → REFUNDING (status stays PAID until refunded).
     */
    Mono<Boolean> refunding(UUID id) {
        return update("UPDATE orders SET step = 'REFUNDING', step_at = :now WHERE id = :id AND status = 'PAID' "
                + "AND step IN ('CONFIRMING', 'DONE')", spec -> spec.bind("id", id));
    }

    /**
     * Payment says the charge of a PENDING order was refunded already (the money is
     * back): PENDING → CANCELLED, step RELEASING, kept in the history like any cancelled
     * order.
     */
    Mono<Boolean> refundedBeforePaid(UUID id, UUID paymentId, String last4) {
        return update("""
                UPDATE orders SET status = 'CANCELLED', step = 'RELEASING', payment_status = 'REFUNDED',
                    payment_id = :payment, last4 = :last4, failure_code = 'refunded', updated_at = :now,
                    step_at = :now
                WHERE id = :id AND status = 'PENDING'
                """, spec -> bindNullable(spec.bind("payment", paymentId), "last4", last4).bind("id", id));
    }

    /** Refunded: PAID → CANCELLED, step RELEASING. */
    Mono<Boolean> cancelled(UUID id, String failureCode) {
        return update("""
                UPDATE orders SET status = 'CANCELLED', step = 'RELEASING', payment_status = 'REFUNDED',
                    failure_code = coalesce(failure_code, :code), updated_at = :now, step_at = :now
                WHERE id = :id AND status = 'PAID'
                """, spec -> bindNullable(spec, "code", failureCode).bind("id", id));
    }

    /** Moves the step from {@code from} to {@code to} (status unchanged). */
    Mono<Boolean> step(UUID id, Step from, Step to) {
        return update("UPDATE orders SET step = :to, step_at = :now WHERE id = :id AND step = :from",
                spec -> spec.bind("to", to.name()).bind("id", id).bind("from", from.name()));
    }

    /** Nothing was charged: a PENDING order → step ABORTING. */
    Mono<Boolean> aborting(UUID id) {
        return update("UPDATE orders SET step = 'ABORTING', step_at = :now WHERE id = :id AND status = 'PENDING' "
                + "AND step IN ('RESERVING', 'CHARGING', 'ABORTING')", spec -> spec.bind("id", id));
    }

    /**
     * Deletes an order that charged nothing and holds no stock (step ABORTING): a
     * checkout that never got as far as a charge leaves no order, and its key is free for
     * a retry. An order that reached PAID, PAYMENT_FAILED or CANCELLED is never deleted
     * (the database refuses it too: migration V3).
     */
    Mono<Boolean> delete(UUID id) {
        return db.sql("DELETE FROM orders WHERE id = :id AND step = 'ABORTING' AND status = 'PENDING'")
            .bind("id", id)
            .fetch()
            .rowsUpdated()
            .map(n -> n > 0)
            .timeout(timeout);
    }

    private Mono<Boolean> update(String sql,
            java.util.function.UnaryOperator<DatabaseClient.GenericExecuteSpec> binder) {
        return binder.apply(db.sql(sql).bind("now", now())).fetch().rowsUpdated().map(n -> n > 0).timeout(timeout);
    }

    private static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
            String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private Mono<StoredOrder> withLines(StoredOrder order) {
        return db
            .sql("SELECT line, product_id, sku, name, unit_price, quantity FROM order_items "
                    + "WHERE order_id = :id ORDER BY line")
            .bind("id", order.id())
            .map(row -> new StoredOrder.Line(row.get("line", Integer.class), row.get("product_id", UUID.class),
                    row.get("sku", String.class), row.get("name", String.class), row.get("unit_price", Long.class),
                    row.get("quantity", Integer.class)))
            .all()
            .collectList()
            .map(lines -> order.withLines(new ArrayList<>(lines)));
    }

    private static StoredOrder order(Readable row) {
        return new StoredOrder(row.get("id", UUID.class), row.get("number", String.class),
                row.get("user_id", UUID.class), row.get("idempotency_key", String.class),
                OrderStatus.valueOf(row.get("status", String.class)), Step.valueOf(row.get("step", String.class)),
                row.get("currency", String.class).strip(), row.get("total", Long.class),
                row.get("payment_status", String.class), row.get("payment_id", UUID.class),
                row.get("last4", String.class), row.get("failure_code", String.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
                row.get("step_at", Instant.class), row.get("request_fingerprint", String.class), List.of());
    }

    /** Another actor moved the order first. */
    private static final class LostRace extends RuntimeException {

        LostRace() {
            super(null, null, false, false);
        }

    }

}
