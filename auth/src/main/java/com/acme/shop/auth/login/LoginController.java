package com.acme.shop.auth.login;

import java.util.Optional;

import com.acme.shop.auth.protection.ClientIp;
import com.acme.shop.auth.token.TokenResponse;
import com.acme.shop.common.net.TrustedProxies;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/auth")
class LoginController {

    private final LoginService logins;

    private final TrustedProxies trustedProxies;

    LoginController(LoginService logins, TrustedProxies trustedProxies) {
        this.logins = logins;
        this.trustedProxies = trustedProxies;
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> login(@Valid @RequestBody Credentials credentials, ServerWebExchange exchange) {
        String clientIp = ClientIp.of(exchange.getRequest(), trustedProxies);
        return logins.login(credentials, clientIp).map(LoginController::noStore);
    }

    @PostMapping(path = "/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TokenResponse>> refresh(@Valid @RequestBody RefreshRequest request) {
        return logins.refresh(request).map(LoginController::noStore);
    }

    @PostMapping("/logout")
    Mono<ResponseEntity<Void>> logout(@AuthenticationPrincipal Jwt jwt,
            @RequestBody(required = false) Mono<RefreshRequest> request) {
        return request.map(Optional::of)
            .defaultIfEmpty(Optional.empty())
            .flatMap(body -> logins.logout(jwt.getSubject(), jwt.getId(), jwt.getExpiresAt(), body.orElse(null)))
            .then(Mono.just(ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build()));
    }

    private static ResponseEntity<TokenResponse> noStore(TokenResponse body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
    }

}
