package com.acme.shop.order.checkout;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import com.acme.shop.order.Money;
import com.acme.shop.order.clients.PaymentClient;
import com.acme.shop.order.clients.ProductClient;
import com.acme.shop.order.clients.Retries;
import com.acme.shop.order.clients.RetryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The checkout saga and its compensations. Each step is persisted (step column) before
 * the call it makes, so the recovery job ({@link #resume(StoredOrder)}) can finish or
 * compensate any order from any step:
 *
 * <pre>
 * RESERVING --reserved--> CHARGING --charged--> CONFIRMING (PAID) --confirmed--> DONE
 *     |                      |--declined--> RELEASING (PAYMENT_FAILED) --released--> DONE
 *     |--short / failed-->   |--not charged--> ABORTING --released--> order deleted
 * PAID --cancel--> REFUNDING --refunded--> RELEASING (CANCELLED) --released--> DONE
 * CHARGING --payment says refunded already (recovery)--> RELEASING (CANCELLED)
 * </pre>
 *
 * Invariant 3: an order becomes PAID only after payment said SUCCEEDED; an order is
 * deleted or PAYMENT_FAILED only after payment said it has no successful charge (or
 * declined it). A charge whose outcome is unknown (a timeout, a lost connection) leaves
 * the order in CHARGING for the recovery job, which asks payment once every call of the
 * request is long over.
 */
class Saga {

    private static final Logger log = LoggerFactory.getLogger(Saga.class);

    private final OrderStore store;

    private final ProductClient products;

    private final PaymentClient payments;

    private final Retries retries;

    private final Duration deadline;

    private final String currency;

    Saga(OrderStore store, ProductClient products, PaymentClient payments, Retries retries, Duration deadline,
            String currency) {
        this.store = store;
        this.products = products;
        this.payments = payments;
        this.retries = retries;
        this.deadline = deadline;
        this.currency = currency;
    }

    /** Runs a new order's checkout (step RESERVING) to its end. */
    Mono<Outcome> run(StoredOrder order, PaymentClient.Card card) {
        List<ProductClient.Line> lines = order.lines()
            .stream()
            .map(line -> new ProductClient.Line(line.productId(), line.quantity()))
            .toList();
        // only a failure of the reservation itself aborts here: once stock is reserved,
        // failures are settled by the charge step or left to the recovery job
        return retries.within(deadline, () -> products.reserve(order.id(), lines))
            .map(Optional::of)
            .onErrorResume(error -> {
                log.warn("Checkout of order {} could not reserve stock: {}", order.number(), describe(error));
                return abort(order).thenReturn(Optional.empty());
            })
            .flatMap(result -> {
                if (result.isEmpty()) {
                    return Mono.just(new Outcome.Unavailable());
                }
                if (result.get() instanceof ProductClient.Short shortage) {
                    return outOfStock(order, shortage.shortages());
                }
                return reserved(order, ((ProductClient.Reserved) result.get()).reservation(), card);
            });
    }

    private Mono<Outcome> outOfStock(StoredOrder order, List<ProductClient.Shortage> shortages) {
        Mono<List<Outcome.Shortage>> named = Flux.fromIterable(shortages)
            .concatMap(shortage -> products.product(shortage.productId())
                .map(ProductClient.Product::name)
                .timeout(Duration.ofSeconds(2))
                .onErrorResume(error -> Mono.empty())
                .defaultIfEmpty("")
                .map(name -> new Outcome.Shortage(shortage.productId(), name.isEmpty() ? null : name,
                        shortage.requested(), shortage.available(), shortage.reason())))
            .collectList();
        // product reserves all or nothing: a refusal held no stock, the order can go
        return named.flatMap(list -> store.step(order.id(), Step.RESERVING, Step.ABORTING)
            .then(store.delete(order.id()))
            .thenReturn(new Outcome.OutOfStock(list)));
    }

    private Mono<Outcome> reserved(StoredOrder order, ProductClient.Reservation reservation, PaymentClient.Card card) {
        List<ProductClient.ReservedItem> items = reservation.items();
        boolean sameLines = items.size() == order.lines().size() && order.lines()
            .stream()
            .allMatch(line -> items.stream()
                .anyMatch(item -> item.productId().equals(line.productId()) && item.quantity() == line.quantity()));
        boolean ourCurrency = items.stream().allMatch(item -> currency.equals(item.unitPrice().currency()));
        if (!sameLines || !ourCurrency) {
            log.error("Reservation of order {} does not match the order (lines {}, currency {}); releasing",
                    order.number(), sameLines, ourCurrency);
            return abort(order).thenReturn(new Outcome.Unavailable());
        }
        Money total = items.stream()
            .map(item -> item.unitPrice().times(item.quantity()))
            .reduce(Money.zero(currency), Money::plus);
        return store.reserved(order.id(), items, total.amount())
            .flatMap(moved -> moved ? charge(order, total, card) : Mono.just(new Outcome.Unavailable()));
    }

    private Mono<Outcome> charge(StoredOrder order, Money total, PaymentClient.Card card) {
        AtomicBoolean indeterminate = new AtomicBoolean();
        return retries.within(deadline, () -> payments.charge(order.id(), total, card), error -> {
            // a 5xx answer means payment finished with the request; a timeout or a broken
            // connection may leave the charge running there
            if (!(error instanceof RetryableException)) {
                indeterminate.set(true);
            }
        }).flatMap(result -> {
            if (result instanceof PaymentClient.Charged charged && charged.payment().succeeded()) {
                return paid(order, charged.payment());
            }
            if (result instanceof PaymentClient.Declined declined) {
                return declined(order, declined.code(), declined.last4());
            }
            if (result instanceof PaymentClient.Refused refused && refused.status() == 400) {
                return abort(order).thenReturn(new Outcome.InvalidCard());
            }
            return settle(order, false);
        }).onErrorResume(error -> {
            log.warn("Charge of order {} failed: {}", order.number(), describe(error));
            return settle(order, indeterminate.get() || !RetryableException.isRetryable(error));
        });
    }

    /**
     * The charge's outcome is unknown: asks payment. A success or a decline is acted on;
     * no payment aborts the order unless a charge may still be running
     * ({@code indeterminate}), which, like an unanswered question, leaves it to the
     * recovery job.
     */
    private Mono<Outcome> settle(StoredOrder order, boolean indeterminate) {
        return retries.within(deadline, () -> payments.find(order.id())).flatMap(payment -> {
            if (payment.succeeded()) {
                return paid(order, payment);
            }
            if (payment.declined()) {
                return declined(order, payment.declineCode(), payment.last4());
            }
            return Mono.<Outcome>just(new Outcome.Unavailable());
        })
            .switchIfEmpty(Mono.defer(() -> indeterminate ? Mono.just(new Outcome.Unavailable())
                    : abort(order).thenReturn(new Outcome.Unavailable())))
            .onErrorResume(error -> {
                log.warn("Order {}: payment cannot say whether it charged ({}); left to recovery", order.number(),
                        describe(error));
                return Mono.just(new Outcome.Unavailable());
            });
    }

    /**
     * Payment succeeded: PAID (and out of the cart), then the reservation is confirmed.
     */
    Mono<Outcome> paid(StoredOrder order, PaymentClient.Payment payment) {
        return store.paid(order, payment.id(), payment.last4())
            .then(confirm(order))
            .then(store.find(order.id()))
            .map(stored -> (Outcome) new Outcome.Placed(stored.view(), false));
    }

    Mono<Outcome> declined(StoredOrder order, String code, String last4) {
        return store.declined(order.id(), code, last4)
            .then(release(order))
            .then(store.find(order.id()))
            .map(stored -> (Outcome) new Outcome.Declined(stored.view(), code, false));
    }

    /**
     * Confirms the reservation of a PAID order. If the stock is no longer held for it
     * (the reservation was released), the order cannot be delivered: refund and cancel.
     */
    Mono<Void> confirm(StoredOrder order) {
        return retries.within(deadline, () -> products.confirm(order.id()))
            .flatMap(reservation -> store.step(order.id(), Step.CONFIRMING, Step.DONE))
            .switchIfEmpty(Mono.defer(() -> {
                log.error("Order {} is paid but its reservation is gone; refunding", order.number());
                return store.step(order.id(), Step.CONFIRMING, Step.REFUNDING)
                    .flatMap(moved -> moved ? refund(order, "stock_released") : Mono.just(false));
            }))
            .onErrorResume(error -> {
                log.warn("Order {}: reservation not confirmed yet ({}); left to recovery", order.number(),
                        describe(error));
                return Mono.just(false);
            })
            .then();
    }

    /**
     * Refunds a PAID order in step REFUNDING, then CANCELLED and its stock released.
     * Errors propagate (the step stays REFUNDING for the recovery job).
     */
    Mono<Boolean> refund(StoredOrder order, String code) {
        return store.find(order.id())
            .flatMap(current -> retries.within(deadline,
                    () -> payments.refund(Objects.requireNonNull(current.paymentId(), "payment id"))))
            .then(store.cancelled(order.id(), code))
            .flatMap(moved -> release(order).thenReturn(moved));
    }

    /** Returns the stock of an order in step RELEASING, then DONE. */
    Mono<Void> release(StoredOrder order) {
        return retries.within(deadline, () -> products.release(order.id()))
            .then(store.step(order.id(), Step.RELEASING, Step.DONE))
            .onErrorResume(error -> {
                log.warn("Order {}: stock not released yet ({}); left to recovery", order.number(), describe(error));
                return Mono.just(false);
            })
            .then();
    }

    /**
     * Nothing was charged: the order goes to ABORTING, its stock back, and the order away
     * (so a retry with the same key checks out anew). Failures leave it in ABORTING.
     */
    Mono<Void> abort(StoredOrder order) {
        return store.aborting(order.id())
            .filter(moved -> moved)
            .flatMap(moved -> retries.within(deadline, () -> products.release(order.id()))
                .then(store.delete(order.id())))
            .onErrorResume(error -> {
                log.warn("Order {}: not aborted yet ({}); left to recovery", order.number(), describe(error));
                return Mono.just(false);
            })
            .then();
    }

    /**
     * Recovery: finishes or compensates an order whose step has not moved for longer than
     * any request of its checkout can last.
     */
    Mono<Void> resume(StoredOrder order) {
        log.info("Recovering order {} (status {}, step {})", order.number(), order.status(), order.step());
        return switch (order.step()) {
            case RESERVING -> abort(order);
            case CHARGING,
                    ABORTING ->
                retries
                    .within(deadline,
                            () -> payments.find(order.id()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                    .flatMap(found -> {
                        if (found.isEmpty()) {
                            return abort(order);
                        }
                        PaymentClient.Payment payment = found.get();
                        if (payment.succeeded()) {
                            return paid(order, payment).then();
                        }
                        if (payment.declined()) {
                            return declined(order, payment.declineCode(), payment.last4()).then();
                        }
                        if (payment.refunded()) {
                            // the money is back already: the order is cancelled (and
                            // kept), its stock returned
                            log.warn("Order {} is {} but its payment was refunded; cancelling it", order.number(),
                                    order.status());
                            return store.refundedBeforePaid(order.id(), payment.id(), payment.last4())
                                .flatMap(moved -> moved ? release(order) : Mono.empty());
                        }
                        log.error("Order {} is {} but its payment is {}; left as it is", order.number(), order.status(),
                                payment.status());
                        return Mono.<Void>empty();
                    });
            case CONFIRMING -> confirm(order);
            case RELEASING -> release(order);
            case REFUNDING -> refund(order, null).then();
            case DONE -> Mono.empty();
        };
    }

    private static String describe(Throwable error) {
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }

}
