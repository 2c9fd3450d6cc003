package com.acme.shop.gateway.docs;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.net.URI;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The Swagger UI at {@code /docs}: {@code /docs} redirects to the page
 * ({@code static/docs/index.html}, which loads swagger-ui from its webjar and
 * {@code static/docs/swagger-initializer.js}); {@code /docs/swagger-config} lists one
 * spec per entry of {@code shop.docs.services}, each fetched through its gateway route
 * ({@link DocsRoutes}). "Try it out" calls the gateway's own origin (the specs declare
 * the relative server {@code /}) with the bearer token entered under "Authorize".
 */
@Configuration(proxyBeanMethods = false)
class SwaggerUi {

    static final String PAGE = "/docs/index.html";

    static final String CONFIG = "/docs/swagger-config";

    /** Swagger UI's {@code configUrl} document: the specs to list. */
    record SwaggerConfig(List<SpecUrl> urls) {

        static SwaggerConfig of(DocsProperties docs) {
            return new SwaggerConfig(docs.services()
                .keySet()
                .stream()
                .map(name -> new SpecUrl(name, DocsProperties.specUrl(name)))
                .toList());
        }

    }

    /** One entry of the UI's spec list. */
    record SpecUrl(String name, String url) {
    }

    @Bean
    RouterFunction<ServerResponse> swaggerUiRoutes(DocsProperties docs) {
        SwaggerConfig config = SwaggerConfig.of(docs);
        return route(GET("/docs").or(GET("/docs/")),
                request -> ServerResponse.status(HttpStatus.FOUND).location(URI.create(PAGE)).build())
            .andRoute(GET(CONFIG),
                    request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(config));
    }

}
