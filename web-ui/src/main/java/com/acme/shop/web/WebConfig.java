package com.acme.shop.web;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.resource.LiteWebJarsResourceResolver;
import org.springframework.web.reactive.resource.VersionResourceResolver;

import com.acme.shop.common.observability.WebClients;
import com.acme.shop.common.requestid.RequestIdExchangeFilterFunction;

import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

/**
 * Static assets with content-hashed URLs and long-lived immutable caching; shared beans.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebFluxConfigurer {

    static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String dir : new String[] { "css", "js", "img", "images" }) {
            registry.addResourceHandler("/" + dir + "/**")
                .addResourceLocations("classpath:/static/" + dir + "/")
                .setCacheControl(IMMUTABLE)
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
        registry.addResourceHandler("/webjars/**")
            .addResourceLocations("classpath:/META-INF/resources/webjars/")
            .setCacheControl(IMMUTABLE)
            .resourceChain(true)
            .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
            .addResolver(new LiteWebJarsResourceResolver());
    }

    /**
     * Client for auth and the gateway; each user clones it and sets its base URL. Every
     * call carries the request's {@code X-Request-Id}
     * ({@link RequestIdExchangeFilterFunction}) and is observed, so the page's trace
     * continues into auth and the gateway ({@link WebClients}).
     */
    @Bean
    WebClient.Builder upstreamWebClientBuilder(ObjectProvider<ObservationRegistry> observations) {
        HttpClient httpClient = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
            .responseTimeout(Duration.ofSeconds(15));
        return WebClients.builder(observations).clientConnector(new ReactorClientHttpConnector(httpClient));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

}
