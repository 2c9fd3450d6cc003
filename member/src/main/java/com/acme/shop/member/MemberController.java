package com.acme.shop.member;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
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
class MemberController {

    static final String BASE_PATH = "/api/members";

    private final MemberService service;

    MemberController(MemberService service) {
        this.service = service;
    }

    @GetMapping
    Mono<MemberPage> list(@RequestParam(required = false) String q, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, @RequestParam(required = false) String sort) {
        return Mono.fromSupplier(() -> MemberSearch.parse(q, page, size, sort)).flatMap(service::list);
    }

    @PostMapping
    Mono<ResponseEntity<Member>> create(@Validated(MemberForm.Complete.class) @RequestBody MemberForm form) {
        return service.create(form.toData())
            .map(member -> ResponseEntity.created(URI.create(BASE_PATH + "/" + member.id()))
                .eTag(member.etag())
                .body(member));
    }

    @GetMapping("/me")
    Mono<ResponseEntity<Member>> me(@AuthenticationPrincipal Jwt jwt) {
        return Mono.fromSupplier(() -> callerId(jwt)).flatMap(service::get).map(MemberController::withETag);
    }

    @PutMapping("/me")
    Mono<ResponseEntity<Member>> updateMe(@AuthenticationPrincipal Jwt jwt,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody MemberForm form) {
        return Mono.fromSupplier(() -> callerId(jwt))
            .flatMap(id -> service.update(id, ifMatch, form.toData(), isAdmin(jwt)))
            .map(MemberController::withETag);
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<Member>> get(@PathVariable String id) {
        return Mono.fromSupplier(() -> Ids.require(id)).flatMap(service::get).map(MemberController::withETag);
    }

    @PutMapping("/{id}")
    Mono<ResponseEntity<Member>> update(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Validated(MemberForm.Complete.class) @RequestBody MemberForm form) {
        return Mono.fromSupplier(() -> Ids.require(id))
            .flatMap(memberId -> service.update(memberId, ifMatch, form.toData(), isAdmin(jwt)))
            .map(MemberController::withETag);
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
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
