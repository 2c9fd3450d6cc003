package com.acme.shop.payment;

import java.time.Duration;

import com.acme.shop.common.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The payment API's answers besides success and validation, as common
 * {@link ProblemException}s. Each carries a machine-readable {@code code} (as card
 * processors name them); none echoes card data.
 */
final class PaymentProblems {

    static final String CODE = "code";

    static final String CARD_DECLINED = "card_declined";

    static final String INSUFFICIENT_FUNDS = "insufficient_funds";

    static final String PROCESSING_ERROR = "processing_error";

    private PaymentProblems() {
    }

    /**
     * 402 for a stored DECLINED payment; the same body for every repeat of the charge.
     */
    static ProblemException declined(Payment payment) {
        String detail = INSUFFICIENT_FUNDS.equals(payment.declineCode()) ? "The card has insufficient funds."
                : "The card was declined.";
        ProblemException problem = ProblemException.of(HttpStatus.PAYMENT_REQUIRED, detail);
        problem.getBody().setProperty(CODE, payment.declineCode());
        problem.getBody().setProperty("paymentId", payment.id().toString());
        problem.getBody().setProperty("orderId", payment.orderId().toString());
        problem.getBody().setProperty("last4", payment.last4());
        return problem;
    }

    /**
     * 503 with {@code Retry-After}: the (simulated) processor failed; nothing new was
     * charged unless a retry finds a stored payment. Test card 0119 and injected failures
     * answer alike, so a client cannot tell them apart.
     */
    static ProblemException processingError(Duration retryAfter) {
        ProblemException problem = ProblemException
            .of(HttpStatus.SERVICE_UNAVAILABLE, "The card processor could not complete the charge. Retry later.")
            .retryAfter(Math.max(1, retryAfter.toSeconds()));
        problem.getBody().setProperty(CODE, PROCESSING_ERROR);
        return problem;
    }

    /**
     * 422: the order already has a payment, for another amount, currency or card. Nothing
     * is charged.
     */
    static ProblemException differentCharge() {
        ProblemException problem = ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT,
                "This order already has a payment with a different amount, currency or card.");
        problem.getBody().setProperty(CODE, "order_already_charged_differently");
        return problem;
    }

    /** 422: the Idempotency-Key was used for another order's charge. */
    static ProblemException keyReused() {
        ProblemException problem = ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT,
                "This idempotency key was already used for a different request.");
        problem.getBody().setProperty(CODE, "idempotency_key_reused");
        return problem;
    }

    /** 400 field error for a card past its expiry month. */
    static ProblemException expired() {
        return ProblemException.invalid("card.expiry", "the card has expired");
    }

    /** 400 field error for an unknown currency code. */
    static ProblemException unknownCurrency() {
        return ProblemException.invalid("amount.currency", "must be an ISO 4217 currency code");
    }

    static ProblemException notFound() {
        return ProblemException.of(HttpStatus.NOT_FOUND, "Payment not found.");
    }

    /** 409: only a SUCCEEDED (or already REFUNDED) payment can be refunded. */
    static ProblemException notRefundable() {
        ProblemException problem = ProblemException.of(HttpStatus.CONFLICT,
                "A declined payment charged nothing and cannot be refunded.");
        problem.getBody().setProperty(CODE, "not_refundable");
        return problem;
    }

}
