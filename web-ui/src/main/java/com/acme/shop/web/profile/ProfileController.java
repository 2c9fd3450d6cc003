package com.acme.shop.web.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.client.GatewayException;
import com.acme.shop.web.members.Member;
import com.acme.shop.web.members.MemberClient;
import com.acme.shop.web.page.FormErrors;
import com.acme.shop.web.page.Htmx;
import com.acme.shop.web.page.IdempotencyKeys;

import reactor.core.publisher.Mono;

/**
 * The caller's own member profile ({@code /api/members/me}): view and edit name and
 * phone. The page also holds the password change form ({@link PasswordController}).
 */
@Controller
class ProfileController {

    static final String PROFILE = "profile/index";
    static final String PANEL = "profile/index :: panel";
    static final Set<String> FIELDS = Set.of("name", "phone");
    static final String PASSWORD_ERRORS = "passwordErrors";

    private final MemberClient members;

    ProfileController(MemberClient members) {
        this.members = members;
    }

    @GetMapping("/profile")
    Mono<String> show(ServerWebExchange exchange, Model model) {
        boolean saved = exchange.getRequest().getQueryParams().containsKey("saved");
        return members.me(exchange).map(member -> {
            model.addAttribute("member", member);
            model.addAttribute("form", ProfileForm.of(member));
            model.addAttribute("errors", FormErrors.none());
            model.addAttribute(PASSWORD_ERRORS, FormErrors.none());
            if (saved) {
                model.addAttribute("status", "Saved");
            }
            return PROFILE;
        });
    }

    @PostMapping("/profile")
    Mono<String> save(@ModelAttribute("form") ProfileForm submitted, ServerWebExchange exchange, Model model) {
        ProfileForm form = new ProfileForm(submitted.name(), submitted.phone(),
                IdempotencyKeys.orNew(submitted.idempotencyKey()));
        FormErrors errors = FormErrors.none().required("name", form.name(), "Enter your name");
        return members.me(exchange).flatMap(current -> {
            if (!errors.isEmpty()) {
                return invalid(exchange, current, form, errors, model);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("email", current.email());
            body.put("name", form.name().strip());
            body.put("phone", form.phone() == null || form.phone().isBlank() ? null : form.phone().strip());
            return members.updateMe(exchange, body, form.idempotencyKey()).flatMap(response -> {
                if (response.isSuccess()) {
                    if (!Htmx.isHtmx(exchange)) {
                        return Mono.just("redirect:/profile?saved");
                    }
                    Member updated = response.as(Member.class);
                    model.addAttribute("member", updated);
                    model.addAttribute("form", new ProfileForm(updated.name(),
                            updated.phone() == null ? "" : updated.phone(), IdempotencyKeys.newKey()));
                    model.addAttribute("errors", FormErrors.none());
                    model.addAttribute("status", "Saved");
                    return Mono.just(PANEL);
                }
                if (response.status() == 403 || response.status() == 404 || response.status() >= 500) {
                    return Mono.error(new GatewayException(response.status(), "profile not saved"));
                }
                return invalid(exchange, current, form,
                        FormErrors.from(response.problem(), FIELDS, "Please correct the errors below."), model);
            });
        });
    }

    private Mono<String> invalid(ServerWebExchange exchange, Member current, ProfileForm form, FormErrors errors,
            Model model) {
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
        model.addAttribute("member", current);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(PASSWORD_ERRORS, FormErrors.none());
        return Mono.just(Htmx.isHtmx(exchange) ? PANEL : PROFILE);
    }

}
