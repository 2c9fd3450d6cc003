package com.acme.shop.auth.registration;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.acme.shop.auth.FakeMemberServer;
import com.acme.shop.auth.keys.KeysProperties;
import com.acme.shop.auth.keys.SigningKeysLoader;
import com.acme.shop.auth.registration.MemberClient.MemberUnavailableException;
import com.acme.shop.auth.registration.MemberClient.Outcome;
import com.acme.shop.auth.token.AccessTokenIssuer;
import com.acme.shop.auth.token.TokenProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberClientTest {

    private final FakeMemberServer member = new FakeMemberServer();

    private MemberClient client(Path dir, String url) {
        AccessTokenIssuer issuer = new AccessTokenIssuer(
                SigningKeysLoader.load(new KeysProperties(dir, null, null, null)),
                new TokenProperties(null, null, null, null, null, null), Clock.systemUTC());
        return new MemberClient(WebClient.builder(),
                new MemberProperties(java.net.URI.create(url), Duration.ofSeconds(2)), issuer);
    }

    @Test
    void everyRetrySendsAFreshServiceToken(@TempDir Path dir) {
        UUID id = UUID.randomUUID();
        Mono<Outcome> create = client(dir, member.url()).create(id, "x@example.com", "X");

        assertThat(create.block()).isEqualTo(Outcome.CREATED);
        assertThat(create.block()).isEqualTo(Outcome.CREATED);

        assertThat(member.callsFor(id.toString())).hasSize(2)
            .extracting(FakeMemberServer.Call::authorization)
            .doesNotHaveDuplicates();
    }

    @Test
    void mapsMemberAnswersToOutcomes(@TempDir Path dir) {
        MemberClient client = client(dir, member.url());
        member.answerCreateWith(409);
        assertThat(client.create(UUID.randomUUID(), "a@example.com", "A").block()).isEqualTo(Outcome.CONFLICT);
        member.answerCreateWith(500);
        assertThatThrownBy(() -> client.create(UUID.randomUUID(), "a@example.com", "A").block())
            .isInstanceOf(MemberUnavailableException.class);
    }

    @Test
    void anUnreachableMemberIsUnavailable(@TempDir Path dir) {
        int closedPort = com.acme.shop.infra.FreePorts.find();
        assertThatThrownBy(
                () -> client(dir, "http://127.0.0.1:" + closedPort).create(UUID.randomUUID(), "a@example.com", "A")
                    .block())
            .isInstanceOf(MemberUnavailableException.class);
    }

}
