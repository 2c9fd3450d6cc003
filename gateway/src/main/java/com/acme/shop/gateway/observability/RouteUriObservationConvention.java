package com.acme.shop.gateway.observability;

import java.util.Map;

import io.micrometer.common.KeyValue;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * {@code http.server.requests} of the gateway with the {@code uri} tag of the route that
 * serves the request: its path pattern (e.g. {@code /api/members/**}), which Spring Cloud
 * Gateway's {@code Path} predicate leaves in the exchange when it matches (while routing,
 * or already while the token check asks whether a route would take the request, so a 401
 * on a route is tagged with it too). Spring's default knows only annotated handlers'
 * patterns and would tag every proxied request {@code UNKNOWN}; the raw path would make
 * one series per member id. A request no route takes keeps the default tags
 * ({@code NOT_FOUND}, or the pattern of the gateway's own endpoints).
 */
class RouteUriObservationConvention extends DefaultServerRequestObservationConvention {

    RouteUriObservationConvention(String name) {
        super(name);
    }

    @Override
    protected KeyValue uri(ServerRequestObservationContext context) {
        if (context.getPathPattern() == null) {
            String routePattern = routePattern(context.getAttributes(),
                    context.getResponse() != null ? context.getResponse().getStatusCode() : null);
            if (routePattern != null) {
                return KeyValue.of("uri", routePattern);
            }
        }
        return super.uri(context);
    }

    /**
     * The pattern of the route's {@code Path} predicate, unless no route took a request
     * that ended as 404.
     */
    static String routePattern(Map<String, Object> attributes, HttpStatusCode status) {
        Object pattern = attributes.get(ServerWebExchangeUtils.GATEWAY_PREDICATE_MATCHED_PATH_ATTR);
        if (!(pattern instanceof String value) || value.isEmpty()) {
            return null;
        }
        boolean routed = attributes.containsKey(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (!routed && status != null && status.value() == 404) {
            return null;
        }
        return value;
    }

}
