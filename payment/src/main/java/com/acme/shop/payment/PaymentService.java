package com.acme.shop.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import com.acme.shop.payment.ProcessorFaults.Fault;
import com.acme.shop.payment.TestCards.Outcome;

/**
 * The simulated card processor. A charge is decided by its test card ({@link TestCards}),
 * recorded once per order id ({@link PaymentRepository}), delayed by
 * {@code PAYMENT_LATENCY} and maybe failed by {@link ProcessorFaults}:
 * <ul>
 * <li>a new order: the payment is inserted (SUCCEEDED, or DECLINED with its code);
 * processor-error card → 503, nothing stored;</li>
 * <li>an order that has a payment: the stored payment again (whatever the card's outcome
 * would be now), if amount, currency and card fingerprint match, else 422;</li>
 * <li>injected failure "before": 503 before any of this; "after": 503 after it, so the
 * charge exists and a retry gets it.</li>
 * </ul>
 * DECLINED payments answer 402 (the same body every time). Logs name the order, the
 * payment, the outcome and the last four digits, never more of the card.
 */
@Service
class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentRepository payments;

    private final CardFingerprints fingerprints;

    private final ProcessorFaults faults;

    private final Clock clock;

    private final Duration latency;

    private final Duration retryAfter;

    PaymentService(PaymentRepository payments, CardFingerprints fingerprints, ProcessorFaults faults, Clock clock,
            PaymentProperties properties) {
        this.payments = payments;
        this.fingerprints = fingerprints;
        this.faults = faults;
        this.clock = clock;
        this.latency = properties.latency();
        this.retryAfter = properties.retryAfter();
    }

    /**
     * Charges the card once for the order. Emits the payment (SUCCEEDED, or REFUNDED if a
     * refunded order is charged again) with whether this call created it; fails with a
     * {@code ProblemException} (402 declined, 400, 422, 503).
     * @param idempotencyKey the request's key (recorded with a new payment), or
     * {@code null}
     */
    Mono<ChargeResult> charge(ChargeRequest request, String idempotencyKey) {
        return Mono.defer(() -> {
            check(request);
            UUID orderId = Ids.require("orderId", request.orderId());
            String digits = CardNumbers.digits(request.card().number());
            String fingerprint = fingerprints.of(digits);
            Outcome outcome = TestCards.outcome(digits);
            Fault fault = faults.next();
            Payment candidate = new Payment(UUID.randomUUID(), orderId,
                    outcome.declined() ? PaymentStatus.DECLINED : PaymentStatus.SUCCEEDED, request.amount(),
                    CardNumbers.last4(digits), fingerprint, outcome.declineCode(), null, null);
            return processorDelay().then(Mono.defer(() -> {
                if (fault == Fault.BEFORE) {
                    log.warn("Simulated processor failure before charging: order={}", orderId);
                    return Mono.error(PaymentProblems.processingError(retryAfter));
                }
                return record(candidate, outcome, idempotencyKey);
            })).flatMap(result -> {
                log.info("Charge order={} payment={} status={} last4={} replayed={}", orderId, result.payment().id(),
                        result.payment().status(), result.payment().last4(), !result.created());
                if (fault == Fault.AFTER) {
                    log.warn("Simulated processor failure after charging: order={} payment={} (answer lost)", orderId,
                            result.payment().id());
                    return Mono.error(PaymentProblems.processingError(retryAfter));
                }
                if (result.payment().status() == PaymentStatus.DECLINED) {
                    return Mono.error(PaymentProblems.declined(result.payment()));
                }
                return Mono.just(result);
            });
        });
    }

    private Mono<ChargeResult> record(Payment candidate, Outcome outcome, String idempotencyKey) {
        Mono<ChargeResult> existing = payments.findByOrderId(candidate.orderId())
            .map(stored -> replay(stored, candidate));
        if (outcome == Outcome.PROCESSING_ERROR) {
            return existing.switchIfEmpty(Mono.defer(() -> {
                log.info("Charge order={} failed: processor error (test card), nothing recorded", candidate.orderId());
                return Mono.error(PaymentProblems.processingError(retryAfter));
            }));
        }
        return payments.insertIfAbsent(candidate, idempotencyKey)
            .map(payment -> new ChargeResult(payment, true))
            // nothing inserted: the order has a payment, or the key belongs to another
            // order
            .switchIfEmpty(Mono.defer(() -> existing.switchIfEmpty(Mono.error(PaymentProblems::keyReused))));
    }

    private static ChargeResult replay(Payment stored, Payment candidate) {
        if (!stored.sameChargeAs(candidate.amount(), candidate.fingerprint())) {
            throw PaymentProblems.differentCharge();
        }
        return new ChargeResult(stored, false);
    }

    /**
     * Refunds the payment in full, once: a refunded payment is answered as it is; a
     * declined one is 409.
     */
    Mono<Payment> refund(UUID id) {
        return processorDelay().then(payments.refund(id)
            .doOnNext(payment -> log.info("Refund payment={} order={}", payment.id(), payment.orderId()))
            .switchIfEmpty(Mono.defer(() -> payments.findById(id)
                .switchIfEmpty(Mono.error(PaymentProblems::notFound))
                .flatMap(payment -> payment.status() == PaymentStatus.REFUNDED ? Mono.just(payment)
                        : Mono.error(PaymentProblems.notRefundable())))));
    }

    Mono<Payment> get(UUID id) {
        return payments.findById(id).switchIfEmpty(Mono.error(PaymentProblems::notFound));
    }

    Mono<Payment> findByOrder(UUID orderId) {
        return payments.findByOrderId(orderId).switchIfEmpty(Mono.error(PaymentProblems::notFound));
    }

    /** What Bean Validation cannot know: the calendar and the currency list. */
    private void check(ChargeRequest request) {
        if (CardExpiry.isExpired(request.card().expiry(), clock)) {
            throw PaymentProblems.expired();
        }
        if (!isKnownCurrency(request.amount().currency())) {
            throw PaymentProblems.unknownCurrency();
        }
    }

    private static boolean isKnownCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private Mono<Long> processorDelay() {
        return latency.isZero() ? Mono.just(0L) : Mono.delay(latency);
    }

    /** A payment and whether this request created it (false: a repeat). */
    record ChargeResult(Payment payment, boolean created) {
    }

}
