package com.acme.shop.web.page;

import org.springframework.web.server.ServerWebExchange;

/** htmx request detection (wimdeblauwe's htmx-spring-boot is servlet-only). */
public final class Htmx {

    public static final String REQUEST = "HX-Request";

    public static final String REDIRECT = "HX-Redirect";

    private Htmx() {
    }

    public static boolean isHtmx(ServerWebExchange exchange) {
        return "true".equalsIgnoreCase(exchange.getRequest().getHeaders().getFirst(REQUEST));
    }

    public static boolean isApi(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/");
    }

}
