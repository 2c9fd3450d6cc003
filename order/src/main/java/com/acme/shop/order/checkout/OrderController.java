package com.acme.shop.order.checkout;

import java.net.URI;
import java.time.Clock;
import java.util.stream.Collectors;

import com.acme.shop.common.idempotency.IdempotencyHandler;
import com.acme.shop.common.idempotency.IdempotencyKeys;
import com.acme.shop.common.idempotency.IdempotencyProperties;
import com.acme.shop.common.problem.ProblemException;
import com.acme.shop.common.openapi.AcceptsIdempotencyKey;
import com.acme.shop.common.openapi.ApiDocs;
import com.acme.shop.common.openapi.RequiresBearer;
import com.acme.shop.order.Ids;
import com.acme.shop.order.Roles;
import com.acme.shop.order.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Checkout and the orders of the signed-in user (all orders for ADMIN). */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "orders", description = "Checkout and orders (USER or ADMIN token)")
@RequiresBearer(roles = { Roles.USER, Roles.ADMIN })
@ApiResponse(responseCode = "503",
        description = "The database, product or payment cannot be reached (Retry-After); for a checkout "
                + "nothing was charged, or the outcome is settled shortly by the recovery job: retry with the same "
                + "Idempotency-Key",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(ref = ApiDocs.PROBLEM)))
class OrderController {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    static final int MAX_PAGE_SIZE = 100;

    private final CheckoutService checkout;

    private final OrderService orders;

    private final IdempotencyProperties idempotency;

    private final Clock clock;

