package com.acme.shop.bff.home;

import java.util.List;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link HomeDownstream} over HTTP; passes the caller's bearer on to auth, member and
 * order, never to product (the request id goes with every call by itself).
 */
final class WebClientHomeDownstream implements HomeDownstream {

    private final WebClient auth;

    private final WebClient member;

    private final WebClient product;

    private final WebClient order;

    WebClientHomeDownstream(WebClient auth, WebClient member, WebClient product, WebClient order) {
        this.auth = auth;
        this.member = member;
        this.product = product;
        this.order = order;
    }

    @Override
    public Mono<TokenFacts> verify(Caller caller) {
        return auth.get().uri("/api/auth/verify").headers(as(caller)).retrieve().bodyToMono(TokenFacts.class);
    }

    @Override
    public Mono<Member> profile(Caller caller) {
        return member.get().uri("/api/members/me").headers(as(caller)).retrieve().bodyToMono(Member.class);
    }

    @Override
    public Mono<MemberPage> newestMembers(Caller caller, int size) {
        return member.get()
            .uri(uri -> uri.path("/api/members")
                .queryParam("page", 0)
                .queryParam("size", size)
                .queryParam("sort", "createdAt,desc")
                .build())
            .headers(as(caller))
            .retrieve()
            .bodyToMono(MemberPage.class);
    }

    @Override
    public Mono<ProductPage> featuredProducts(int size, String sort) {
        return product.get()
            .uri(uri -> uri.path("/api/products")
                .queryParam("page", 0)
                .queryParam("size", size)
                .queryParam("sort", sort)
                .build())
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .bodyToMono(ProductPage.class);
    }

    @Override
    public Mono<OrderPage> latestOrders(Caller caller, int size) {
        return order.get()
            .uri(uri -> uri.path("/api/orders").queryParam("page", 0).queryParam("size", size).build())
            .headers(as(caller))
            .retrieve()
            .bodyToMono(OrderPage.class);
    }

    private static Consumer<HttpHeaders> as(Caller caller) {
        return headers -> {
            headers.setBearerAuth(caller.bearerToken());
            headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        };
    }

}
