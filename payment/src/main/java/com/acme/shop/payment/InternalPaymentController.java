package com.acme.shop.payment;

import java.net.URI;

import com.acme.shop.common.idempotency.IdempotencyHandler;
import com.acme.shop.common.idempotency.IdempotencyKeys;
import com.acme.shop.common.idempotency.IdempotencyKeys.Invalid;
import com.acme.shop.common.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.acme.shop.common.openapi.ApiDocs;
import com.acme.shop.common.openapi.RequiresBearer;
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

/**
 * The processor's API for the order service (SERVICE token, audience
 * {@code shop-payment}; not routed by the gateway).
 */
@RestController
@RequestMapping(InternalPaymentController.BASE_PATH)
@Tag(name = ApiDocs.INTERNAL_TAG,
        description = "Charges, refunds and lookups for the order service (SERVICE tokens only; not routed by the gateway)")
@RequiresBearer(roles = "SERVICE")
@ApiResponse(responseCode = "401", description = "Missing, invalid or expired bearer token",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(ref = ApiDocs.PROBLEM)))
@ApiResponse(responseCode = "403", description = "The token has no SERVICE role",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(ref = ApiDocs.PROBLEM)))
@ApiResponse(responseCode = "503",
        description = "The database is unreachable (Retry-After), or for a charge: the processor failed "
                + "(`code: processing_error`, Retry-After; retry with the same order id)",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(ref = ApiDocs.PROBLEM)))
class InternalPaymentController {

    static final String BASE_PATH = "/internal/payments";

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final PaymentService service;

    InternalPaymentController(PaymentService service) {
        this.service = service;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "charge", summary = "Charge a card for an order, at most once per order id",
            description = "The first request for an order id charges (or records the decline); every later one, "
                    + "also concurrent ones, gets the stored payment: the same status and body, with "
                    + "`Idempotent-Replayed: true`. The Idempotency-Key (derived from the order id by order) is "
                    + "optional and recorded with the payment; one key cannot pay two orders.")
    @Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER,
            example = "charge-0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21",
            description = "1-255 characters of [A-Za-z0-9_.:-]; optional", schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "201", description = "Charged (or the stored payment of this order)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Payment.class),
                    examples = @ExampleObject(value = PaymentExamples.CHARGED)))
    @ApiResponse(responseCode = "400",
            description = "Invalid body: Luhn-invalid number, bad or past expiry, CVC not 3-4 digits, amount not a "
                    + "positive integer, unknown currency, bad order id or idempotency key (`errors[{field, message}]`)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "402",
            description = "Declined: `code` is card_declined or insufficient_funds; "
                    + "stored, so a repeat gets the same answer",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = @ExampleObject(value = "{\"type\":\"about:blank\",\"title\":\"Payment Required\","
                            + "\"status\":402,\"detail\":\"The card was declined.\",\"instance\":\"/internal/payments\","
                            + "\"code\":\"card_declined\",\"paymentId\":\"5d0c2f7a-3b1e-4c1d-8f00-6a7b8c9d0e1f\","
                            + "\"orderId\":\"0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21\",\"last4\":\"0002\"}")))
    @ApiResponse(responseCode = "422",
            description = "The order already has a payment with another amount, currency or card, or the key "
                    + "paid another order",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<ResponseEntity<Payment>> charge(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ChargeRequest.class),
                            examples = @ExampleObject(
                                    value = PaymentExamples.CHARGE_REQUEST))) @Valid @RequestBody ChargeRequest request,
            @Parameter(hidden = true) @RequestHeader HttpHeaders headers) {
        return Mono.fromSupplier(() -> idempotencyKey(headers))
            .flatMap(key -> service.charge(request, key.isEmpty() ? null : key))
            .map(result -> {
                ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED)
                    .location(URI.create(BASE_PATH + "/" + result.payment().id()));
                if (!result.created()) {
                    response.header(IdempotencyHandler.REPLAYED_HEADER, "true");
                }
                return response.body(result.payment());
            });
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getPaymentOfOrder", summary = "The payment of an order (was this order charged?)",
            description = "200 with the payment in any status (SUCCEEDED, DECLINED, REFUNDED); 404 when the order "
                    + "has none, i.e. nothing was charged.")
    @ApiResponse(responseCode = "200", description = "The payment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Payment.class),
                    examples = @ExampleObject(value = PaymentExamples.CHARGED)))
    @ApiResponse(responseCode = "400", description = "orderId missing or not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No payment for this order",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<Payment> byOrder(
            @Parameter(example = PaymentExamples.CHARGED_ORDER_ID) @RequestParam(required = false) String orderId) {
        return Mono.fromSupplier(() -> Ids.require("orderId", orderId)).flatMap(service::findByOrder);
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getPayment", summary = "A payment by id")
    @ApiResponse(responseCode = "200", description = "The payment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Payment.class),
                    examples = @ExampleObject(value = PaymentExamples.REFUNDED)))
    @ApiResponse(responseCode = "400", description = "id is not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such payment",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<Payment> get(@Parameter(description = "Payment id (UUID)",
            example = PaymentExamples.PAYMENT_ID) @PathVariable String id) {
        return Mono.fromSupplier(() -> Ids.require("id", id)).flatMap(service::get);
    }

    @PostMapping(path = "/{id}/refund", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "refund", summary = "Refund a payment in full, once",
            description = "SUCCEEDED → REFUNDED. Idempotent: a refunded payment is answered as it is (same "
                    + "refundedAt), concurrent refunds refund once.")
    @ApiResponse(responseCode = "200", description = "The refunded payment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Payment.class),
                    examples = @ExampleObject(value = PaymentExamples.REFUNDED)))
    @ApiResponse(responseCode = "400", description = "id is not a UUID, or a bad idempotency key",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such payment",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "409",
            description = "A declined payment cannot be refunded; or a request with the same Idempotency-Key is "
                    + "still in flight (Retry-After: 1)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<Payment> refund(@Parameter(description = "Payment id (UUID)",
            example = PaymentExamples.PAYMENT_ID) @PathVariable String id) {
        return Mono.fromSupplier(() -> Ids.require("id", id)).flatMap(service::refund);
    }

    /** The request's idempotency key (A2, A3); empty when absent; 400 when malformed. */
    private static String idempotencyKey(HttpHeaders headers) {
        IdempotencyKeys.ParsedKey parsed = IdempotencyKeys.parse(headers);
        if (parsed instanceof Invalid invalid) {
            throw ProblemException.of(HttpStatus.BAD_REQUEST, invalid.reason());
        }
        return parsed instanceof IdempotencyKeys.Valid valid ? valid.key() : "";
    }

}
