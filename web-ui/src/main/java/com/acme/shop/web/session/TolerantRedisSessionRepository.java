package com.acme.shop.web.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.redis.core.ReactiveRedisOperations;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;

import com.acme.shop.web.outage.RedisOutage;

import reactor.core.publisher.Mono;

/**
 * Spring Session's Redis repository, except that a session whose stored values cannot be
 * read (a value naming a type outside {@link SessionJson#ALLOWED_TYPES}, or otherwise
 * malformed) is deleted and treated as absent, so the request continues anonymously with
 * a new session instead of failing. Redis being unreachable is not hidden: that still
 * fails (and becomes a 503).
 */
final class TolerantRedisSessionRepository extends ReactiveRedisSessionRepository {

    private static final Logger log = LoggerFactory.getLogger(TolerantRedisSessionRepository.class);

    TolerantRedisSessionRepository(ReactiveRedisOperations<String, Object> sessionRedisOperations) {
        super(sessionRedisOperations);
    }

    // The element type, ReactiveRedisSessionRepository.RedisSession, is package-private:
    // hence the raw type.
    @Override
    @SuppressWarnings({ "rawtypes", "unchecked" })
    public Mono findById(String id) {
        Mono found = super.findById(id);
        Mono<Object> dropped = Mono.defer(() -> deleteById(id).onErrorResume(e -> Mono.empty()).then(Mono.empty()));
        return found.onErrorResume(error -> {
            Throwable ex = (Throwable) error;
            if (!isUnreadable(ex)) {
                return Mono.error(ex);
            }
            log.warn("discarding a stored session that could not be read: {}",
                    NestedExceptionUtils.getMostSpecificCause(ex).getClass().getSimpleName());
            return dropped;
        });
    }

    static boolean isUnreadable(Throwable ex) {
        if (RedisOutage.isCause(ex)) {
            return false;
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SerializationException || t instanceof ClassCastException
                    || t instanceof IllegalStateException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

}
