package com.acme.shop.common.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Keeps a {@link RevocationReplica} in step with Redis: Redis keyspace notifications for
 * {@code deny:{iss}:*} and {@code tva:{iss}:*} (enabled by this feed with
 * {@code CONFIG SET notify-keyspace-events}, merged with what is set already), a full
 * resync ({@code SCAN}) after every (re)connect, and a heartbeat every second. Each
 * notification marks its key as changed and reads its new state back ({@code GET} and
 * {@code PTTL} in one script); until then that key's tokens are checked in Redis.
 * <p>
 * Whatever goes wrong (Redis down, a lost connection, a failed read, notifications
 * switched off behind its back) puts the replica out of sync, so that every request is
 * checked in Redis again (and gets 503 while Redis is down, B13), until a resync
 * succeeds. A Redis that refuses {@code CONFIG} (some managed offerings) leaves the
 * replica off for good: every request is checked in Redis, as without a replica.
 * <p>
 * All of the feed's blocking work runs on its own daemon thread; notifications and
 * read-backs are handled on Lettuce's I/O threads and only touch the replica.
 */
final class RevocationFeed implements AutoCloseable {

    static final Duration HEARTBEAT = Duration.ofSeconds(1);

    /** How long a heartbeat keeps the replica in sync: three missed beats end it. */
    static final Duration ALIVE_WINDOW = Duration.ofSeconds(3);

    /** The keyspace notification classes the feed needs: K (keyspace), $ g x e. */
    static final String REQUIRED_FLAGS = "K$gxe";

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private static final long SWEEP_EVERY_TICKS = 60;

    /** KEYS: any. Returns value (or false) and PTTL of each key, in order. */
    static final String READ_SCRIPT = """
            local r = {}
            for _, k in ipairs(KEYS) do
              r[#r + 1] = redis.call('GET', k) or false
              r[#r + 1] = redis.call('PTTL', k)
            end
            return r
            """;

    private static final Log log = LogFactory.getLog(RevocationFeed.class);

    private final RedisClient client;

    private final RevocationReplica replica;

    private final String channelPrefix;

    private final List<String> keyPatterns;

    private final ScheduledExecutorService thread;

    private volatile StatefulRedisPubSubConnection<String, String> pubSub;

    private volatile StatefulRedisConnection<String, String> commands;

    private volatile boolean resyncNeeded = true;

    private volatile boolean off;

    private boolean everInSync;

    private long ticks;

