package com.acme.shop.product.catalog;

import com.acme.shop.product.Bounded;
import com.acme.shop.product.Money;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Product rows in {@code product.products}. Every value is a bound parameter (prepared
 * statements only); the only SQL text built at run time is the ORDER BY from
 * {@link ProductSearch}'s whitelist. Every operation is bounded by
 * {@code shop.product.db-timeout} (→ 503).
 */
@Repository
class ProductRepository {

    private static final String TABLE = "product.products";

    private static final String COLUMNS = "id, sku, name, description, price_amount, currency, stock, image_url, active,"
            + " created_at, updated_at, version";

    private static final String SEARCH = " AND (name ILIKE :pattern ESCAPE '\\' OR sku ILIKE :pattern ESCAPE '\\'"
            + " OR description ILIKE :pattern ESCAPE '\\')";

    private final DatabaseClient db;

    private final Bounded bounded;

    ProductRepository(DatabaseClient db, Bounded bounded) {
        this.db = db;
        this.bounded = bounded;
    }

    /** The product if it exists and is active. */
    Mono<Product> findActive(UUID id) {
        return bounded.mono(db.sql("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE id = :id AND active")
            .bind("id", id)
            .map(ProductRepository::product)
            .one());
    }

    Flux<Product> find(ProductSearch search) {
        GenericExecuteSpec spec = db
            .sql("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE active" + (search.hasQuery() ? SEARCH : "")
                    + " ORDER BY " + search.orderBy() + " LIMIT :limit OFFSET :offset")
            .bind("limit", search.size())
            .bind("offset", search.offset());
        if (search.hasQuery()) {
            spec = spec.bind("pattern", search.likePattern());
        }
        return bounded.flux(spec.map(ProductRepository::product).all());
    }

    Mono<Long> count(ProductSearch search) {
        GenericExecuteSpec spec = db
            .sql("SELECT count(*) AS total FROM " + TABLE + " WHERE active" + (search.hasQuery() ? SEARCH : ""));
        if (search.hasQuery()) {
            spec = spec.bind("pattern", search.likePattern());
        }
        return bounded.mono(spec.map(row -> row.get("total", Long.class)).one());
    }

    /**
     * Inserts a product; an SKU held by another active product fails with
     * {@code DuplicateKeyException}.
     */
    Mono<Product> insert(UUID id, ProductData data) {
        return bounded.mono(bind(db
            .sql("INSERT INTO " + TABLE + " (id, sku, name, description, price_amount, currency, stock, image_url)"
                    + " VALUES (:id, :sku, :name, :description, :priceAmount, :currency, :stock, :imageUrl) RETURNING "
                    + COLUMNS),
                data)
            .bind("id", id)
            .map(ProductRepository::product)
            .one());
    }

    /**
     * Optimistic update: changes the active row only while it still has
     * {@code expectedVersion}, and bumps the version. A {@code null} stock keeps the
     * current one. Empty when the row is gone, inactive or has another version.
     */
    Mono<Product> update(UUID id, long expectedVersion, ProductData data) {
        return bounded.mono(bind(db.sql("UPDATE " + TABLE
                + " SET sku = :sku, name = :name, description = :description, price_amount = :priceAmount,"
                + " currency = :currency, stock = COALESCE(:stock, stock), image_url = :imageUrl,"
                + " updated_at = now(), version = version + 1"
                + " WHERE id = :id AND active AND version = :version RETURNING " + COLUMNS), data)
            .bind("id", id)
            .bind("version", expectedVersion)
            .map(ProductRepository::product)
            .one());
    }

    /**
     * Soft delete ({@code active = false}); emits whether an active row was deactivated.
     */
    Mono<Boolean> deactivate(UUID id) {
        return bounded.mono(db.sql("UPDATE " + TABLE + " SET active = false, updated_at = now(), version = version + 1"
                + " WHERE id = :id AND active")
            .bind("id", id)
            .fetch()
            .rowsUpdated()
            .map(rows -> rows > 0));
    }

    private static GenericExecuteSpec bind(GenericExecuteSpec spec, ProductData data) {
        GenericExecuteSpec bound = spec.bind("sku", data.sku())
            .bind("name", data.name())
            .bind("description", data.description())
            .bind("priceAmount", data.priceAmount())
            .bind("currency", data.currency());
        bound = data.stock() == null ? bound.bindNull("stock", Integer.class) : bound.bind("stock", data.stock());
        return data.imageUrl() == null ? bound.bindNull("imageUrl", String.class)
                : bound.bind("imageUrl", data.imageUrl());
    }

    private static Product product(Readable row) {
        return new Product(row.get("id", UUID.class), row.get("sku", String.class), row.get("name", String.class),
                row.get("description", String.class),
                new Money(row.get("price_amount", Long.class), row.get("currency", String.class)),
                row.get("stock", Integer.class), row.get("image_url", String.class), row.get("active", Boolean.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant(), row.get("version", Long.class));
    }

}
