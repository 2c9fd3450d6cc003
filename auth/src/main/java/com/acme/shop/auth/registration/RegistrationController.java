package com.acme.shop.auth.registration;

import com.acme.shop.auth.protection.ClientIp;
import com.acme.shop.common.net.TrustedProxies;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
class RegistrationController {

    private final RegistrationService registrations;

    private final TrustedProxies trustedProxies;

    RegistrationController(RegistrationService registrations, TrustedProxies trustedProxies) {
        this.registrations = registrations;
        this.trustedProxies = trustedProxies;
    }

    @PostMapping(path = "/api/auth/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<RegisteredAccount> register(@Valid @RequestBody RegistrationRequest request, ServerWebExchange exchange) {
        return registrations.register(request, ClientIp.of(exchange.getRequest(), trustedProxies));
    }

}