    RevocationFeed(RedisClient client, int database, String issuer, RevocationReplica replica) {
        this.client = client;
        this.replica = replica;
        this.channelPrefix = "__keyspace@" + database + "__:";
        this.keyPatterns = List.of(globEscape(RevocationKeys.denylistPrefix(issuer)) + "*",
                globEscape(RevocationKeys.tokensValidAfter(issuer, "")) + "*");
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "revocation-feed");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts the feed on its own thread; returns at once (the replica is out of sync).
     */
    RevocationFeed start() {
        thread.scheduleWithFixedDelay(this::tick, 0, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Whether the feed gave up (Redis refused to enable keyspace notifications). */
    boolean isOff() {
        return off;
    }

    private void tick() {
        if (off) {
            return;
        }
        try {
            connectIfNeeded();
            if (!resyncNeeded && !notificationsEnabled()) { // a resync checks them itself
                resyncNeeded = true;
            }
            if (resyncNeeded) {
                resync();
            }
            else {
                pubSub.sync().ping();
                replica.feedAlive();
            }
            if (++ticks % SWEEP_EVERY_TICKS == 0) {
                replica.sweep();
            }
        }
        catch (ConfigRefusedException ex) {
            off = true;
            replica.feedLost();
            log.warn("Revocation replica off: Redis refused to enable keyspace notifications (" + ex.getMessage()
                    + "); every token is checked in Redis");
        }
        catch (RuntimeException ex) {
            replica.feedLost();
            resyncNeeded = true;
            if (off) {
                return; // closing: the connections or the client are going away
            }
            if (everInSync) {
                log.warn("Revocation replica out of sync (" + ex + "); tokens are checked in Redis until it resyncs");
                everInSync = false;
            }
            else if (log.isDebugEnabled()) {
                log.debug("Revocation replica not in sync yet", ex);
            }
        }
    }

    private synchronized void connectIfNeeded() {
        if (off) {
            throw new IllegalStateException("closed");
        }
        if (commands == null) {
            commands = client.connect(StringCodec.UTF8);
            commands.setTimeout(COMMAND_TIMEOUT);
        }
        if (pubSub == null) {
            StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub(StringCodec.UTF8);
            connection.setTimeout(COMMAND_TIMEOUT);
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String pattern, String channel, String message) {
                    onKeyEvent(channel);
                }
            });
            connection.addListener(new RedisConnectionStateListener() {
                @Override
                public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                    lost();
                }
            });
            commands.addListener(new RedisConnectionStateListener() {
                @Override
                public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                    lost();
                }
            });
            pubSub = connection;
        }
    }

    /**
     * A connection dropped: notifications may be lost from now on, so the replica is out
     * of sync at once, and the next tick resyncs (after Lettuce has reconnected).
     */
    private void lost() {
        resyncNeeded = true;
        replica.feedLost();
    }

    private boolean notificationsEnabled() {
        String current = commands.sync().configGet("notify-keyspace-events").get("notify-keyspace-events");
        return mergedFlags(current).equals(current);
    }

    private void resync() {
        resyncNeeded = false;
        long generation = replica.resyncStarted();
        RedisCommands<String, String> redis = commands.sync();
        enableNotifications(redis);
        pubSub.sync().psubscribe(keyPatterns.stream().map(p -> channelPrefix + p).toArray(String[]::new));
        int keys = 0;
        for (String pattern : keyPatterns) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(pattern).limit(500));
                if (!page.getKeys().isEmpty()) {
                    keys += page.getKeys().size();
                    List<Object> state = redis.eval(READ_SCRIPT, ScriptOutputType.MULTI,
                            page.getKeys().toArray(String[]::new));
                    for (int i = 0; i < page.getKeys().size(); i++) {
                        replica.scanned(generation, page.getKeys().get(i), (String) state.get(2 * i),
                                (Long) state.get(2 * i + 1));
                    }
                }
                cursor = page;
            }
            while (!cursor.isFinished());
        }
        replica.resyncDone(generation);
        if (replica.isInSync() && !everInSync) {
            everInSync = true;
            log.info("Revocation replica in sync (" + keys + " revocation keys); tokens are checked in memory");
        }
    }

    private void enableNotifications(RedisCommands<String, String> redis) {
        try {
            String current = redis.configGet("notify-keyspace-events").get("notify-keyspace-events");
            String merged = mergedFlags(current);
            if (!merged.equals(current)) {
                redis.configSet("notify-keyspace-events", merged);
            }
        }
        catch (RedisCommandExecutionException ex) {
            String message = String.valueOf(ex.getMessage());
            boolean transientError = message.startsWith("LOADING") || message.startsWith("BUSY")
                    || message.startsWith("TRYAGAIN") || message.startsWith("MASTERDOWN");
            if (transientError) {
                throw ex;
            }
            throw new ConfigRefusedException(message);
        }
    }

    private void onKeyEvent(String channel) {
        if (!channel.startsWith(channelPrefix)) {
            return;
        }
        String key = channel.substring(channelPrefix.length());
        long change = replica.keyChanged(key);
        StatefulRedisConnection<String, String> connection = commands;
        connection.async().<List<Object>>eval(READ_SCRIPT, ScriptOutputType.MULTI, key).whenComplete((state, error) -> {
            if (error == null) {
                replica.keyRead(key, change, (String) state.get(0), (Long) state.get(1));
            }
            else {
                resyncNeeded = true;
                replica.keyReadFailed(key, change);
            }
        });
    }

    /**
     * {@code current} with every flag of {@link #REQUIRED_FLAGS} added that it lacks
     * ({@code A} already covers {@code $ g x e}).
     */
    static String mergedFlags(String current) {
        StringBuilder flags = new StringBuilder(current == null ? "" : current);
        for (char c : REQUIRED_FLAGS.toCharArray()) {
            boolean coveredByAll = c != 'K' && flags.indexOf("A") >= 0;
            if (flags.indexOf(String.valueOf(c)) < 0 && !coveredByAll) {
                flags.append(c);
            }
        }
        return flags.toString();
    }

    /** {@code text} with Redis glob's special characters escaped. */
    static String globEscape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    @Override
    public void close() {
        off = true;
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        List<AutoCloseable> connections = new ArrayList<>();
        synchronized (this) { // a connect in progress has finished; none starts after
                              // this
            collect(connections);
        }
        for (AutoCloseable connection : connections) {
            try {
                connection.close();
            }
            catch (Exception ex) {
                log.debug("Closing a revocation feed connection failed", ex);
            }
        }
        replica.feedLost();
    }

    private void collect(List<AutoCloseable> connections) {
        if (pubSub != null) {
            connections.add(pubSub::close);
        }
        if (commands != null) {
            connections.add(commands::close);
        }
    }

    /** Redis refused {@code CONFIG} (or the command is renamed away). */
    static final class ConfigRefusedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ConfigRefusedException(String message) {
            super(message);
        }

    }

}
