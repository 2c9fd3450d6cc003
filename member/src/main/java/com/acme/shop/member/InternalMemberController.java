package com.acme.shop.member;

import jakarta.validation.Valid;
import java.net.URI;
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
    @PostMapping
    Mono<ResponseEntity<Member>> create(@Valid @RequestBody InternalMemberForm form) {
        return service.createInternal(form.memberId(), form.toData())
            .map(result -> ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create(MemberController.BASE_PATH + "/" + result.member().id()))
                .eTag(result.member().etag())
                .body(result.member()));
    }

    /** 204 whether or not the member existed. */
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
        return Mono.fromSupplier(() -> Ids.require(id))
            .flatMap(service::deleteIfPresent)
            .then(Mono.just(ResponseEntity.noContent().build()));
    }

}