    OrderController(CheckoutService checkout, OrderService orders, IdempotencyProperties idempotency, Clock clock) {
        this.checkout = checkout;
        this.orders = orders;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "checkout", summary = "Check out the cart: one order per Idempotency-Key",
            description = "Reserves the stock of the cart's items, charges the card once and answers the PAID "
                    + "order. Repeats with the same key (also concurrent ones) get the same order "
                    + "(`Idempotent-Replayed: true`), never a second charge. The ordered products leave the cart.")
    @Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER, required = true,
            example = OrderExamples.CHECKOUT_KEY,
            schema = @Schema(type = "string", pattern = "^\"?[A-Za-z0-9_.:-]{1,255}\"?$"),
            description = "Required: one order per user and key, whatever the retries. 1-255 characters of "
                    + "`A-Z a-z 0-9 _ . : -`, bare or as a quoted structured-field string; `X-Idempotency-Key` is "
                    + "accepted as an alias. A repeat with the same card gets the first answer "
                    + "(`Idempotent-Replayed: true`), a repeat while the first still runs 409, the same key with "
                    + "another card 422. Kept as long as the order exists; a checkout that ended with nothing "
                    + "charged and no order (out of stock, 503) frees its key.")
    @AcceptsIdempotencyKey
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = CheckoutForm.class),
            examples = @ExampleObject(value = OrderExamples.CHECKOUT_REQUEST)))
    @ApiResponse(responseCode = "201", description = "The PAID order",
            headers = @Header(name = "Location", ref = ApiDocs.LOCATION),
            content = @Content(schema = @Schema(implementation = Order.class),
                    examples = @ExampleObject(value = OrderExamples.PLACED)))
    @ApiResponse(responseCode = "400",
            description = "No or a malformed Idempotency-Key (Link: rel=describedby), or an invalid card "
                    + "(`errors[{field, message}]`)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "402",
            description = "Declined (`code` card_declined or insufficient_funds); the order is PAYMENT_FAILED, "
                    + "stock released, cart kept",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = OrderExamples.DECLINED)))
    @ApiResponse(responseCode = "409",
            description = "Not enough stock (`shortages: [{productId, name, requested, available, reason}]`, nothing "
                    + "charged), the cart is empty (`code` cart_empty), or a checkout with this key is still running "
                    + "(`code` checkout_in_progress, Retry-After)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = @ExampleObject(name = "out-of-stock", value = OrderExamples.OUT_OF_STOCK)))
    Mono<ResponseEntity<Order>> checkout(@Valid @RequestBody CheckoutForm form,
            @Parameter(hidden = true) @RequestHeader HttpHeaders headers) {
        return Mono.fromSupplier(() -> requiredKey(headers))
            .flatMap(key -> Mono.fromSupplier(() -> Cards.validate(form.payment(), clock))
                .flatMap(card -> Users.current().flatMap(user -> checkout.checkout(user.id(), key, card))))
            .map(OrderController::answer);
    }

    @GetMapping
    @Operation(operationId = "listOrders", summary = "Orders, newest first: a USER's own, all for ADMIN")
    @ApiResponse(responseCode = "200",
            description = "{content: [order...], page: {size, number, totalElements, " + "totalPages}}",
            content = @Content(schema = @Schema(implementation = OrderPage.class),
                    examples = @ExampleObject(value = OrderExamples.PAGE)))
    @ApiResponse(responseCode = "400", description = "page < 0, or size not 1-100",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<OrderPage> list(@Parameter(example = "0") @RequestParam(required = false) String page,
            @Parameter(example = "20") @RequestParam(required = false) String size) {
        return Mono
            .fromSupplier(() -> new int[] { number("page", page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE),
                    number("size", size, 20, 1, MAX_PAGE_SIZE) })
            .flatMap(paging -> Users.current().flatMap(user -> orders.list(user, paging[0], paging[1])));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getOrder", summary = "An order (owner or ADMIN)")
    @ApiResponse(responseCode = "200", description = "The order",
            content = @Content(schema = @Schema(implementation = Order.class),
                    examples = @ExampleObject(value = OrderExamples.PAID)))
    @ApiResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such order, or someone else's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<Order> get(
            @Parameter(description = "Order id (UUID)", example = OrderExamples.ORDER_ID) @PathVariable String id) {
        return Mono.fromSupplier(() -> Ids.require("id", id))
            .flatMap(orderId -> Users.current().flatMap(user -> orders.get(user, orderId)));
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelOrder", summary = "Cancel a paid order: refund and return the stock",
            description = "The owner within ORDER_CANCEL_WINDOW (30 minutes by default) of placing it, an ADMIN "
                    + "always. Cancelling a CANCELLED order answers it as it is. An Idempotency-Key is optional.")
    @Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER, required = false,
            example = OrderExamples.CANCEL_KEY,
            schema = @Schema(type = "string", pattern = "^\"?[A-Za-z0-9_.:-]{1,255}\"?$"),
            description = "Optional (common's idempotency layer, docs/idempotency.md): the first request with a key "
                    + "runs and its answer is kept for 24 h; a repeat gets it with `Idempotent-Replayed: true`, a "
                    + "repeat while the first runs 409, the same key for another order 422. 1-255 characters of "
                    + "`A-Z a-z 0-9 _ . : -`.")
    @AcceptsIdempotencyKey
    @ApiResponse(responseCode = "200", description = "The CANCELLED order",
            content = @Content(schema = @Schema(implementation = Order.class),
                    examples = @ExampleObject(value = OrderExamples.CANCELLED)))
    @ApiResponse(responseCode = "400", description = "The id is not a UUID, or a malformed Idempotency-Key",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such order, or someone else's",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "409",
            description = "Not cancellable (not PAID, or the window has passed); or a request with the same "
                    + "Idempotency-Key is still in flight",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<Order> cancel(
            @Parameter(description = "Order id (UUID)", example = OrderExamples.ORDER_ID) @PathVariable String id) {
        return Mono.fromSupplier(() -> Ids.require("id", id))
            .flatMap(orderId -> Users.current().flatMap(user -> orders.cancel(user, orderId)));
    }

    private String requiredKey(HttpHeaders headers) {
        IdempotencyKeys.ParsedKey parsed = IdempotencyKeys.parse(headers);
        String link = "<" + idempotency.docUrl() + ">; rel=\"describedby\"";
        if (parsed instanceof IdempotencyKeys.Invalid invalid) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, invalid.reason()).header(HttpHeaders.LINK, link);
        }
        if (!(parsed instanceof IdempotencyKeys.Valid valid)) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, "This request requires an Idempotency-Key header.")
                .header(HttpHeaders.LINK, link);
        }
        return valid.key();
    }

    private static int number(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        }
        catch (NumberFormatException ex) {
            // answered below
        }
        throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max);
    }

    static ResponseEntity<Order> answer(Outcome outcome) {
        if (outcome instanceof Outcome.Placed placed) {
            ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/orders/" + placed.order().id()));
            if (placed.replayed()) {
                response.header(IdempotencyHandler.REPLAYED_HEADER, "true");
            }
            return response.body(placed.order());
        }
        throw problem(outcome);
    }

    private static ProblemException problem(Outcome outcome) {
        if (outcome instanceof Outcome.Declined declined) {
            ProblemException problem = ProblemException.of(HttpStatus.PAYMENT_REQUIRED,
                    "insufficient_funds".equals(declined.code()) ? "The card has insufficient funds."
                            : "The card was declined.");
            problem.getBody().setProperty("code", declined.code() == null ? "card_declined" : declined.code());
            problem.getBody().setProperty("orderId", declined.order().id().toString());
            problem.getBody().setProperty("number", declined.order().number());
            if (declined.replayed()) {
                problem.header(IdempotencyHandler.REPLAYED_HEADER, "true");
            }
            return problem;
        }
        if (outcome instanceof Outcome.OutOfStock out) {
            String names = out.shortages()
                .stream()
                .map(s -> s.name() != null ? s.name() : s.productId().toString())
                .collect(Collectors.joining(", "));
            ProblemException problem = ProblemException.of(HttpStatus.CONFLICT,
                    "Not enough stock for: " + names + ". Nothing was charged.");
            problem.getBody().setProperty("code", "out_of_stock");
            problem.getBody().setProperty("shortages", out.shortages());
            return problem;
        }
        if (outcome instanceof Outcome.InvalidCard) {
            return ProblemException.invalid("payment.cardNumber", "the card was refused as invalid");
        }
        if (outcome instanceof Outcome.InProgress) {
            ProblemException problem = ProblemException
                .of(HttpStatus.CONFLICT, "A checkout with this Idempotency-Key is still in progress.")
                .retryAfter(1);
            problem.getBody().setProperty("code", "checkout_in_progress");
            return problem;
        }
        if (outcome instanceof Outcome.KeyReused) {
            // the words of common's idempotency layer for the same case (rule A7)
            ProblemException problem = ProblemException.of(HttpStatus.UNPROCESSABLE_CONTENT,
                    "This idempotency key was already used for a different request.");
            problem.getBody().setProperty("code", "idempotency_key_reused");
            return problem;
        }
        if (outcome instanceof Outcome.EmptyCart) {
            ProblemException problem = ProblemException.of(HttpStatus.CONFLICT, "The cart is empty.");
            problem.getBody().setProperty("code", "cart_empty");
            return problem;
        }
        return ProblemException
            .of(HttpStatus.SERVICE_UNAVAILABLE,
                    "The checkout could not be completed right now. Retry with the same Idempotency-Key.")
            .retryAfter(2);
    }

}
