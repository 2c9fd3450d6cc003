package com.acme.shop.bff.home;

import reactor.core.publisher.Mono;

/**
 * The downstream reads behind {@code /api/home}. Those on auth, member and order carry
 * the caller's bearer; the public catalog read takes no caller, so no token can reach
 * product.
 */
interface HomeDownstream {

    /** auth {@code GET /api/auth/verify}. */
    Mono<TokenFacts> verify(Caller caller);

    /** member {@code GET /api/members/me}. */
    Mono<Member> profile(Caller caller);

    /** member {@code GET /api/members?size=<size>&sort=createdAt,desc}. */
    Mono<MemberPage> newestMembers(Caller caller, int size);

    /**
     * product {@code GET /api/products?page=0&size=<size>&sort=<sort>}, without a token.
     */
    Mono<ProductPage> featuredProducts(int size, String sort);

    /**
     * order {@code GET /api/orders?page=0&size=<size>}: the caller's orders, newest first
     * (all orders for an ADMIN).
     */
    Mono<OrderPage> latestOrders(Caller caller, int size);

}
