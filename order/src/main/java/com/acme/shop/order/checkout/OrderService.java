package com.acme.shop.order.checkout;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.acme.shop.common.problem.ProblemException;
import com.acme.shop.order.Users;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * Reading and cancelling orders. Only the owner or an ADMIN sees an order; anyone else
 * gets the same 404 as for an order that does not exist (invariant 5).
 */
class OrderService {

    private final OrderStore store;

    private final Saga saga;

    private final Duration cancelWindow;

    OrderService(OrderStore store, Saga saga, Duration cancelWindow) {
        this.store = store;
        this.saga = saga;
        this.cancelWindow = cancelWindow;
    }

    Mono<OrderPage> list(Users user, int page, int size) {
        return store.page(user.admin() ? null : user.id(), page, size);
    }

    Mono<Order> get(Users user, UUID id) {
        return visible(user, id).map(StoredOrder::view);
    }

    /**
     * PAID → CANCELLED: refund, then the stock goes back. The owner may cancel within the
     * window after the order was placed, an ADMIN always; a CANCELLED order is answered
     * as it is; anything else is 409.
     */
    Mono<Order> cancel(Users user, UUID id) {
        return visible(user, id).flatMap(order -> {
            if (order.status() == OrderStatus.CANCELLED) {
                return Mono.just(order.view());
            }
            if (order.status() != OrderStatus.PAID) {
                return Mono
                    .error(notCancellable("Only a paid order can be cancelled; this one is " + order.status() + "."));
            }
            if (!mayCancel(user.admin(), order.createdAt(), store.now(), cancelWindow)) {
                return Mono.error(notCancellable(
                        "Orders can be cancelled within " + cancelWindow.toMinutes() + " minutes of being placed."));
            }
            return store.refunding(order.id())
                .flatMap(moved -> moved ? saga.refund(order, "cancelled")
                    .onErrorMap(error -> ProblemException
                        .of(HttpStatus.SERVICE_UNAVAILABLE,
                                "The refund could not be completed right now; it will be retried.")
                        .retryAfter(5)) : Mono.just(false))
                .then(store.find(order.id()))
                .flatMap(current -> current.status() == OrderStatus.CANCELLED ? Mono.just(current.view())
                        : Mono.error(notCancellable("The order is being changed; try again.")));
        });
    }

    /**
     * An ADMIN may always cancel; the owner until {@code window} after the order was
     * placed.
     */
    static boolean mayCancel(boolean admin, Instant placedAt, Instant now, Duration window) {
        return admin || !now.isAfter(placedAt.plus(window));
    }

    private Mono<StoredOrder> visible(Users user, UUID id) {
        return store.find(id)
            .filter(order -> user.admin() || order.userId().equals(user.id()))
            .switchIfEmpty(Mono.error(() -> ProblemException.of(HttpStatus.NOT_FOUND, "Order not found.")));
    }

    private static ProblemException notCancellable(String detail) {
        ProblemException problem = ProblemException.of(HttpStatus.CONFLICT, detail);
        problem.getBody().setProperty("code", "not_cancellable");
        return problem;
    }

}
