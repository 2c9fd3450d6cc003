package com.acme.shop.member;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Member service settings ({@code shop.member}).
 *
 * @param seedDemoData apply the demo members migration ({@code SEED_DEMO_DATA}); off in
 * production
 * @param idempotencyRequiredRoutes routes on which an idempotency key is required, as
 * {@code "METHOD /path-pattern"} (e.g. {@code "POST /api/members"}); none by default, so
 * plain clients work
 * @param dbTimeout longest wait for one database operation, connection included
 * ({@code DB_QUERY_TIMEOUT}); past it the request answers 503, so a hung or unreachable
 * PostgreSQL never holds requests for long
 */
@ConfigurationProperties("shop.member")
record MemberProperties(@DefaultValue("false") boolean seedDemoData,
        @DefaultValue List<String> idempotencyRequiredRoutes, @DefaultValue("5s") Duration dbTimeout) {
}
