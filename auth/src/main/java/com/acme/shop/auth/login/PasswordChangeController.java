package com.acme.shop.auth.login;

import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/auth/password {current_password, new_password}} with
 * {@code Authorization: Bearer}: 204 once the password is changed and every session of
 * the user is revoked (B12).
 */
@RestController
class PasswordChangeController {

    private final PasswordChangeService passwords;

    PasswordChangeController(PasswordChangeService passwords) {
        this.passwords = passwords;
    }

    @PostMapping(path = "/api/auth/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> change(@AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody PasswordChangeRequest request) {
        return passwords.change(jwt.getSubject(), jwt.getId(), jwt.getExpiresAt(), request)
            .then(Mono.just(ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build()));
    }

}
