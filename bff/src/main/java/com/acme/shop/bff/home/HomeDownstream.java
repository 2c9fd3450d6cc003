package com.acme.shop.bff.home;

import reactor.core.publisher.Mono;

/**
 * The three downstream reads behind {@code /api/home}; each carries the caller's bearer.
 */
interface HomeDownstream {

    /** auth {@code GET /api/auth/verify}. */
    Mono<TokenFacts> verify(Caller caller);

    /** member {@code GET /api/members/me}. */
    Mono<Member> profile(Caller caller);

    /** member {@code GET /api/members?size=<size>&sort=createdAt,desc}. */
    Mono<MemberPage> newestMembers(Caller caller, int size);

}
