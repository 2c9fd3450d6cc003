package com.acme.shop.common.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import com.acme.shop.common.idempotency.IdempotencyStore.Claimed;
import com.acme.shop.common.idempotency.IdempotencyStore.Completed;
import com.acme.shop.common.idempotency.IdempotencyStore.InFlight;
import com.acme.shop.common.idempotency.RedisIdempotencyStore.RecordCodec;

class RecordCodecTest {

    @Test
    void roundTripsCompletedResponseByteForByte() {
        byte[] body = "{\"name\":\"Zoë|,=\"}\n\u0000".getBytes(StandardCharsets.UTF_8);
        StoredResponse response = new StoredResponse("fp", 201, Map.of("Content-Type", List.of("application/json"),
                "Location", List.of("/api/members/1"), "ETag", List.of("\"v1\"")), body);
        Completed decoded = (Completed) RecordCodec.decode(RecordCodec.encode(response));
        assertThat(decoded.response()).isEqualTo(response);
        assertThat(decoded.response().body()).isEqualTo(body);
    }

    @Test
    void decodesInFlightMarker() {
        assertThat(RecordCodec.decode(RecordCodec.marker(new Claimed("fp", "token")))).isEqualTo(new InFlight("fp"));
    }

    @Test
    void keepsOnlyTheFourStorableHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Content-Type", "application/json");
        headers.add("Location", "/x");
        headers.add("ETag", "\"1\"");
        headers.add("Content-Language", "en");
        headers.add("Set-Cookie", "a=b");
        headers.add("Date", "now");
        headers.add("Connection", "keep-alive");
        headers.add("X-Custom", "1");
        assertThat(StoredResponse.storable(headers).keySet()).containsExactlyInAnyOrder("Content-Type", "Location",
                "ETag", "Content-Language");
        assertThat(new StoredResponse("fp", 200, Map.of("set-cookie", List.of("a=b"), "etag", List.of("1")), null)
            .headers()).containsOnlyKeys("ETag");
    }

}
