package com.acme.shop.product.reservation;

import com.acme.shop.common.problem.ProblemException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** The reservation API's own answers besides validation. */
final class ReservationProblems {

    static final String SHORTAGES = "shortages";

    private ReservationProblems() {
    }

    /** 404: no reservation for this order. */
    static ProblemException notFound() {
        return ProblemException.of(HttpStatus.NOT_FOUND, "No reservation for this order.");
    }

    /**
     * 409 with {@code shortages: [{productId, requested, available, reason}]}: nothing
     * was reserved.
     */
    static ProblemException shortages(List<Shortage> shortages) {
        String products = shortages.stream()
            .map(shortage -> shortage.productId().toString())
            .collect(Collectors.joining(", "));
        ProblemException problem = ProblemException.of(HttpStatus.CONFLICT,
                "Not enough stock for: " + products + ". Nothing was reserved.");
        problem.getBody().setProperty(SHORTAGES, shortages);
        return problem;
    }

    /** 409: a released reservation cannot be confirmed. */
    static ProblemException released() {
        return ProblemException.of(HttpStatus.CONFLICT, "The reservation was released; it cannot be confirmed.");
    }

    /** 422: the order id was used for a reservation with other items. */
    static ProblemException differentItems() {
        return ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT,
                "A reservation for this order already exists with other items.");
    }

    /** 400: the same product twice in one request. */
    static ProblemException duplicateProduct(int index) {
        return ProblemException.invalid("items[" + index + "].productId", "must not repeat a product of this request");
    }

    /** 404: no such product (stock levels). */
    static ProblemException productNotFound() {
        return ProblemException.of(HttpStatus.NOT_FOUND, "Product not found.");
    }

}
