package com.acme.shop.order.cart;

import com.acme.shop.common.openapi.AcceptsIdempotencyKey;
import com.acme.shop.common.openapi.ApiDocs;
import com.acme.shop.common.openapi.RequiresBearer;
import com.acme.shop.order.ETags;
import com.acme.shop.order.Roles;
import com.acme.shop.order.Ids;
import com.acme.shop.order.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in user's cart ({@code sub}); nobody else's cart is reachable. */
@RestController
@RequestMapping(path = "/api/cart", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "cart", description = "The signed-in user's cart (USER or ADMIN token)")
@RequiresBearer(roles = { Roles.USER, Roles.ADMIN })
@ApiResponse(responseCode = "503",
        description = "The database or the catalog (prices, stock) cannot be reached (Retry-After)",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(ref = ApiDocs.PROBLEM)))
class CartController {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private static final String IF_MATCH = "Optional: the cart's `ETag` (e.g. `\"3\"`) to change only that "
            + "version (another one gets 412 and nothing changes); `*` matches any version.";

    private final CartService carts;

    CartController(CartService carts) {
        this.carts = carts;
    }

    @GetMapping
    @Operation(operationId = "getCart", summary = "The cart at today's prices (empty if none)")
    @ApiResponse(responseCode = "200", description = "The cart; ETag carries its version",
            headers = @Header(name = "ETag", ref = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = Cart.class),
                    examples = @ExampleObject(value = CartExamples.CART)))
    Mono<ResponseEntity<Cart>> get() {
        return Users.current().flatMap(user -> carts.get(user.id())).map(CartController::withETag);
    }

    @PutMapping(path = "/items/{productId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "setCartItem", summary = "Set how many of a product the cart holds (1-99)")
    @ApiResponse(responseCode = "200", description = "The cart after the change",
            headers = @Header(name = "ETag", ref = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = Cart.class),
                    examples = @ExampleObject(value = CartExamples.CART)))
    @ApiResponse(responseCode = "400", description = "Quantity not 1-99, or the product id is not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such product (or it was deleted)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "409",
            description = "More than in stock (`available` says how many are), or the cart has 50 products already",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "412", description = "If-Match names another cart version",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<ResponseEntity<Cart>> put(
            @Parameter(description = "Product id (UUID)", example = CartExamples.MUG_ID) @PathVariable String productId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = QuantityForm.class),
                    examples = @ExampleObject(
                            value = CartExamples.QUANTITY_REQUEST))) @Valid @RequestBody QuantityForm form,
            @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH,
                    example = "*") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return Mono.fromSupplier(() -> Ids.require("productId", productId))
            .flatMap(id -> Users.current().flatMap(user -> carts.put(user.id(), id, form.quantity(), ifMatch)))
            .map(CartController::withETag);
    }

    @PostMapping(path = "/items", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "addCartItem", summary = "Add units of a product to the cart",
            description = "Adds `quantity` (default 1) to what the cart holds of the product, a new line if none. "
                    + "Concurrent adds all count (two adds of 1 make 2 more). Refused with 409 when the line would "
                    + "hold more than in stock or more than 99; nothing changes then.")
    @AcceptsIdempotencyKey
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AddItemForm.class),
            examples = @ExampleObject(value = CartExamples.ADD_REQUEST)))
    @ApiResponse(responseCode = "200", description = "The cart after the add",
            headers = @Header(name = "ETag", ref = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = Cart.class),
                    examples = @ExampleObject(value = CartExamples.CART)))
    @ApiResponse(responseCode = "400", description = "Quantity not 1-99, or the product id is not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such product (or it was deleted)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "409",
            description = "The line would hold more than in stock (`available`, `inCart`) or more than 99, or the "
                    + "cart has 50 products already",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = @ExampleObject(name = "short", value = CartExamples.TOO_MANY)))
    Mono<ResponseEntity<Cart>> add(@Valid @RequestBody AddItemForm form) {
        return Mono.fromSupplier(() -> Ids.require("productId", form.productId()))
            .flatMap(id -> Users.current().flatMap(user -> carts.add(user.id(), id, form.quantityOrOne())))
            .map(CartController::withETag);
    }

    @DeleteMapping(path = "/items/{productId}")
    @Operation(operationId = "removeCartItem", summary = "Remove a product from the cart")
    @ApiResponse(responseCode = "200", description = "The cart after the change",
            headers = @Header(name = "ETag", ref = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = Cart.class),
                    examples = @ExampleObject(value = CartExamples.CART)))
    @ApiResponse(responseCode = "400", description = "The product id is not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "412", description = "If-Match names another cart version",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<ResponseEntity<Cart>> remove(
            @Parameter(description = "Product id (UUID)", example = CartExamples.MUG_ID) @PathVariable String productId,
            @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH,
                    example = "*") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return Mono.fromSupplier(() -> Ids.require("productId", productId))
            .flatMap(id -> Users.current().flatMap(user -> carts.remove(user.id(), id, ifMatch)))
            .map(CartController::withETag);
    }

    @DeleteMapping
    @Operation(operationId = "clearCart", summary = "Empty the cart")
    @ApiResponse(responseCode = "204", description = "The cart is empty")
    @ApiResponse(responseCode = "412", description = "If-Match names another cart version",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<ResponseEntity<Void>> clear(
            @Parameter(name = HttpHeaders.IF_MATCH, in = ParameterIn.HEADER, description = IF_MATCH,
                    example = "*") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return Users.current()
            .flatMap(user -> carts.clear(user.id(), ifMatch))
            .then(Mono.just(ResponseEntity.noContent().build()));
    }

    private static ResponseEntity<Cart> withETag(Cart cart) {
        return ResponseEntity.ok().eTag(ETags.format(cart.version())).body(cart);
    }

}
