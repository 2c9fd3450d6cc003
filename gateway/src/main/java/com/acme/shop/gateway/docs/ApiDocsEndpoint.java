package com.acme.shop.gateway.docs;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import com.acme.shop.common.problem.Problems;
import com.acme.shop.common.requestid.RequestIdExchangeFilterFunction;
import com.acme.shop.gateway.upstream.UpstreamFailures;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The services' raw OpenAPI specs on the admin port (8001), fetched straight from each
 * service, not through the public routes: {@code /actuator/apidocs} lists the services
 * and their spec URLs, {@code /actuator/apidocs/<name>} answers the spec as the service
 * sent it. A service that is down or too slow gives 503/504, a service answering an error
 * 502, an unknown name 404 (problem bodies).
 */
@Component
@Endpoint(id = "apidocs")
class ApiDocsEndpoint {

    private static final int MAX_SPEC_BYTES = 8 * 1024 * 1024;

    private final DocsProperties docs;

    private final WebClient client;

    private final Duration timeout;

    ApiDocsEndpoint(DocsProperties docs, HttpClient gatewayHttpClient, HttpClientProperties httpClientProperties) {
        this.docs = docs;
        this.client = RequestIdExchangeFilterFunction.webClientBuilder()
            .clientConnector(new ReactorClientHttpConnector(gatewayHttpClient))
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_SPEC_BYTES))
            .build();
        Duration responseTimeout = httpClientProperties.getResponseTimeout();
        this.timeout = responseTimeout != null ? responseTimeout : Duration.ofSeconds(10);
    }

    /** Each service's name with the URL its spec is fetched from. */
    @ReadOperation
    Map<String, Object> services() {
        Map<String, Object> services = new LinkedHashMap<>();
        docs.services()
            .keySet()
            .forEach(name -> services.put(name,
                    Map.of("spec", docs.upstreamSpec(name).toString(), "gateway", DocsProperties.specUrl(name))));
        return Map.of("services", services);
    }

    /** The service's spec, byte for byte. */
    @ReadOperation(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<WebEndpointResponse<Object>> spec(@Selector String service) {
        URI spec = docs.upstreamSpec(service);
        if (spec == null) {
            return Mono.just(problem(HttpStatus.NOT_FOUND, "No service named '" + service + "' is documented."));
        }
        return client.get().uri(spec).accept(MediaType.APPLICATION_JSON).exchangeToMono(response -> {
            if (!response.statusCode().is2xxSuccessful()) {
                return response.releaseBody()
                    .thenReturn(problem(HttpStatus.BAD_GATEWAY,
                            "The service answered " + response.statusCode().value() + " for its API description."));
            }
            return response.bodyToMono(byte[].class)
                .map(body -> new WebEndpointResponse<Object>(body, WebEndpointResponse.STATUS_OK,
                        MediaType.APPLICATION_JSON));
        }).timeout(timeout).onErrorResume(error -> UpstreamFailures.classify(error).isPresent(), error -> {
            HttpStatus status = UpstreamFailures.classify(error).orElseThrow();
            return Mono.just(problem(status, UpstreamFailures.detail(status)));
        });
    }

    private static WebEndpointResponse<Object> problem(HttpStatusCode status, String detail) {
        return new WebEndpointResponse<>(Problems.body(status, detail, null, Map.of()), status.value(),
                MediaType.APPLICATION_PROBLEM_JSON);
    }

}
