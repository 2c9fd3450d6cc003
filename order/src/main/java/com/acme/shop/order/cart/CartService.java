package com.acme.shop.order.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.acme.shop.common.problem.ProblemException;
import com.acme.shop.order.Money;
import com.acme.shop.order.clients.ProductClient;
import com.acme.shop.order.clients.RetryableException;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The cart at today's prices: stored lines priced by product when read. A product that
 * was deleted or deactivated drops out of the cart. While product cannot be reached the
 * cart answers 503 rather than show prices it does not know.
 */
public class CartService {

    /** Most units of one product a cart line holds. */
    static final int MAX_QUANTITY = 99;

    private final CartStore store;

    private final ProductClient products;

    private final String currency;

    public CartService(CartStore store, ProductClient products, String currency) {
        this.store = store;
        this.products = products;
        this.currency = currency;
    }

    Mono<Cart> get(UUID user) {
        return store.find(user).flatMap(stored -> price(user, stored));
    }

    Mono<Cart> put(UUID user, UUID productId, int quantity, String ifMatch) {
        return products.product(productId)
            .onErrorMap(RetryableException::isRetryable, CartService::catalogDown)
            .switchIfEmpty(Mono.error(() -> ProblemException.of(HttpStatus.NOT_FOUND, "Product not found.")))
            .flatMap(product -> {
                if (quantity > product.stock()) {
                    ProblemException problem = ProblemException.of(HttpStatus.CONFLICT,
                            product.stock() == 0 ? product.name() + " is out of stock."
                                    : "Only " + product.stock() + " of " + product.name() + " in stock.");
                    problem.getBody().setProperty("productId", productId.toString());
                    problem.getBody().setProperty("available", product.stock());
                    return Mono.error(problem);
                }
                return store.put(user, productId, quantity, ifMatch);
            })
            .then(get(user));
    }

    /**
     * Adds {@code quantity} units of a product to what the cart holds (atomically, see
     * {@link CartStore#add}); 409 when the line would hold more than in stock or more
     * than {@value #MAX_QUANTITY}.
     */
    Mono<Cart> add(UUID user, UUID productId, int quantity) {
        return products.product(productId)
            .onErrorMap(RetryableException::isRetryable, CartService::catalogDown)
            .switchIfEmpty(Mono.error(() -> ProblemException.of(HttpStatus.NOT_FOUND, "Product not found.")))
            .flatMap(product -> store.add(user, productId, quantity, Math.min(MAX_QUANTITY, product.stock()))
                .switchIfEmpty(Mono.defer(() -> store.quantity(user, productId)
                    .flatMap(inCart -> Mono.error(tooMany(product, productId, inCart))))))
            .then(get(user));
    }

    private static ProblemException tooMany(ProductClient.Product product, UUID productId, int inCart) {
        String held = inCart == 0 ? "" : " (" + inCart + " in your cart already)";
        ProblemException problem;
        if (product.stock() > MAX_QUANTITY) {
            problem = ProblemException.of(HttpStatus.CONFLICT,
                    "A cart holds at most " + MAX_QUANTITY + " of a product" + held + ".");
        }
        else {
            problem = ProblemException.of(HttpStatus.CONFLICT,
                    product.stock() == 0 ? product.name() + " is out of stock."
                            : "Only " + product.stock() + " of " + product.name() + " in stock" + held + ".");
        }
        problem.getBody().setProperty("productId", productId.toString());
        problem.getBody().setProperty("available", product.stock());
        problem.getBody().setProperty("inCart", inCart);
        return problem;
    }

    Mono<Cart> remove(UUID user, UUID productId, String ifMatch) {
        return store.remove(user, productId, ifMatch).then(get(user));
    }

    Mono<Void> clear(UUID user, String ifMatch) {
        return store.clear(user, ifMatch);
    }

    private Mono<Cart> price(UUID user, CartStore.Stored stored) {
        return Flux.fromIterable(stored.lines())
            .flatMapSequential(line -> products.product(line.productId())
                .map(product -> new Priced(line, product))
                .defaultIfEmpty(new Priced(line, null)), 8)
            .collectList()
            .onErrorMap(RetryableException::isRetryable, CartService::catalogDown)
            .map(priced -> {
                List<Cart.Item> items = new ArrayList<>();
                Money total = Money.zero(currency);
                int count = 0;
                for (Priced line : priced) {
                    if (line.product() == null || !currency.equals(line.product().price().currency())) {
                        continue;
                    }
                    Money lineTotal = line.product().price().times(line.line().quantity());
                    items.add(new Cart.Item(line.line().productId(), line.product().name(), line.product().price(),
                            line.line().quantity(), lineTotal, line.product().imageUrl(), line.product().stock()));
                    total = total.plus(lineTotal);
                    count += line.line().quantity();
                }
                return new Cart(List.copyOf(items), total, count, stored.version());
            });
    }

    private record Priced(CartLine line, ProductClient.Product product) {
    }

    static ProblemException catalogDown(Throwable error) {
        return ProblemException
            .of(HttpStatus.SERVICE_UNAVAILABLE,
                    "The catalog cannot be reached right now, so prices and stock are unknown. Try again shortly.")
            .retryAfter(2);
    }

}
