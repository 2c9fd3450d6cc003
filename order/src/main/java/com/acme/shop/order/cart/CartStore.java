package com.acme.shop.order.cart;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.acme.shop.common.problem.ProblemException;
import com.acme.shop.order.ETags;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carts in PostgreSQL ({@code orders.carts}, {@code orders.cart_items}). Every change
 * bumps the cart's version in the same transaction; an {@code If-Match} naming another
 * version is refused with 412 and changes nothing.
 */
public class CartStore {

    static final int MAX_LINES = 50;

    private final DatabaseClient db;

    private final TransactionalOperator tx;

    private final Clock clock;

    private final Duration timeout;

    public CartStore(DatabaseClient db, TransactionalOperator tx, Clock clock, Duration timeout) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** The cart's lines (oldest first) and version; version 0 and no lines when none. */
    public Mono<Stored> find(UUID user) {
        Mono<Long> version = db.sql("SELECT version FROM carts WHERE user_id = :user")
            .bind("user", user)
            .map(row -> row.get("version", Long.class))
            .one()
            .defaultIfEmpty(0L);
        Mono<List<CartLine>> lines = db
            .sql("SELECT product_id, quantity FROM cart_items WHERE user_id = :user ORDER BY added_at, product_id")
            .bind("user", user)
            .map(row -> new CartLine(row.get("product_id", UUID.class), row.get("quantity", Integer.class)))
            .all()
            .collectList();
        return Mono.zip(version, lines, Stored::new).timeout(timeout);
    }

    /** Lines and version as stored. */
    public record Stored(long version, List<CartLine> lines) {
    }

    /** Sets the quantity of a product (adds the line if new). */
    Mono<Void> put(UUID user, UUID productId, int quantity, String ifMatch) {
        Mono<Void> write = bump(user, ifMatch)
            .then(db
                .sql("""
                        INSERT INTO cart_items (user_id, product_id, quantity, added_at) VALUES (:user, :product, :quantity, :now)
                        ON CONFLICT (user_id, product_id) DO UPDATE SET quantity = EXCLUDED.quantity
                        """)
                .bind("user", user)
                .bind("product", productId)
                .bind("quantity", quantity)
                .bind("now", clock.instant())
                .then())
            .then(checkLineCount(user));
        return tx.transactional(write).timeout(timeout);
    }

    /**
     * Adds {@code quantity} to the product's line (a new line if none) in one atomic
     * upsert, so concurrent adds never lose one another: the sum is computed by
     * PostgreSQL on the row it has locked, not from a quantity read earlier. The line may
     * not exceed {@code limit}; the result is the line's quantity after the add, or empty
     * when it would exceed the limit (nothing changed).
     */
    Mono<Integer> add(UUID user, UUID productId, int quantity, int limit) {
        if (quantity > limit) {
            return Mono.empty();
        }
        Mono<Integer> write = bump(user, null)
            .then(db.sql("""
                    INSERT INTO cart_items (user_id, product_id, quantity, added_at)
                    VALUES (:user, :product, :quantity, :now)
                    ON CONFLICT (user_id, product_id)
                    DO UPDATE SET quantity = cart_items.quantity + EXCLUDED.quantity
                    WHERE cart_items.quantity + EXCLUDED.quantity <= :limit
                    RETURNING quantity
                    """)
                .bind("user", user)
                .bind("product", productId)
                .bind("quantity", quantity)
                .bind("limit", limit)
                .bind("now", clock.instant())
                .map(row -> row.get("quantity", Integer.class))
                .one())
            .flatMap(total -> checkLineCount(user).thenReturn(total))
            .switchIfEmpty(Mono.error(LimitReached::new));
        // a refused add rolls the version bump back
        return tx.transactional(write).onErrorResume(LimitReached.class, e -> Mono.empty()).timeout(timeout);
    }

    /** The quantity of a product in the cart, 0 when none. */
    Mono<Integer> quantity(UUID user, UUID productId) {
        return db.sql("SELECT quantity FROM cart_items WHERE user_id = :user AND product_id = :product")
            .bind("user", user)
            .bind("product", productId)
            .map(row -> row.get("quantity", Integer.class))
            .one()
            .defaultIfEmpty(0)
            .timeout(timeout);
    }

    private Mono<Void> checkLineCount(UUID user) {
        return db.sql("SELECT count(*) AS n FROM cart_items WHERE user_id = :user")
            .bind("user", user)
            .map(row -> row.get("n", Long.class))
            .one()
            .flatMap(count -> count > MAX_LINES ? Mono.error(ProblemException.of(HttpStatus.CONFLICT,
                    "A cart holds at most " + MAX_LINES + " different products.")) : Mono.empty());
    }

    /** An add would exceed the line's limit: the transaction rolls back. */
    private static final class LimitReached extends RuntimeException {

        LimitReached() {
            super(null, null, false, false);
        }

    }

    /** Removes a product's line (nothing happens to an absent line but the version). */
    Mono<Void> remove(UUID user, UUID productId, String ifMatch) {
        return tx.transactional(bump(user, ifMatch)
            .then(db.sql("DELETE FROM cart_items WHERE user_id = :user AND product_id = :product")
                .bind("user", user)
                .bind("product", productId)
                .then()))
            .timeout(timeout);
    }

    /** Removes every line. */
    Mono<Void> clear(UUID user, String ifMatch) {
        return tx
            .transactional(bump(user, ifMatch)
                .then(db.sql("DELETE FROM cart_items WHERE user_id = :user").bind("user", user).then()))
            .timeout(timeout);
    }

    /**
     * Removes the given products' lines (an order was paid for them); to be run inside a
     * transaction of the caller.
     */
    public Mono<Void> removeOrdered(UUID user, Collection<UUID> productIds) {
        if (productIds.isEmpty()) {
            return Mono.empty();
        }
        return bump(user, null).then(Flux.fromIterable(productIds)
            .concatMap(productId -> db.sql("DELETE FROM cart_items WHERE user_id = :user AND product_id = :product")
                .bind("user", user)
                .bind("product", productId)
                .then())
            .then());
    }

    /**
     * Creates or locks the cart row and increments its version; 412 when {@code ifMatch}
     * names another version than the one before.
     */
    private Mono<Void> bump(UUID user, String ifMatch) {
        return db.sql("""
                INSERT INTO carts (user_id, version, updated_at) VALUES (:user, 1, :now)
                ON CONFLICT (user_id) DO UPDATE SET version = carts.version + 1, updated_at = EXCLUDED.updated_at
                RETURNING version
                """)
            .bind("user", user)
            .bind("now", clock.instant())
            .map(row -> row.get("version", Long.class))
            .one()
            .flatMap(
                    version -> ifMatch != null && !ETags.matches(ifMatch, version - 1)
                            ? Mono.error(ProblemException.of(HttpStatus.PRECONDITION_FAILED,
                                    "The cart has changed since it was read (If-Match does not match)."))
                            : Mono.empty());
    }

}
