package com.acme.shop.web.profile;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.client.AuthClient;
import com.acme.shop.web.client.AuthExceptions;
import com.acme.shop.web.client.AuthorizedCalls;
import com.acme.shop.web.client.ClientAddress;
import com.acme.shop.web.client.GatewayException;
import com.acme.shop.web.client.PasswordChangeResult;
import com.acme.shop.web.members.MemberClient;
import com.acme.shop.web.page.FormErrors;
import com.acme.shop.web.page.Htmx;
import com.acme.shop.web.page.PageModel;

import reactor.core.publisher.Mono;

/**
 * The password change form of the profile page: calls auth directly
 * ({@code POST /api/auth/password}) with the session's access token. Auth then revokes
 * every session of the user (B12), so on success this session is deleted too and the
 * browser goes to {@code /login?password-changed} (htmx: via {@code HX-Redirect}). Auth's
 * field errors are shown next to the fields.
 */
@Controller
class PasswordController {

    static final String PASSWORD_PANEL = "profile/index :: password-panel";
    static final String PASSWORD_CHANGED_PANEL = "profile/password-changed";
    static final String PASSWORD_CHANGED = "/login?password-changed";
    static final String WRONG_CURRENT = "Your current password is not correct. After several failed attempts, "
            + "please wait a moment before trying again.";

    private final AuthClient authClient;

    private final AuthorizedCalls authorizedCalls;

    private final MemberClient members;

    PasswordController(AuthClient authClient, AuthorizedCalls authorizedCalls, MemberClient members) {
        this.authClient = authClient;
        this.authorizedCalls = authorizedCalls;
        this.members = members;
    }

    @PostMapping("/profile/password")
    Mono<String> change(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().map(PasswordForm::from).flatMap(form -> {
            FormErrors errors = form.validate();
            if (!errors.isEmpty()) {
                return invalid(exchange, errors, model);
            }
            ClientAddress clientAddress = ClientAddress.of(exchange);
            return authorizedCalls
                .call(exchange,
                        token -> authClient.changePassword(token, form.currentPassword(), form.newPassword(),
                                clientAddress),
                        PasswordChangeResult::tokenRejected)
                .flatMap(result -> answer(exchange, result, model))
                .onErrorResume(AuthExceptions.Unavailable.class,
                        ex -> invalid(exchange, FormErrors.none()
                            .global("Changing the password is temporarily unavailable. Please try again in a moment."),
                                model));
        });
    }

    private Mono<String> answer(ServerWebExchange exchange, PasswordChangeResult result, Model model) {
        if (result.isSuccess()) {
            return loggedOut(exchange, model);
        }
        if (result.isWrongCurrentPassword()) {
            return invalid(exchange, FormErrors.none().reject(PasswordForm.CURRENT, WRONG_CURRENT), model);
        }
        if (result.status() == 429) {
            return invalid(exchange, FormErrors.none().global("Too many attempts. Please wait a moment and try again."),
                    model);
        }
        if (result.status() == 400 || result.status() == 422) {
            return invalid(exchange,
                    FormErrors.from(result.problem(), PasswordForm.FIELDS, "Please correct the errors below."), model);
        }
        return Mono.error(new GatewayException(result.status(), "password not changed"));
    }

    /**
     * Auth has revoked this session's tokens: delete the session and send the browser to
     * the login. The answer needs no CSRF token, and resolving one now would store a new
     * one in the deleted session.
     */
    private Mono<String> loggedOut(ServerWebExchange exchange, Model model) {
        model.asMap().remove(PageModel.CSRF);
        return exchange.getSession().flatMap(session -> {
            session.getAttributes().clear();
            return session.invalidate();
        }).then(Mono.fromSupplier(() -> {
            if (Htmx.isHtmx(exchange)) {
                exchange.getResponse().getHeaders().set(Htmx.REDIRECT, PASSWORD_CHANGED);
                return PASSWORD_CHANGED_PANEL;
            }
            return "redirect:" + PASSWORD_CHANGED;
        }));
    }

    private Mono<String> invalid(ServerWebExchange exchange, FormErrors errors, Model model) {
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
        model.addAttribute(ProfileController.PASSWORD_ERRORS, errors);
        if (Htmx.isHtmx(exchange)) {
            return Mono.just(PASSWORD_PANEL);
        }
        return members.me(exchange).map(member -> {
            model.addAttribute("member", member);
            model.addAttribute("form", ProfileForm.of(member));
            model.addAttribute("errors", FormErrors.none());
            return ProfileController.PROFILE;
        });
    }

}
