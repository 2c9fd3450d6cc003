package com.acme.shop.auth.login;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.acme.shop.auth.AuthItSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TokenLifecycleIT extends AuthItSupport {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    @SuppressWarnings("unchecked")
    void registerLoginVerifyRefreshLogout() {
        String email = uniqueEmail();
        Map<String, Object> registered = register("  " + email.toUpperCase() + " ", PASSWORD, "Ann Smith")
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat(registered).containsEntry("email", email).containsEntry("name", "Ann Smith").containsKey("id");
        String id = (String) registered.get("id");

        Map<String, Object> tokens = login(email, PASSWORD).expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("Cache-Control", "no-store")
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat(tokens).containsOnlyKeys("access_token", "token_type", "expires_in", "refresh_token")
            .containsEntry("token_type", "Bearer")
            .containsEntry("expires_in", 300);
        String accessToken = (String) tokens.get("access_token");
        String refreshToken = (String) tokens.get("refresh_token");
        assertThat(Base64.getUrlDecoder().decode(refreshToken)).hasSize(32);

        Map<String, Object> whoami = verify(accessToken).expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat(whoami).containsEntry("sub", id)
            .containsEntry("email", email)
            .containsEntry("roles", List.of("USER"))
            .containsKey("exp");

        Map<String, Object> refreshed = refresh(refreshToken).expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("Cache-Control", "no-store")
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        String newAccess = (String) refreshed.get("access_token");
        String newRefresh = (String) refreshed.get("refresh_token");
        assertThat(newRefresh).isNotEqualTo(refreshToken);
        assertThat(refreshed).containsEntry("token_type", "Bearer");
        verify(newAccess).expectStatus().isOk();

        logout(newAccess, newRefresh).expectStatus().isNoContent();

        verify(newAccess).expectStatus()
            .isUnauthorized()
            .expectHeader()
            .value("WWW-Authenticate", value -> assertThat(value).contains("invalid_token"));
        refresh(newRefresh).expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @SuppressWarnings("unchecked")
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        Map<String, Object> first = registeredAndLoggedIn(uniqueEmail());
        String rt1 = (String) first.get("refresh_token");
        Map<String, Object> second = refresh(rt1).expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        String rt2 = (String) second.get("refresh_token");
        String at2 = (String) second.get("access_token");
        verify(at2).expectStatus().isOk();

        refresh(rt1).expectStatus().isUnauthorized();

        refresh(rt2).expectStatus().isUnauthorized();
        verify(at2).expectStatus().isUnauthorized();
        verify((String) first.get("access_token")).expectStatus().isUnauthorized();
    }

    @Test
    void twoConcurrentRefreshesWithTheSameTokenSucceedAtMostOnce() {
        String rt = (String) registeredAndLoggedIn(uniqueEmail()).get("refresh_token");
        var client = org.springframework.web.reactive.function.client.WebClient.create("http://localhost:" + port);
        List<HttpStatusCode> statuses = Flux.range(0, 4)
            .flatMap(i -> client.post()
                .uri("/api/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refresh_token", rt))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode())))
            .collectList()
            .block();
        assertThat(statuses).filteredOn(HttpStatusCode::is2xxSuccessful).hasSizeLessThanOrEqualTo(1);
        assertThat(statuses).filteredOn(status -> status.value() == 401).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void logoutWithoutABearerTokenIsRefused() {
        String rt = (String) registeredAndLoggedIn(uniqueEmail()).get("refresh_token");
        http.post()
            .uri("/api/auth/logout")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("refresh_token", rt))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals("WWW-Authenticate", "Bearer");
        refresh(rt).expectStatus().isOk();
    }

    @Test
    void verifyRefusesMissingGarbageAndQueryStringTokens() {
        String at = (String) registeredAndLoggedIn(uniqueEmail()).get("access_token");
        http.get()
            .uri("/api/auth/verify")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals("WWW-Authenticate", "Bearer");
        verify("not.a.token").expectStatus()
            .isUnauthorized()
            .expectHeader()
            .value("WWW-Authenticate", value -> assertThat(value).contains("invalid_token"));
        http.get().uri("/api/auth/verify?access_token=" + at).exchange().expectStatus().isUnauthorized();
    }

    @Test
    @SuppressWarnings("unchecked")
    void accessTokensHaveTheContractHeaderAndClaims() throws Exception {
        String at = (String) registeredAndLoggedIn(uniqueEmail()).get("access_token");
        String[] parts = at.split("\\.");
        Map<String, Object> header = json.readValue(Base64.getUrlDecoder().decode(parts[0]), Map.class);
        Map<String, Object> claims = json.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);

        Map<String, Object> jwks = http.get()
            .uri("/.well-known/jwks.json")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        List<Map<String, Object>> keys = (List<Map<String, Object>>) jwks.get("keys");

        assertThat(header).containsEntry("alg", "ES256").containsEntry("typ", "at+jwt");
        assertThat(keys).extracting(k -> k.get("kid")).contains(header.get("kid"));
        assertThat(claims).containsKeys("iss", "sub", "aud", "exp", "iat", "jti", "email", "roles")
            .containsEntry("iss", "shop-auth");
        assertThat((List<String>) claims.get("aud")).containsExactlyInAnyOrder("shop-gateway", "shop-member",
                "shop-bff", "shop-auth", "shop-product", "shop-order");
        long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
        assertThat(lifetime).isPositive().isLessThanOrEqualTo(600);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jwksListsOnlyPublicEs256Members() {
        Map<String, Object> jwks = http.get()
            .uri("/.well-known/jwks.json")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        List<Map<String, Object>> keys = (List<Map<String, Object>>) jwks.get("keys");
        assertThat(keys).isNotEmpty().allSatisfy(key -> {
            assertThat(key.keySet()).containsExactlyInAnyOrder("kty", "crv", "x", "y", "kid", "use", "alg");
            assertThat(key).containsEntry("kty", "EC")
                .containsEntry("crv", "P-256")
                .containsEntry("use", "sig")
                .containsEntry("alg", "ES256");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBootstrapAdministratorCanLogInWithBothRolesAndGetsAMemberProfile() {
        Map<String, Object> tokens = login(ADMIN_EMAIL, ADMIN_PASSWORD).expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        Map<String, Object> whoami = verify((String) tokens.get("access_token")).expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        assertThat((List<String>) whoami.get("roles")).containsExactlyInAnyOrder("USER", "ADMIN");
        assertThat(MEMBER.callsFor(ADMIN_EMAIL)).isNotEmpty()
            .allSatisfy(call -> assertThat(call.body()).contains((String) whoami.get("sub")));
    }

    @Test
    void healthEndpointsAnswerWithoutATokenTheActuatorOnlyOnTheManagementPort(@LocalManagementPort int managementPort) {
        http.get()
            .uri("/api/auth/health")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP");
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + managementPort)
            .build()
            .get()
            .uri("/actuator/health")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP");
        http.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
    }

}
