package com.acme.shop.bff.home;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

@RestController
@Tag(name = "home")
class HomeController {

    /**
     * The one route; its bearer is optional ({@code BffSecurityConfiguration},
     * {@code OpenApiConfiguration}).
     */
    static final String HOME = "/api/home";

    private static final String ROLE_PREFIX = "ROLE_";

    private final HomeAggregator aggregator;

    HomeController(HomeAggregator aggregator) {
        this.aggregator = aggregator;
    }

    @GetMapping(path = HOME, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "home", summary = "Aggregated home page data",
            description = "Calls, in parallel and each with its own timeout: auth /api/auth/verify, member "
                    + "/api/members/me (and, for ADMIN, the newest members), product /api/products (the featured "
                    + "products, without the caller's token) and order /api/orders (the caller's latest orders, "
                    + "with the caller's token). A failed or slow downstream makes only its section null: it is "
                    + "listed in `unavailable` and `degraded` is true; the status stays 200. The bearer token is "
                    + "optional: without one only the public `featuredProducts` is filled (auth, member and order "
                    + "are not called); an invalid token is refused with 401.")
    @ApiResponse(responseCode = "200", description = "Home data, possibly degraded", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = HomeView.class),
            examples = {
                    @ExampleObject(name = "user", summary = "A user, everything loaded", value = HomeExamples.USER),
                    @ExampleObject(name = "degraded",
                            summary = "The same user while member does not answer and product fails",
                            value = HomeExamples.DEGRADED),
                    @ExampleObject(name = "anonymous", summary = "A caller without a token",
                            value = HomeExamples.ANONYMOUS) }))
    Mono<HomeView> home(@Parameter(hidden = true) Authentication authentication,
            @Parameter(hidden = true) ServerWebExchange exchange) {
        return aggregator.aggregate(authentication == null ? Caller.ANONYMOUS : caller(authentication, exchange));
    }

    private static Caller caller(Authentication authentication, ServerWebExchange exchange) {
        Jwt jwt = jwtOf(authentication);
        List<String> roles = authentication.getAuthorities()
            .stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
            .map(authority -> authority.substring(ROLE_PREFIX.length()))
            .distinct()
            .toList();
        Instant issuedAt = jwt != null ? jwt.getIssuedAt() : null;
        String token = jwt != null ? jwt.getTokenValue() : bearerOf(exchange);
        String subject = jwt != null ? jwt.getSubject() : authentication.getName();
        return new Caller(token, subject, roles, issuedAt);
    }

    private static Jwt jwtOf(Authentication authentication) {
        if (authentication.getPrincipal() instanceof Jwt jwt) {
            return jwt;
        }
        if (authentication.getCredentials() instanceof Jwt jwt) {
            return jwt;
        }
        return null;
    }

    private static String bearerOf(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }

}
