package com.acme.shop.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

class BearerHeaderConverterTest {

    private final BearerHeaderConverter converter = new BearerHeaderConverter();

    private Authentication convert(MockServerHttpRequest.BaseBuilder<?> request) {
        return converter.convert(MockServerWebExchange.from(request.build())).block(Duration.ofSeconds(1));
    }

    @Test
    void readsTheTokenFromTheAuthorizationHeader() {
        Authentication auth = convert(
                MockServerHttpRequest.get("/x").header(HttpHeaders.AUTHORIZATION, "Bearer abc.def-_.ghi"));
        assertThat(((BearerTokenAuthenticationToken) auth).getToken()).isEqualTo("abc.def-_.ghi");
        assertThat(convert(MockServerHttpRequest.get("/x").header(HttpHeaders.AUTHORIZATION, "bearer abc")))
            .isNotNull();
    }

    @Test
    void ignoresQueryParametersAndOtherSchemes() {
        assertThat(convert(MockServerHttpRequest.get("/x?access_token=abc"))).isNull();
        assertThat(convert(MockServerHttpRequest.get("/x").header(HttpHeaders.AUTHORIZATION, "Basic abc"))).isNull();
        assertThat(convert(MockServerHttpRequest.get("/x").header(HttpHeaders.AUTHORIZATION, "Bearerabc"))).isNull();
    }

    @Test
    void rejectsMalformedOrRepeatedBearerHeaders() {
        assertThatThrownBy(() -> convert(MockServerHttpRequest.get("/x").header(HttpHeaders.AUTHORIZATION, "Bearer ")))
            .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(
                () -> convert(MockServerHttpRequest.get("/x").header(HttpHeaders.AUTHORIZATION, "Bearer a b")))
            .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> convert(
                MockServerHttpRequest.get("/x").header(HttpHeaders.AUTHORIZATION, "Bearer a", "Bearer b")))
            .isInstanceOf(InvalidBearerTokenException.class);
    }

    /** The loop accepts exactly what RFC 6750's b64token grammar, as a regex, accepts. */
    @Test
    void b64TokenLoopMatchesTheGrammar() {
        Pattern grammar = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
        char[] alphabet = "aZ09-._~+/=!* %\u00e9\t,;:".toCharArray();
        SplittableRandom random = new SplittableRandom(7);
        int accepted = 0;
        for (int n = 0; n < 200_000; n++) {
            char[] chars = new char[random.nextInt(8)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String token = new String(chars);
            boolean expected = grammar.matcher(token).matches();
            assertThat(BearerHeaderConverter.isB64Token(token)).as("'%s'", token).isEqualTo(expected);
            accepted += expected ? 1 : 0;
        }
        // not vacuous: both answers occur
        assertThat(accepted).isBetween(1_000, 199_000);
    }

}
