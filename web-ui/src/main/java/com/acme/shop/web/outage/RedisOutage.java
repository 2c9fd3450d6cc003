package com.acme.shop.web.outage;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;

/**
 * Tells a Redis outage (unreachable, connection lost, command timed out) from other
 * failures, anywhere in an exception's cause chain. Redis answering an error to a command
 * is not an outage.
 */
public final class RedisOutage {

    private RedisOutage() {
    }

    public static boolean isCause(Throwable ex) {
        int depth = 0;
        for (Throwable t = ex; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof RedisCommandExecutionException) {
                return false;
            }
            if (t instanceof RedisConnectionFailureException || t instanceof QueryTimeoutException
                    || t instanceof DataAccessResourceFailureException || t instanceof RedisConnectionException
                    || t instanceof RedisCommandTimeoutException || t instanceof RedisException) {
                return true;
            }
        }
        return false;
    }

}
