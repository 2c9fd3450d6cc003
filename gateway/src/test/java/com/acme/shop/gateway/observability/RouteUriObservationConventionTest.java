package com.acme.shop.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;

class RouteUriObservationConventionTest {

    @Test
    void tagsWithTheMatchedRoutePatternUnlessNoRouteTookA404() {
        Map<String, Object> attributes = new HashMap<>();
        assertThat(RouteUriObservationConvention.routePattern(attributes, HttpStatus.OK)).isNull();

        attributes.put(ServerWebExchangeUtils.GATEWAY_PREDICATE_MATCHED_PATH_ATTR, "/api/members/**");
        // matched while the token check looked for a route: the 401 belongs to it
        assertThat(RouteUriObservationConvention.routePattern(attributes, HttpStatus.UNAUTHORIZED))
            .isEqualTo("/api/members/**");
        // a Path predicate matched but no route took the request
        assertThat(RouteUriObservationConvention.routePattern(attributes, HttpStatus.NOT_FOUND)).isNull();

        attributes.put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, new Object());
        // the upstream's own 404 (e.g. an unknown member id)
        assertThat(RouteUriObservationConvention.routePattern(attributes, HttpStatus.NOT_FOUND))
            .isEqualTo("/api/members/**");
        assertThat(RouteUriObservationConvention.routePattern(attributes, null)).isEqualTo("/api/members/**");
    }

}
