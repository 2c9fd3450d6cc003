package com.acme.shop.bff.home;

import com.acme.shop.common.requestid.RequestIdExchangeFilterFunction;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class HomeConfiguration {

    @Bean
    HomeAggregator homeAggregator(HomeProperties properties) {
        return new HomeAggregator(
                new WebClientHomeDownstream(webClient(properties.auth(), properties),
                        webClient(properties.member(), properties)),
                properties.auth().timeout(), properties.member().timeout(), properties.newestMembers());
    }

    private static WebClient webClient(HomeProperties.Downstream downstream, HomeProperties properties) {
        HttpClient httpClient = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.connectTimeout().toMillis()))
            .responseTimeout(downstream.timeout());
        return RequestIdExchangeFilterFunction.webClientBuilder()
            .baseUrl(downstream.url().toString())
            .clientConnector(new ReactorClientHttpConnector(httpClient))
            .build();
    }

}
