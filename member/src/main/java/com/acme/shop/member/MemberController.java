package com.acme.shop.member;

import com.acme.shop.common.openapi.AcceptsIdempotencyKey;
import com.acme.shop.common.openapi.ApiDocs;
import com.acme.shop.common.openapi.RequiresBearer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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
 * The public member API ({@code /api/members}). Who may call what is decided in
 * {@link MemberSecurityConfiguration}; this controller only translates HTTP to
 * {@link MemberService}.
 */
@RestController
@RequestMapping(MemberController.BASE_PATH)
@Tag(name = OpenApiConfiguration.MEMBERS_TAG)
class MemberController {

    static final String BASE_PATH = "/api/members";

    private final MemberService service;

    MemberController(MemberService service) {
        this.service = service;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listMembers", summary = "List and search members",
            description = "One page of members, filtered by `q` and sorted by `sort`; an invalid parameter is a 400 "
                    + "naming it.")
    @RequiresBearer(roles = MemberSecurityConfiguration.ADMIN)
    @ApiResponse(responseCode = "200", description = "One page of members",
            content = @Content(schema = @Schema(implementation = MemberPage.class),
                    examples = @ExampleObject(value = MemberExamples.PAGE)))
    @ApiResponse(responseCode = "400", description = "A query parameter is invalid; `errors` names it.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = @ExampleObject(value = MemberExamples.INVALID_QUERY)))
    Mono<MemberPage> list(
            @Parameter(description = "Case-insensitive part of the name or email (at most 254 characters); "
                    + "empty lists everyone.", example = "lee") @RequestParam(required = false) String q,
            @Parameter(description = "0-based page number.",
                    schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"),
                    example = "0") @RequestParam(required = false) String page,
            @Parameter(description = "Page size, 1 to 100.",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"),
                    example = "20") @RequestParam(required = false) String size,
            @Parameter(description = "`field[,asc|desc]`, field one of `name`, `email`, `createdAt`, `updatedAt`.",
                    schema = @Schema(defaultValue = "name,asc"),
                    example = "name,asc") @RequestParam(required = false) String sort) {
        return Mono.fromSupplier(() -> MemberSearch.parse(q, page, size, sort)).flatMap(service::list);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createMember", summary = "Create a member",
            description = "Creates a member without a sign-in account (registration at auth creates the others). "
                    + "`email` and `name` are required; the email must not belong to another member "
                    + "(case-insensitive).")
    @RequiresBearer(roles = MemberSecurityConfiguration.ADMIN)
    @AcceptsIdempotencyKey
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(value = MemberExamples.CREATE_REQUEST)))
    @ApiResponse(responseCode = "201", description = "Created",
            headers = { @Header(name = "Location", ref = ApiDocs.LOCATION),
                    @Header(name = "ETag", ref = ApiDocs.ETAG) },
            content = @Content(schema = @Schema(implementation = Member.class),
                    examples = @ExampleObject(value = MemberExamples.GRACE)))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "409", description = "The email belongs to another member.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = @ExampleObject(name = "email-taken", value = MemberExamples.EMAIL_TAKEN)))
    @ApiResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ApiDocs.UNSUPPORTED_MEDIA_TYPE)
    Mono<ResponseEntity<Member>> create(@Validated(MemberForm.Complete.class) @RequestBody MemberForm form) {
        return service.create(form.toData())
            .map(member -> ResponseEntity.created(URI.create(BASE_PATH + "/" + member.id()))
                .eTag(member.etag())
                .body(member));
    }

    @GetMapping(path = "/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getOwnMember", summary = "Read your own profile",
            description = "The member whose id is the token's subject.")
    @RequiresBearer(roles = { MemberSecurityConfiguration.USER, MemberSecurityConfiguration.ADMIN })
    @ApiResponse(responseCode = "200", description = "Your profile",
            headers = @Header(name = "ETag", ref = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = Member.class),
                    examples = @ExampleObject(value = MemberExamples.BEN)))
    @ApiResponse(responseCode = "404", description = "The caller has no member profile.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    Mono<ResponseEntity<Member>> me(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt) {
        return Mono.fromSupplier(() -> callerId(jwt)).flatMap(service::get).map(MemberController::withETag);
    }

    @PutMapping(path = "/me", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "updateOwnMember", summary = "Update your own profile",
            description = "Replaces `name` and `phone` (blank or absent: no phone). `email` may be left out; a "
                    + "different email is refused (400): it is the sign-in email, held by auth as well.")
    @RequiresBearer(roles = { MemberSecurityConfiguration.USER, MemberSecurityConfiguration.ADMIN })
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(value = MemberExamples.PROFILE_REQUEST)))
    @ApiResponse(responseCode = "200", description = "The updated profile",
            headers = @Header(name = "ETag", ref = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = Member.class),
                    examples = @ExampleObject(value = MemberExamples.BEN_UPDATED)))
    @ApiResponse(responseCode = "400",
            description = "A field is invalid, or the request tries to change the sign-in email; `errors` names "
                    + "each field.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = { @ExampleObject(name = "invalid-fields", value = MemberExamples.INVALID_FORM),
                            @ExampleObject(name = "sign-in-email", value = MemberExamples.SIGN_IN_EMAIL) }))
    @ApiResponse(responseCode = "404", description = "The caller has no member profile.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    @ApiResponse(responseCode = "412", ref = ApiDocs.PRECONDITION_FAILED)
    @ApiResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ApiDocs.UNSUPPORTED_MEDIA_TYPE)
    Mono<ResponseEntity<Member>> updateMe(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
            @Parameter(name = "If-Match", in = ParameterIn.HEADER,
                    ref = ApiDocs.IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody MemberForm form) {
        return Mono.fromSupplier(() -> callerId(jwt))
            .flatMap(id -> service.update(id, ifMatch, form.toData(), isAdmin(jwt)))
            .map(MemberController::withETag);
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getMember", summary = "Read a member",
            description = "ADMIN reads any member; USER only their own id.")
    @RequiresBearer(roles = { MemberSecurityConfiguration.ADMIN, MemberSecurityConfiguration.USER })
    @ApiResponse(responseCode = "200", description = "The member", headers = @Header(name = "ETag", ref = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = Member.class),
                    examples = @ExampleObject(value = MemberExamples.ANN)))
    @ApiResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No member with this id.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = @ExampleObject(value = MemberExamples.NOT_FOUND)))
    Mono<ResponseEntity<Member>> get(@Parameter(description = "The member id (UUID).",
            example = MemberExamples.ANN_ID) @PathVariable String id) {
        return Mono.fromSupplier(() -> Ids.require(id)).flatMap(service::get).map(MemberController::withETag);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "updateMember", summary = "Update a member",
            description = "Replaces `email`, `name` and `phone`. The email of a member with a sign-in account "
                    + "cannot be changed here (400, for everybody); ADMIN may change the email of members "
                    + "without one. USER may update only their own id.")
    @RequiresBearer(roles = { MemberSecurityConfiguration.ADMIN, MemberSecurityConfiguration.USER })
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(value = MemberExamples.UPDATE_REQUEST)))
    @ApiResponse(responseCode = "200", description = "The updated member",
            headers = @Header(name = "ETag", ref = ApiDocs.ETAG),
            content = @Content(schema = @Schema(implementation = Member.class),
                    examples = @ExampleObject(value = MemberExamples.ANN_UPDATED)))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "404", description = "No member with this id.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = @ExampleObject(value = MemberExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    @ApiResponse(responseCode = "412", ref = ApiDocs.PRECONDITION_FAILED)
    @ApiResponse(responseCode = "413", ref = ApiDocs.CONTENT_TOO_LARGE)
    @ApiResponse(responseCode = "415", ref = ApiDocs.UNSUPPORTED_MEDIA_TYPE)
    Mono<ResponseEntity<Member>> update(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
            @Parameter(description = "The member id (UUID).", example = MemberExamples.ANN_ID) @PathVariable String id,
            @Parameter(name = "If-Match", in = ParameterIn.HEADER,
                    ref = ApiDocs.IF_MATCH) @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Validated(MemberForm.Complete.class) @RequestBody MemberForm form) {
        return Mono.fromSupplier(() -> Ids.require(id))
            .flatMap(memberId -> service.update(memberId, ifMatch, form.toData(), isAdmin(jwt)))
            .map(MemberController::withETag);
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteMember", summary = "Delete a member",
            description = "Deletes the member profile (not a sign-in account at auth).")
    @RequiresBearer(roles = MemberSecurityConfiguration.ADMIN)
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No member with this id.",
            content = @Content(mediaType = ApiDocs.PROBLEM_JSON, schema = @Schema(ref = ApiDocs.PROBLEM),
                    examples = @ExampleObject(value = MemberExamples.NOT_FOUND)))
    Mono<ResponseEntity<Void>> delete(@Parameter(description = "The member id (UUID).",
            example = MemberExamples.ANN_ID) @PathVariable String id) {
        return Mono.fromSupplier(() -> Ids.require(id))
            .flatMap(service::delete)
            .then(Mono.just(ResponseEntity.noContent().build()));
    }

    /**
     * The caller's own member id: the token subject. A subject that is no UUID has no
     * profile.
     */
    private static UUID callerId(Jwt jwt) {
        UUID id = Ids.parse(jwt.getSubject());
        if (id == null) {
            throw MemberProblems.notFound();
        }
        return id;
    }

    /**
     * Whether the token carries the ADMIN role (the {@code roles} claim, as mapped by
     * common).
     */
    private static boolean isAdmin(Jwt jwt) {
        java.util.List<String> roles = jwt.getClaimAsStringList("roles");
        return roles != null && roles.contains("ADMIN");
    }

    static ResponseEntity<Member> withETag(Member member) {
        return ResponseEntity.ok().eTag(member.etag()).body(member);
    }

}
