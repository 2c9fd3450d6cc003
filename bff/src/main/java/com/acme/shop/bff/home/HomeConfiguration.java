package com.acme.shop.bff.home;

import com.acme.shop.common.observability.WebClients;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class HomeConfiguration {

    @Bean
    HomeAggregator homeAggregator(HomeProperties properties, ObjectProvider<ObservationRegistry> observations) {
        return new HomeAggregator(new WebClientHomeDownstream(webClient(properties.auth(), properties, observations),
                webClient(properties.member(), properties, observations),
                webClient(properties.product(), properties, observations),
                webClient(properties.order(), properties, observations)), properties);
    }

    /**
     * Observed: the home page's trace continues into auth, member, product and order
     * ({@link WebClients}).
     */
    private static WebClient webClient(HomeProperties.Downstream downstream, HomeProperties properties,
            ObjectProvider<ObservationRegistry> observations) {
        HttpClient httpClient = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
            .responseTimeout(downstream.timeout());
        return WebClients.builder(observations)
            .baseUrl(downstream.url().toString())
            .clientConnector(new ReactorClientHttpConnector(httpClient))
            .build();
    }

}
