package com.acme.shop.order.checkout;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.acme.shop.order.cart.CartStore;
import com.acme.shop.order.clients.PaymentClient;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/orders}: one order per user and Idempotency-Key. The first request
 * inserts the order (the unique (user, key) decides who is first, also across instances)
 * and runs the saga detached from the request, so a client that hangs up does not stop it
 * halfway; every repeat waits for that order's outcome and gets the same answer
 * ({@code replayed}); the same key with another card gets 422 (the order keeps a keyed
 * hash of the request, {@link CheckoutFingerprints}). A checkout that ended with nothing
 * charged leaves no order (out of stock, services unreachable), so a retry with the same
 * key checks out anew.
 */
class CheckoutService {

    private static final int MAX_ROUNDS = 3;

    private final OrderStore store;

    private final CartStore carts;

    private final Saga saga;

    private final String currency;

    private final Duration duplicateWait;

    private final CheckoutFingerprints fingerprints;

    CheckoutService(OrderStore store, CartStore carts, Saga saga, String currency, Duration duplicateWait,
            CheckoutFingerprints fingerprints) {
        this.fingerprints = fingerprints;
        this.store = store;
        this.carts = carts;
        this.saga = saga;
        this.currency = currency;
        this.duplicateWait = duplicateWait;
    }

    Mono<Outcome> checkout(UUID user, String key, PaymentClient.Card card) {
        return Mono.fromSupplier(() -> fingerprints.of(card))
            .flatMap(fingerprint -> attempt(user, key, fingerprint, card, 0));
    }

    private Mono<Outcome> attempt(UUID user, String key, String fingerprint, PaymentClient.Card card, int round) {
        if (round >= MAX_ROUNDS) {
            return Mono.just(new Outcome.InProgress());
        }
        return store.findByKey(user, key)
            .flatMap(existing -> CheckoutFingerprints.differs(existing.requestFingerprint(), fingerprint)
                    ? Mono.<Outcome>just(new Outcome.KeyReused())
                    : awaitOutcome(existing.id(), store.now().plus(duplicateWait)))
            .switchIfEmpty(Mono.defer(() -> start(user, key, fingerprint, card, round)));
    }

    private Mono<Outcome> start(UUID user, String key, String fingerprint, PaymentClient.Card card, int round) {
        return carts.find(user).flatMap(cart -> {
            if (cart.lines().isEmpty()) {
                return Mono.just(new Outcome.EmptyCart());
            }
            return store.create(UUID.randomUUID(), user, key, fingerprint, currency, cart.lines())
                // the saga runs to its end even if the client goes away
                .flatMap(order -> Mono.deferContextual(
                        context -> Mono.fromFuture(saga.run(order, card).contextWrite(context).toFuture(), true)))
                .switchIfEmpty(Mono.defer(() -> attempt(user, key, fingerprint, card, round + 1)));
        });
    }

    /**
     * The outcome of an order placed by an earlier request with the same key, once it is
     * no longer PENDING; {@link Outcome.InProgress} if it still is at {@code until};
     * empty when the order went away (nothing was charged).
     */
    private Mono<Outcome> awaitOutcome(UUID id, Instant until) {
        return store.find(id).flatMap(order -> {
            if (order.status() != OrderStatus.PENDING) {
                return Mono.just(replay(order));
            }
            if (store.now().isAfter(until)) {
                return Mono.just(new Outcome.InProgress());
            }
            return Mono.delay(Duration.ofMillis(50)).then(Mono.defer(() -> awaitOutcome(id, until)));
        });
    }

    private static Outcome replay(StoredOrder order) {
        if (order.status() == OrderStatus.PAYMENT_FAILED) {
            return new Outcome.Declined(order.view(), order.failureCode(), true);
        }
        return new Outcome.Placed(order.view(), true);
    }

}
