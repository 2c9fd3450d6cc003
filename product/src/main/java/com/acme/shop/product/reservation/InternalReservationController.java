package com.acme.shop.product.reservation;

import com.acme.shop.product.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import com.acme.shop.common.openapi.ApiDocs;
import com.acme.shop.common.openapi.RequiresBearer;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Endpoints the order service calls with a SERVICE token (audience {@code shop-product})
 * during checkout, cancellation and recovery. Not routed by the gateway.
 */
@RestController
@RequiresBearer(roles = "SERVICE")
@Tag(name = ApiDocs.INTERNAL_TAG,
        description = "Stock reservations for the order service (SERVICE token; not routed by the gateway)")
class InternalReservationController {

    static final String BASE_PATH = "/internal/reservations";

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final ReservationService service;

    InternalReservationController(ReservationService service) {
        this.service = service;
    }

    @PostMapping(path = BASE_PATH, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "reserveStock", summary = "Reserve stock for an order",
            description = "All or nothing. The order id is the key: the same order id again returns the existing "
                    + "reservation (200) and reserves nothing more, also when the calls race. The items carry SKU, "
                    + "name and unit price as they are now; the order keeps them.")
    @ApiResponse(responseCode = "201", description = "Reserved (status RESERVED)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Reservation.class),
                    examples = @ExampleObject(value = ReservationExamples.RESERVED)))
    @ApiResponse(responseCode = "200", description = "The reservation of this order existed already (any status)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Reservation.class),
                    examples = @ExampleObject(value = ReservationExamples.RESERVED)))
    @ApiResponse(responseCode = "400", description = "Invalid body, or a product listed twice",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Not a SERVICE token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "409",
            description = "Nothing reserved: some lines are short or their product is unknown or deleted; "
                    + "shortages: [{productId, requested, available, reason: INSUFFICIENT_STOCK | NOT_AVAILABLE}]",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "422", description = "This order id was reserved with other items",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "503", description = "Database unavailable; retry with the same order id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<ResponseEntity<Reservation>> reserve(@io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ReservationRequest.class), examples = @ExampleObject(
                            value = ReservationExamples.REQUEST))) @Valid @RequestBody ReservationRequest request) {
        return Mono.fromSupplier(() -> ReservationService.Line.of(request.items()))
            .flatMap(lines -> service.reserve(UUID.fromString(request.orderId().strip()), lines))
            .map(result -> ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create(BASE_PATH + "/" + result.reservation().orderId()))
                .body(result.reservation()));
    }

    @GetMapping(path = BASE_PATH + "/{orderId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getReservation", summary = "Read the reservation of an order")
    @ApiResponse(responseCode = "200", description = "The reservation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Reservation.class),
                    examples = @ExampleObject(value = ReservationExamples.RELEASED)))
    @ApiResponse(responseCode = "400", description = "The order id is not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Not a SERVICE token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No reservation for this order",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<Reservation> get(@Parameter(description = "Order id (UUID)",
            example = ReservationExamples.ORDER_ID) @PathVariable String orderId) {
        return Mono.fromSupplier(() -> Ids.require("orderId", orderId)).flatMap(service::get);
    }

    @PostMapping(path = BASE_PATH + "/{orderId}/confirm", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "confirmReservation", summary = "Confirm a reservation (the order is paid)",
            description = "RESERVED → CONFIRMED; confirming a CONFIRMED reservation again is a no-op.")
    @ApiResponse(responseCode = "200", description = "The reservation, CONFIRMED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Reservation.class),
                    examples = @ExampleObject(value = ReservationExamples.CONFIRMED)))
    @ApiResponse(responseCode = "400", description = "The order id is not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Not a SERVICE token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No reservation for this order",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "409", description = "The reservation was released",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<Reservation> confirm(@Parameter(description = "Order id (UUID)",
            example = ReservationExamples.ORDER_ID) @PathVariable String orderId) {
        return Mono.fromSupplier(() -> Ids.require("orderId", orderId)).flatMap(service::confirm);
    }

    @PostMapping(path = BASE_PATH + "/{orderId}/release", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "releaseReservation",
            summary = "Release a reservation (payment failed, or order cancelled)",
            description = "RESERVED or CONFIRMED → RELEASED; the stock goes back exactly once, also when calls race. "
                    + "Releasing a RELEASED reservation again is a no-op.")
    @ApiResponse(responseCode = "200", description = "The reservation, RELEASED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Reservation.class),
                    examples = @ExampleObject(value = ReservationExamples.RELEASED)))
    @ApiResponse(responseCode = "400", description = "The order id is not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Not a SERVICE token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No reservation for this order",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<Reservation> release(@Parameter(description = "Order id (UUID)",
            example = ReservationExamples.ORDER_ID) @PathVariable String orderId) {
        return Mono.fromSupplier(() -> Ids.require("orderId", orderId)).flatMap(service::release);
    }

    @GetMapping(path = "/internal/products/{productId}/stock", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getStockLevels", summary = "Where a product's units are: available, reserved, sold",
            description = "For reconciliation and tests: the sum changes only by ADMIN stock edits.")
    @ApiResponse(responseCode = "200", description = "The stock levels",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = StockLevels.class),
                    examples = @ExampleObject(value = ReservationExamples.STOCK)))
    @ApiResponse(responseCode = "400", description = "The product id is not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Not a SERVICE token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such product (deleted ones are found)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<StockLevels> stock(@Parameter(description = "Product id (UUID)",
            example = ReservationExamples.PRODUCT_ID) @PathVariable String productId) {
        return Mono.fromSupplier(() -> Ids.require("productId", productId)).flatMap(service::stockLevels);
    }

}
