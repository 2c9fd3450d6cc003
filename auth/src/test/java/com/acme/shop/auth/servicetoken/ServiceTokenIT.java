package com.acme.shop.auth.servicetoken;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.acme.shop.auth.AuthItSupport;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /internal/service-tokens}: the order service gets SERVICE tokens for
 * product and payment with the secret it shares with auth (here the one generated into
 * the key directory), nothing else does.
 */
class ServiceTokenIT extends AuthItSupport {

    private static String orderSecret() throws Exception {
        return Files.readString(KEY_DIR.resolve(ServiceClients.fileName("order")), StandardCharsets.US_ASCII).strip();
    }

    private static String basic(String client, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private WebTestClient.ResponseSpec request(String authorization, String audience) {
        return http.post().uri(ServiceTokenController.PATH).headers(h -> {
            if (authorization != null) {
                h.set("Authorization", authorization);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("audience", audience)).exchange();
    }

    @Test
    void issuesAServiceTokenForAnAllowedAudience() throws Exception {
        byte[] body = request(basic("order", orderSecret()), "shop-payment").expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.token_type")
            .isEqualTo("Bearer")
            .jsonPath("$.expires_in")
            .isEqualTo(60)
            .returnResult()
            .getResponseBody();
        String token = JsonPath.read(new String(body, StandardCharsets.UTF_8), "$.access_token");
        String[] parts = token.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(header, "$.alg")).isEqualTo("ES256");
        assertThat((String) JsonPath.read(header, "$.typ")).isEqualTo("at+jwt");
        assertThat((String) JsonPath.read(payload, "$.sub")).isEqualTo("service:order");
        assertThat((String) JsonPath.read(payload, "$.iss")).isEqualTo("shop-auth");
        Object aud = JsonPath.read(payload, "$.aud");
        assertThat(aud instanceof List<?> list ? list : List.of(aud)).containsExactly("shop-payment");
        assertThat((List<String>) JsonPath.read(payload, "$.roles")).containsExactly("SERVICE");
        assertThat((Integer) JsonPath.read(payload, "$.exp") - (Integer) JsonPath.read(payload, "$.iat")).isEqualTo(60);
        assertThat(payload).doesNotContain("email");
    }

    @Test
    void refusesAWrongSecretAnUnknownClientAndNoCredentials() throws Exception {
        request(basic("order", orderSecret() + "x"), "shop-payment").expectStatus()
            .isUnauthorized()
            .expectHeader()
            .valueEquals("WWW-Authenticate", "Basic realm=\"service-tokens\"")
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        request(basic("member", orderSecret()), "shop-payment").expectStatus().isUnauthorized();
        request(null, "shop-payment").expectStatus().isUnauthorized();
        request("Basic !!!", "shop-payment").expectStatus().isUnauthorized();
    }

    @Test
    void refusesAnAudienceTheClientMayNotGet() throws Exception {
        request(basic("order", orderSecret()), "shop-member").expectStatus().isForbidden();
        request(basic("order", orderSecret()), "shop-gateway").expectStatus().isForbidden();
    }

    @Test
    void refusesABlankAudience() throws Exception {
        request(basic("order", orderSecret()), " ").expectStatus().isBadRequest();
    }

}
