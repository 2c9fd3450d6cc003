package com.acme.shop.product.catalog;

import com.acme.shop.product.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import com.acme.shop.common.openapi.AcceptsIdempotencyKey;
import com.acme.shop.common.openapi.ApiDocs;
import com.acme.shop.common.openapi.RequiresBearer;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The public catalog API ({@code /api/products}). Who may call what is decided in
 * {@code ProductSecurityConfiguration}; this controller only translates HTTP to
 * {@link ProductService}.
 */
@RestController
@RequestMapping(path = ProductController.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "products", description = "The catalog: anyone reads, ADMIN writes")
class ProductController {

    static final String BASE_PATH = "/api/products";

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final ProductService service;

    ProductController(ProductService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(operationId = "listProducts", summary = "List active products",
            description = "No token needed. Deleted products are not listed.")
    @ApiResponse(responseCode = "200", description = "One page of products",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ProductPage.class),
                    examples = @ExampleObject(value = ProductExamples.PAGE)))
    @ApiResponse(responseCode = "400", description = "Bad q, page, size or sort (errors name the parameter)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "503", description = "Database unavailable; retry after Retry-After seconds",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<ProductPage> list(
            @Parameter(description = "Case-insensitive substring of name, SKU or description",
                    example = "mug") @RequestParam(required = false) String q,
            @Parameter(description = "0-based page number", example = "0") @RequestParam(required = false) String page,
            @Parameter(description = "Page size, 1–100 (default 20)",
                    example = "20") @RequestParam(required = false) String size,
            @Parameter(
                    description = "name, price or createdAt, optionally followed by ,asc or ,desc (default name,asc)",
                    example = "price,desc") @RequestParam(required = false) String sort) {
        return Mono.fromSupplier(() -> ProductSearch.parse(q, page, size, sort)).flatMap(service::list);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getProduct", summary = "Read one active product",
            description = "No token needed. The ETag is the version.")
    @ApiResponse(responseCode = "200", description = "The product",
            headers = @Header(name = "ETag", description = "Strong tag of the version, e.g. \"3\""),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Product.class),
                    examples = @ExampleObject(value = ProductExamples.MUG)))
    @ApiResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such product, or it was deleted",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<ResponseEntity<Product>> get(
            @Parameter(description = "Product id (UUID)", example = ProductExamples.MUG_ID) @PathVariable String id) {
        return Mono.fromSupplier(() -> Ids.require("id", id)).flatMap(service::get).map(ProductController::withETag);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresBearer(roles = "ADMIN")
    @Operation(operationId = "createProduct", summary = "Create a product (ADMIN)",
            description = "Accepts an Idempotency-Key: a repeat gets the stored answer.")
    @ApiResponse(responseCode = "201", description = "Created",
            headers = { @Header(name = "Location", description = "/api/products/{id}"),
                    @Header(name = "ETag", description = "\"0\"") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Product.class),
                    examples = @ExampleObject(value = ProductExamples.TOWEL)))
    @ApiResponse(responseCode = "400", description = "Invalid fields, listed in errors[{field, message}]",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Not an ADMIN",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Another active product has this SKU",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @AcceptsIdempotencyKey
    Mono<ResponseEntity<Product>> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ProductForm.class),
            examples = @ExampleObject(
                    value = ProductExamples.CREATE_REQUEST))) @Validated(ProductForm.Create.class) @RequestBody ProductForm form) {
        return service.create(form.toData())
            .map(product -> ResponseEntity.created(URI.create(BASE_PATH + "/" + product.id()))
                .eTag(product.etag())
                .body(product));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresBearer(roles = "ADMIN")
    @Operation(operationId = "updateProduct", summary = "Replace a product's fields (ADMIN)",
            description = "If-Match is optional; with it a stale version is refused. Without stock the stock is "
                    + "left as it is.")
    @ApiResponse(responseCode = "200", description = "The updated product",
            headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Product.class),
                    examples = @ExampleObject(value = ProductExamples.MUG_UPDATED)))
    @ApiResponse(responseCode = "400", description = "Invalid fields or id",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Not an ADMIN",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such product, or it was deleted",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Another active product has this SKU",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "412", description = "If-Match names an old version",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<ResponseEntity<Product>> update(
            @Parameter(description = "Product id (UUID)", example = ProductExamples.MUG_ID) @PathVariable String id,
            @Parameter(name = "If-Match", in = ParameterIn.HEADER,
                    ref = ApiDocs.IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ProductForm.class), examples = @ExampleObject(
                                    value = ProductExamples.UPDATE_REQUEST))) @Valid @RequestBody ProductForm form) {
        return Mono.fromSupplier(() -> Ids.require("id", id))
            .flatMap(productId -> service.update(productId, ifMatch, form.toData()))
            .map(ProductController::withETag);
    }

    @DeleteMapping("/{id}")
    @RequiresBearer(roles = "ADMIN")
    @Operation(operationId = "deleteProduct", summary = "Delete a product (ADMIN)",
            description = "Soft delete: the product leaves the catalog (404 afterwards) but stays readable "
                    + "in reservations and orders.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "403", description = "Not an ADMIN",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No such product, or deleted already",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<ResponseEntity<Void>> delete(
            @Parameter(description = "Product id (UUID)", example = ProductExamples.MUG_ID) @PathVariable String id) {
        return Mono.fromSupplier(() -> Ids.require("id", id))
            .flatMap(service::delete)
            .then(Mono.just(ResponseEntity.noContent().build()));
    }

    static ResponseEntity<Product> withETag(Product product) {
        return ResponseEntity.ok().eTag(product.etag()).body(product);
    }

}
