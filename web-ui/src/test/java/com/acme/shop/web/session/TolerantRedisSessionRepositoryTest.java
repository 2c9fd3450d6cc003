package com.acme.shop.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.serializer.SerializationException;

import io.lettuce.core.RedisException;

class TolerantRedisSessionRepositoryTest {

    @Test
    void unreadableStoredValuesCountAsNoSession() {
        assertThat(TolerantRedisSessionRepository.isUnreadable(new SerializationException("refused"))).isTrue();
        assertThat(TolerantRedisSessionRepository
            .isUnreadable(new IllegalStateException("creationTime key must not be null"))).isTrue();
        assertThat(TolerantRedisSessionRepository.isUnreadable(new ClassCastException())).isTrue();
    }

    @Test
    void anUnreachableRedisIsNotHiddenAsNoSession() {
        assertThat(TolerantRedisSessionRepository.isUnreadable(new RedisConnectionFailureException("down"))).isFalse();
        assertThat(TolerantRedisSessionRepository.isUnreadable(
                new RedisSystemException("x", new RedisException("Currently not connected. Commands are rejected."))))
            .isFalse();
    }

}
