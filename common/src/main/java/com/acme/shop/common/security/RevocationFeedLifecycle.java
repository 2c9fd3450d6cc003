package com.acme.shop.common.security;

import io.lettuce.core.RedisClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Runs a {@link RevocationFeed} for the replica while the application context runs: it
 * starts after the Lettuce connection factory (on that factory's current client) and
 * stops before it, so that a context that is stopped and started again (or a paused test
 * context) never leaves a feed on a client that was shut down. Stopped, the replica is
 * out of sync and every token is checked in Redis.
 */
final class RevocationFeedLifecycle implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(RevocationFeedLifecycle.class);

    private final LettuceConnectionFactory redis;

    private final RevocationReplica replica;

    private final String issuer;

    private volatile RevocationFeed feed;

    private volatile boolean running;

    RevocationFeedLifecycle(LettuceConnectionFactory redis, RevocationReplica replica, String issuer) {
        this.redis = redis;
        this.replica = replica;
        this.issuer = issuer;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        if (redis.getRequiredNativeClient() instanceof RedisClient client) {
            feed = new RevocationFeed(client, redis.getDatabase(), issuer, replica).start();
        }
        else {
            log.info("Revocation replica off: Redis Cluster; every token is checked in Redis");
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        RevocationFeed current = feed;
        feed = null;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The connection factory's phase: started after it and stopped before it. */
    @Override
    public int getPhase() {
        return redis.getPhase();
    }

}
