package com.acme.shop.web.assets;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.resource.ResourceUrlProvider;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes Thymeleaf's {@code @{/css/app.css}} links render the content-hashed URLs. WebFlux
 * has no ResourceUrlEncodingFilter and URL transformers are synchronous, so the versioned
 * URLs of the layout's assets are resolved once (reactively) and then looked up by a URL
 * transformer.
 */
@Component
@Order(-250)
class AssetUrlWebFilter implements WebFilter {

    static final List<String> ASSETS = List.of("/css/app.css", "/js/app.js", "/webjars/htmx.org/dist/htmx.min.js");

    private final ResourceUrlProvider resourceUrlProvider;

    private final Map<String, String> versioned = new ConcurrentHashMap<>();

    AssetUrlWebFilter(ResourceUrlProvider resourceUrlProvider) {
        this.resourceUrlProvider = resourceUrlProvider;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mono<Void> resolve = versioned.size() == ASSETS.size() ? Mono.empty()
                : Flux.fromIterable(ASSETS)
                    .concatMap(asset -> resourceUrlProvider.getForUriString(asset, exchange)
                        .doOnNext(url -> versioned.put(asset, url)))
                    .then();
        return resolve.then(Mono.defer(() -> {
            exchange.addUrlTransformer(url -> versioned.getOrDefault(url, url));
            return chain.filter(exchange);
        }));
    }

}
