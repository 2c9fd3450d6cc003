package com.acme.shop.gateway.docs;

import java.net.URI;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One gateway route per entry of {@code shop.docs.services}:
 * {@code GET /docs/specs/<name>} (exactly that path) → {@code <service URL><spec-path>}.
 * The upstream path is fixed ({@code SetPath}), the query is dropped and the caller's
 * {@code Authorization} and {@code Cookie} headers are not forwarded: a docs route can
 * reach nothing but the service's spec. The paths are public ({@code /docs/specs/*} in
 * {@code shop.gateway.public-paths}); the other gateway filters (request id, body limit,
 * upstream failures as 502/503/504 problem+json) apply as on every route.
 */
@Configuration(proxyBeanMethods = false)
class DocsRoutes {

    /** Route ids are {@value}{@code <name>}. */
    static final String ROUTE_ID_PREFIX = "docs-";

    /** Drops the query string: the spec request is always the same. */
    static final GatewayFilter WITHOUT_QUERY = (exchange, chain) -> {
        URI uri = exchange.getRequest().getURI();
        if (uri.getRawQuery() == null) {
            return chain.filter(exchange);
        }
        URI withoutQuery = UriComponentsBuilder.fromUri(uri).replaceQuery(null).build(true).toUri();
        return chain.filter(exchange.mutate().request(request -> request.uri(withoutQuery)).build());
    };

    @Bean
    RouteLocator docsRouteLocator(RouteLocatorBuilder builder, DocsProperties docs) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        docs.services()
            .forEach((name, url) -> routes.route(ROUTE_ID_PREFIX + name,
                    route -> route.method(HttpMethod.GET)
                        .and()
                        .path(DocsProperties.specUrl(name))
                        .filters(filters -> filters.filter(WITHOUT_QUERY)
                            .setPath(docs.specPath())
                            .removeRequestHeader(HttpHeaders.AUTHORIZATION)
                            .removeRequestHeader(HttpHeaders.COOKIE))
                        .uri(url)));
        return routes.build();
    }

}
