package com.acme.shop.web.account;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.auth.LoginAuthentication;
import com.acme.shop.web.auth.LoginAuthenticationManager;
import com.acme.shop.web.client.AuthClient;
import com.acme.shop.web.client.AuthExceptions;
import com.acme.shop.web.client.ClientAddress;
import com.acme.shop.web.client.TokenSet;
import com.acme.shop.web.page.FormErrors;

import reactor.core.publisher.Mono;

/**
 * Registration: creates the account at auth, then logs the new user in (new session id,
 * C3).
 */
@Controller
class RegisterController {

    static final String REGISTER = "account/register";

    private final AuthClient authClient;

    private final LoginAuthenticationManager authenticationManager;

    private final ServerSecurityContextRepository contextRepository;

    RegisterController(AuthClient authClient, LoginAuthenticationManager authenticationManager,
            ServerSecurityContextRepository contextRepository) {
        this.authClient = authClient;
        this.authenticationManager = authenticationManager;
        this.contextRepository = contextRepository;
    }

    @GetMapping("/register")
    String form(Model model) {
        model.addAttribute("form", RegisterForm.empty());
        model.addAttribute("errors", FormErrors.none());
        return REGISTER;
    }

    @PostMapping("/register")
    Mono<String> register(@ModelAttribute("form") RegisterForm form, ServerWebExchange exchange, Model model) {
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) {
            return invalid(exchange, form, errors, model);
        }
        String email = form.email().strip();
        ClientAddress clientAddress = ClientAddress.of(exchange);
        return authClient.register(email, form.password(), form.name().strip(), clientAddress)
            .then(Mono.defer(() -> logIn(exchange, email, form.password(), clientAddress)))
            .onErrorResume(AuthExceptions.RegistrationRejected.class,
                    ex -> invalid(exchange, form, ex.problem().status() == 409 && ex.errors().isEmpty()
                            ? FormErrors.none()
                                .reject("email", ex.problem().message("This email address is already registered"))
                            : FormErrors.from(ex.problem(), RegisterForm.FIELDS, "Please correct the errors below."),
                            model))
            .onErrorResume(AuthExceptions.Throttled.class,
                    ex -> invalid(exchange, form,
                            FormErrors.none().global("Too many attempts. Please wait a moment and try again."), model))
            .onErrorResume(AuthExceptions.Unavailable.class,
                    ex -> invalid(exchange, form,
                            FormErrors.none()
                                .global("Registration is temporarily unavailable. Please try again in a moment."),
                            model));
    }

    private Mono<String> logIn(ServerWebExchange exchange, String email, String password, ClientAddress clientAddress) {
        UsernamePasswordAuthenticationToken credentials = UsernamePasswordAuthenticationToken.unauthenticated(email,
                password);
        credentials.setDetails(clientAddress);
        return authenticationManager.authenticate(credentials)
            .cast(LoginAuthentication.class)
            .flatMap(authentication -> contextRepository.save(exchange, new SecurityContextImpl(authentication))
                .then(exchange.getSession())
                .doOnNext(session -> session.getAttributes().put(TokenSet.SESSION_ATTRIBUTE, authentication.tokens()))
                .thenReturn("redirect:/"))
            .onErrorResume(org.springframework.security.core.AuthenticationException.class,
                    ex -> Mono.just("redirect:/login?registered"));
    }

    private Mono<String> invalid(ServerWebExchange exchange, RegisterForm form, FormErrors errors, Model model) {
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
        model.addAttribute("form", form.withoutPassword());
        model.addAttribute("errors", errors);
        return Mono.just(REGISTER);
    }

}
