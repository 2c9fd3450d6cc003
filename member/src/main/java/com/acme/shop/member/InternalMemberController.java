package com.acme.shop.member;

import com.acme.shop.common.openapi.AcceptsIdempotencyKey;
import com.acme.shop.common.openapi.ApiDocs;
import com.acme.shop.common.openapi.RequiresBearer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Endpoints auth calls with a service token (role SERVICE) during registration and its
 * rollback. Not routed by the gateway.
 */
@RestController
@RequestMapping(InternalMemberController.BASE_PATH)
@Tag(name = ApiDocs.INTERNAL_TAG)
@RequiresBearer(roles = MemberSecurityConfiguration.SERVICE)
class InternalMemberController {

    static final String BASE_PATH = "/internal/members";

    private final MemberService service;

    InternalMemberController(MemberService service) {
        this.service = service;
    }

    /**
     * 201 for a new member, 200 when the same id and email exist already, 409 when the
     * email is taken.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createRegisteredMember", summary = "Create the member of a new account (auth only)",
            description = "Called by auth during registration with the account's id. Idempotent: the same id with "
                    + "the same email again answers 200 with the stored member. Not routed by the gateway.")
    @AcceptsIdempotencyKey
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(value = MemberExamples.INTERNAL_CREATE_REQUEST)))
    @ApiResponse(responseCode = "201", description = "Created",
            headers = { @Header(name = "Location", ref = ApiDocs.LOCATION),
                    @Header(name = "ETag", ref = ApiDocs.ETAG) },
            content = @Content(schema = @Schema(implementation = Member.class),
                    examples = @ExampleObject(value = MemberExamples.ANN)))
    @ApiResponse(responseCode = "200", description = "The member existed already with this id and email",
            headers = { @Header(name = "Location", ref = ApiDocs.LOCATION),
                    @Header(name = "ETag", ref = ApiDocs.ETAG) },
            content = @Content(schema = @Schema(implementation = Member.class),
                    examples = @ExampleObject(value = MemberExamples.ANN)))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "409", description = "The email belongs to a member with another id.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = @ExampleObject(name = "email-taken", value = MemberExamples.EMAIL_TAKEN)))
    @ApiResponse(responseCode = "415", ref = ApiDocs.UNSUPPORTED_MEDIA_TYPE)
    Mono<ResponseEntity<Member>> create(@Valid @RequestBody InternalMemberForm form) {
        return service.createInternal(form.memberId(), form.toData())
            .map(result -> ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create(MemberController.BASE_PATH + "/" + result.member().id()))
                .eTag(result.member().etag())
                .body(result.member()));
    }

    /** 204 whether or not the member existed. */
    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteRegisteredMember",
            summary = "Delete the member of a failed registration (auth only)",
            description = "Auth's rollback when a registration fails after the member was created. 204 whether or "
                    + "not the member existed. Not routed by the gateway.")
    @ApiResponse(responseCode = "204", description = "Deleted, or there was nothing to delete")
    @ApiResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<ResponseEntity<Void>> delete(@Parameter(description = "The member id (UUID).",
            example = MemberExamples.ANN_ID) @PathVariable String id) {
        return Mono.fromSupplier(() -> Ids.require(id))
            .flatMap(service::deleteIfPresent)
            .then(Mono.just(ResponseEntity.noContent().build()));
    }

}
