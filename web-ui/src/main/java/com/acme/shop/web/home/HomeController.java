package com.acme.shop.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.client.GatewayClient;
import com.acme.shop.web.client.GatewayException;

import reactor.core.publisher.Mono;

/**
 * The home page, from the bff's {@code /api/home}; sections that are unavailable are
 * shown as such.
 */
@Controller
class HomeController {

    static final String HOME = "home/index";

    private final GatewayClient gateway;

    HomeController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/")
    Mono<String> home(ServerWebExchange exchange, Model model) {
        return gateway.get(exchange, "/api/home")
            .map(response -> response.isSuccess() ? response.as(Home.class) : Home.unavailableEverything())
            .onErrorResume(GatewayException.class, ex -> Mono.just(Home.unavailableEverything()))
            .map(home -> {
                model.addAttribute("home", home);
                return HOME;
            });
    }

}
