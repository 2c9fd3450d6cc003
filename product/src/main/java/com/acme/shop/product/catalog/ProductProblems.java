package com.acme.shop.product.catalog;

import com.acme.shop.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The catalog API's own answers besides validation, as common {@link ProblemException}s.
 */
final class ProductProblems {

    private ProductProblems() {
    }

    /** 404: no active product with the requested id (deleted products are not shown). */
    static ProblemException notFound() {
        return ProblemException.of(HttpStatus.NOT_FOUND, "Product not found.");
    }

    /** 409: another active product has this SKU. */
    static ProblemException skuTaken() {
        return ProblemException.of(HttpStatus.CONFLICT, "A product with this SKU already exists.");
    }

    /** 412: the product changed since the version named in {@code If-Match}. */
    static ProblemException staleVersion() {
        return ProblemException.of(HttpStatus.PRECONDITION_FAILED,
                "The product was modified; fetch it again and retry with the current ETag.");
    }

    /** 400: the price is not in the shop's currency. */
    static ProblemException wrongCurrency(String currency) {
        return ProblemException.invalid("price.currency", "must be " + currency + " (the shop's currency)");
    }

}
