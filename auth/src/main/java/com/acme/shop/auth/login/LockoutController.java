package com.acme.shop.auth.login;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/auth/admin/unlock {email}} (role ADMIN): clears an account's failure
 * state, lifting its throttling delay at once (B14).
 */
@RestController
class LockoutController {

    private final LoginService logins;

    LockoutController(LoginService logins) {
        this.logins = logins;
    }

    @PostMapping(path = "/api/auth/admin/unlock", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> unlock(@Valid @RequestBody UnlockRequest request) {
        return logins.unlock(request.email());
    }

    record UnlockRequest(@NotBlank String email) {
    }

}
