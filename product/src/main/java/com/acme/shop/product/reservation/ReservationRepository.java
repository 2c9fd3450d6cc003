package com.acme.shop.product.reservation;

import com.acme.shop.product.Money;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reservation rows ({@code product.reservations}, {@code product.reservation_items}) and
 * the stock they move in {@code product.products}. The statements are meant to run in one
 * transaction per use case ({@link ReservationService}); every stock change is a
 * conditional {@code UPDATE}, never a read followed by a write.
 */
@Repository
class ReservationRepository {

    private static final String ITEM_COLUMNS = "product_id, sku, name, unit_price_amount, currency, quantity";

    private final DatabaseClient db;

    ReservationRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Creates the RESERVED row for the order unless one exists; emits whether it was
     * created. A concurrent insert of the same order id waits for the other transaction
     * and then sees its row (unique key, not check-then-act).
     */
    Mono<Boolean> claim(UUID orderId) {
        return db
            .sql("INSERT INTO product.reservations (order_id, status) VALUES (:orderId, 'RESERVED')"
                    + " ON CONFLICT (order_id) DO NOTHING")
            .bind("orderId", orderId)
            .fetch()
            .rowsUpdated()
            .map(rows -> rows > 0);
    }

    /**
     * Takes {@code quantity} units of an active product with enough stock and records the
     * line with the product's current SKU, name and price; empty when the product is
     * unknown, inactive or short.
     */
    Mono<Reservation.Item> take(UUID orderId, UUID productId, int quantity) {
        return db
            .sql("WITH taken AS (UPDATE product.products"
                    + " SET stock = stock - :quantity, updated_at = now(), version = version + 1"
                    + " WHERE id = :productId AND active AND stock >= :quantity"
                    + " RETURNING id, sku, name, price_amount, currency)"
                    + " INSERT INTO product.reservation_items (order_id, " + ITEM_COLUMNS + ")"
                    + " SELECT :orderId, id, sku, name, price_amount, currency, :quantity FROM taken RETURNING "
                    + ITEM_COLUMNS)
            .bind("orderId", orderId)
            .bind("productId", productId)
            .bind("quantity", quantity)
            .map(ReservationRepository::item)
            .one();
    }

    /** The current stock of a product, 0 when inactive; empty when unknown. */
    Mono<Integer> available(UUID productId) {
        return db.sql("SELECT CASE WHEN active THEN stock ELSE 0 END AS available FROM product.products WHERE id = :id")
            .bind("id", productId)
            .map(row -> row.get("available", Integer.class))
            .one();
    }

    /** Whether the product exists and is active. */
    Mono<Boolean> isActive(UUID productId) {
        return db.sql("SELECT active FROM product.products WHERE id = :id")
            .bind("id", productId)
            .map(row -> row.get("active", Boolean.class))
            .one()
            .defaultIfEmpty(false);
    }

    Mono<Reservation> find(UUID orderId) {
        return db.sql("SELECT status, created_at FROM product.reservations WHERE order_id = :orderId")
            .bind("orderId", orderId)
            .map(row -> new Header(Reservation.Status.valueOf(row.get("status", String.class)),
                    row.get("created_at", OffsetDateTime.class)))
            .one()
            .flatMap(header -> items(orderId).collectList()
                .map(items -> new Reservation(orderId, header.status(), items, header.createdAt().toInstant())));
    }

    /**
     * The order's lines, by product id (the order in which their stock rows are locked).
     */
    Flux<Reservation.Item> items(UUID orderId) {
        return db
            .sql("SELECT " + ITEM_COLUMNS + " FROM product.reservation_items WHERE order_id = :orderId"
                    + " ORDER BY product_id")
            .bind("orderId", orderId)
            .map(ReservationRepository::item)
            .all();
    }

    /** RESERVED → CONFIRMED; emits whether this call changed it. */
    Mono<Boolean> confirm(UUID orderId) {
        return db
            .sql("UPDATE product.reservations SET status = 'CONFIRMED', updated_at = now()"
                    + " WHERE order_id = :orderId AND status = 'RESERVED'")
            .bind("orderId", orderId)
            .fetch()
            .rowsUpdated()
            .map(rows -> rows > 0);
    }

    /**
     * RESERVED or CONFIRMED → RELEASED; emits whether this call changed it. The row lock
     * makes a concurrent second release wait and then change nothing, so stock is
     * returned once.
     */
    Mono<Boolean> markReleased(UUID orderId) {
        return db
            .sql("UPDATE product.reservations SET status = 'RELEASED', updated_at = now()"
                    + " WHERE order_id = :orderId AND status <> 'RELEASED'")
            .bind("orderId", orderId)
            .fetch()
            .rowsUpdated()
            .map(rows -> rows > 0);
    }

    /** Puts {@code quantity} units back on the product's stock (active or not). */
    Mono<Void> giveBack(UUID productId, int quantity) {
        return db
            .sql("UPDATE product.products SET stock = stock + :quantity, updated_at = now(), version = version + 1"
                    + " WHERE id = :productId")
            .bind("productId", productId)
            .bind("quantity", quantity)
            .fetch()
            .rowsUpdated()
            .then();
    }

    /** Available, reserved and sold units of a product; empty when unknown. */
    Mono<StockLevels> stockLevels(UUID productId) {
        return db
            .sql("SELECT p.stock," + " COALESCE(SUM(i.quantity) FILTER (WHERE r.status = 'RESERVED'), 0) AS reserved,"
                    + " COALESCE(SUM(i.quantity) FILTER (WHERE r.status = 'CONFIRMED'), 0) AS sold"
                    + " FROM product.products p" + " LEFT JOIN product.reservation_items i ON i.product_id = p.id"
                    + " LEFT JOIN product.reservations r ON r.order_id = i.order_id"
                    + " WHERE p.id = :id GROUP BY p.id, p.stock")
            .bind("id", productId)
            .map(row -> new StockLevels(productId, row.get("stock", Integer.class), number(row, "reserved"),
                    number(row, "sold")))
            .one();
    }

    private static long number(Readable row, String column) {
        Number value = row.get(column, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static Reservation.Item item(Readable row) {
        return new Reservation.Item(row.get("product_id", UUID.class), row.get("sku", String.class),
                row.get("name", String.class),
                new Money(row.get("unit_price_amount", Long.class), row.get("currency", String.class)),
                row.get("quantity", Integer.class));
    }

    private record Header(Reservation.Status status, OffsetDateTime createdAt) {
    }

}
