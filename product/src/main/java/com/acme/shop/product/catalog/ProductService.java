package com.acme.shop.product.catalog;

import com.acme.shop.product.ETags;
import com.acme.shop.product.ProductProperties;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Catalog use cases over {@link ProductRepository}; every failure is a
 * {@link ProductProblems} answer.
 */
@Service
class ProductService {

    /**
     * How often an update without If-Match retries after losing a race to a concurrent
     * writer.
     */
    private static final int UNCONDITIONAL_UPDATE_ATTEMPTS = 5;

    private final ProductRepository products;

    private final String currency;

    ProductService(ProductRepository products, ProductProperties properties) {
        this.products = products;
        this.currency = properties.currency();
    }

    Mono<ProductPage> list(ProductSearch search) {
        return products.find(search)
            .collectList()
            .zipWith(products.count(search), (content, total) -> ProductPage.of(content, search, total));
    }

    Mono<Product> get(UUID id) {
        return products.findActive(id).switchIfEmpty(Mono.error(ProductProblems::notFound));
    }

    Mono<Product> create(ProductData data) {
        return Mono.fromRunnable(() -> checkCurrency(data))
            .then(products.insert(UUID.randomUUID(), data))
            .onErrorMap(DataIntegrityViolationException.class, ex -> ProductProblems.skuTaken());
    }

    /**
     * Replaces the product's fields. With {@code ifMatch} the update applies only to the
     * version it names (else 412); without it the current version is used, and a lost
     * race is retried. Either way the SQL update is conditional on the version it read.
     */
    Mono<Product> update(UUID id, String ifMatch, ProductData data) {
        return Mono.fromRunnable(() -> checkCurrency(data))
            .then(attemptUpdate(id, ifMatch, data, UNCONDITIONAL_UPDATE_ATTEMPTS));
    }

    private Mono<Product> attemptUpdate(UUID id, String ifMatch, ProductData data, int attemptsLeft) {
        return get(id).flatMap(current -> {
            if (ifMatch != null && !ETags.matches(ifMatch, current.version())) {
                return Mono.error(ProductProblems.staleVersion());
            }
            return products.update(id, current.version(), data)
                .onErrorMap(DataIntegrityViolationException.class, ex -> ProductProblems.skuTaken())
                .switchIfEmpty(Mono.defer(() -> ifMatch != null || attemptsLeft <= 1
                        ? get(id).then(Mono.error(ProductProblems.staleVersion()))
                        : attemptUpdate(id, null, data, attemptsLeft - 1)));
        });
    }

    /**
     * Soft delete: the product leaves the catalog; reservations and orders keep their own
     * copies.
     */
    Mono<Void> delete(UUID id) {
        return products.deactivate(id)
            .flatMap(deleted -> deleted ? Mono.empty() : Mono.error(ProductProblems.notFound()));
    }

    private void checkCurrency(ProductData data) {
        if (!currency.equals(data.currency())) {
            throw ProductProblems.wrongCurrency(currency);
        }
    }

}
