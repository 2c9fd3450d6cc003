package com.acme.shop.web.home;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.client.GatewayClient;
import com.acme.shop.web.client.GatewayException;
import com.acme.shop.web.client.GatewayResponse;

import reactor.core.publisher.Mono;

/**
 * The home page, from the bff's {@code /api/home}; sections that are unavailable are
 * shown as such.
 */
@Controller
class HomeController {

    static final String HOME = "home/index";

    private static final Logger log = LoggerFactory.getLogger(HomeController.class);

    private final GatewayClient gateway;

    HomeController(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/")
    Mono<String> home(ServerWebExchange exchange, Model model) {
        return gateway.get(exchange, "/api/home")
            .map(response -> response.isSuccess() ? read(response) : Home.unavailableEverything())
            .onErrorResume(GatewayException.class, ex -> Mono.just(Home.unavailableEverything()))
            .map(home -> {
                model.addAttribute("home", home);
                return HOME;
            });
    }

    /**
     * The bff's answer; one it sends that cannot be read is shown as "everything
     * unavailable", never as an error page.
     */
    private static Home read(GatewayResponse response) {
        try {
            return response.as(Home.class);
        }
        catch (RuntimeException unreadable) {
            log.warn("unreadable /api/home answer: {}", unreadable.getClass().getSimpleName());
            return Home.unavailableEverything();
        }
    }

}
