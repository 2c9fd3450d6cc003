package com.acme.shop.web.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.util.MultiValueMap;

import com.acme.shop.web.page.SafeRedirects;

/**
 * The login page and the logout confirmation page ({@code GET /logout} changes nothing).
 */
@Controller
class LoginController {

    static final String LOGIN = "account/login";
    static final String LOGOUT = "account/logout";

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String next,
            ServerWebExchange exchange, Model model) {
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        if (query.containsKey("error")) {
            error = error == null ? "" : error;
            model.addAttribute("error", switch (error) {
                case "throttled" -> "Too many login attempts. Please wait a moment and try again.";
                case "unavailable" -> "Login is temporarily unavailable. Please try again in a moment.";
                default -> "Invalid email or password";
            });
        }
        if (query.containsKey("logout")) {
            model.addAttribute("status", "You have been logged out.");
        }
        if (query.containsKey("password-changed")) {
            model.addAttribute("status", "Password changed. Please log in again.");
        }
        if (query.containsKey("registered")) {
            model.addAttribute("status", "Your account was created. Please log in.");
        }
        SafeRedirects.localPath(next).ifPresent(path -> model.addAttribute("next", path));
        return LOGIN;
    }

    @GetMapping("/logout")
    String logoutPage() {
        return LOGOUT;
    }

}
