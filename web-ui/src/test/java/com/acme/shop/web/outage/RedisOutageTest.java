package com.acme.shop.web.outage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;

class RedisOutageTest {

    @Test
    void unreachableRejectedOrTimedOutRedisIsAnOutage() {
        assertThat(RedisOutage.isCause(new RedisConnectionFailureException("refused"))).isTrue();
        assertThat(RedisOutage.isCause(new QueryTimeoutException("timed out"))).isTrue();
        assertThat(RedisOutage.isCause(new IllegalStateException(new RedisCommandTimeoutException("2s")))).isTrue();
        assertThat(RedisOutage.isCause(new RedisSystemException("x", new RedisException("Currently not connected"))))
            .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(RedisOutage.isCause(new RedisSystemException("x", new RedisCommandExecutionException("WRONGTYPE"))))
            .isFalse();
        assertThat(RedisOutage.isCause(new IllegalArgumentException("bad input"))).isFalse();
        assertThat(RedisOutage.isCause(null)).isFalse();
    }

}
