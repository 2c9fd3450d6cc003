package com.acme.shop.web.members;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import com.acme.shop.web.client.GatewayException;
import com.acme.shop.web.client.GatewayResponse;
import com.acme.shop.web.page.FormErrors;
import com.acme.shop.web.page.Htmx;

import reactor.core.publisher.Mono;

/**
 * Member administration (ADMIN): list with search, paging and sorting, create, inline
 * edit and delete. htmx requests get fragments, plain requests full pages, so everything
 * works without JS.
 */
@Controller
class MembersController {

    static final String LIST = "members/list";
    static final String RESULTS = "members/fragments :: results";
    static final String PANEL = "members/fragments :: panel";
    static final String ROW = "members/fragments :: row";
    static final String EDIT_ROW = "members/fragments :: edit-row";
    static final String DETAIL = "members/detail";
    static final String DELETE_CONFIRM = "members/delete";

    private final MemberClient members;

    MembersController(MemberClient members) {
        this.members = members;
    }

    @GetMapping("/members")
    Mono<String> list(@RequestParam(required = false) String q, @RequestParam(required = false) String page,
            @RequestParam(required = false) String sort, ServerWebExchange exchange, Model model) {
        MemberQuery query = MemberQuery.of(q, page, sort);
        if (exchange.getRequest().getQueryParams().containsKey("created")) {
            model.addAttribute("status", "Member added");
        }
        if (exchange.getRequest().getQueryParams().containsKey("deleted")) {
            model.addAttribute("status", "Member deleted");
        }
        model.addAttribute("form", MemberForm.empty());
        model.addAttribute("errors", FormErrors.none());
        return loadPage(exchange, query, model).thenReturn(Htmx.isHtmx(exchange) ? RESULTS : LIST);
    }

    @PostMapping("/members")
    Mono<String> create(@ModelAttribute("form") MemberForm submitted, ServerWebExchange exchange, Model model) {
        MemberForm form = submitted.withKey();
        MemberQuery query = MemberQuery.of(null, null, null);
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) {
            return invalidCreate(exchange, query, form, errors, model);
        }
        return members.create(exchange, form).flatMap(response -> {
            if (response.isSuccess()) {
                if (!Htmx.isHtmx(exchange)) {
                    return redirect(exchange, "/members?created");
                }
                model.addAttribute("form", MemberForm.empty());
                model.addAttribute("errors", FormErrors.none());
                model.addAttribute("status", "Member added");
                return loadPage(exchange, query, model).thenReturn(PANEL);
            }
            return invalidCreate(exchange, query, form, formErrors(response), model);
        });
    }

    private Mono<String> invalidCreate(ServerWebExchange exchange, MemberQuery query, MemberForm form,
            FormErrors errors, Model model) {
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return loadPage(exchange, query, model).thenReturn(Htmx.isHtmx(exchange) ? PANEL : LIST);
    }

    @GetMapping("/members/{id}")
    Mono<String> detail(@PathVariable String id, ServerWebExchange exchange, Model model) {
        boolean saved = exchange.getRequest().getQueryParams().containsKey("saved");
        return members.get(exchange, id).map(loaded -> {
            editing(model, loaded.member(), MemberForm.of(loaded.member(), loaded.etag()), FormErrors.none());
            if (saved) {
                model.addAttribute("status", "Saved");
            }
            return DETAIL;
        });
    }

    @GetMapping("/members/{id}/edit")
    Mono<String> edit(@PathVariable String id, ServerWebExchange exchange, Model model) {
        if (!Htmx.isHtmx(exchange)) {
            return detail(id, exchange, model);
        }
        return members.get(exchange, id).map(loaded -> {
            editing(model, loaded.member(), MemberForm.of(loaded.member(), loaded.etag()), FormErrors.none());
            return EDIT_ROW;
        });
    }

    @GetMapping("/members/{id}/row")
    Mono<String> row(@PathVariable String id, ServerWebExchange exchange, Model model) {
        if (!Htmx.isHtmx(exchange)) {
            return redirect(exchange, "/members/" + id);
        }
        return members.get(exchange, id).map(loaded -> {
            model.addAttribute("member", loaded.member());
            return ROW;
        });
    }

    /** Inline save from the table (htmx). */
    @PutMapping("/members/{id}")
    Mono<String> update(@PathVariable String id, @ModelAttribute("form") MemberForm submitted,
            ServerWebExchange exchange, Model model) {
        MemberForm form = submitted.withKey();
        return save(exchange, id, form).flatMap(result -> {
            if (result.member() != null) {
                model.addAttribute("member", result.member());
                return Mono.just(ROW);
            }
            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
            editing(model, new Member(id, form.email(), form.name(), form.phone(), null, null, null), form,
                    result.errors());
            return Mono.just(EDIT_ROW);
        });
    }

    /** Save from the detail page (plain form post). */
    @PostMapping("/members/{id}")
    Mono<String> updateFromPage(@PathVariable String id, @ModelAttribute("form") MemberForm submitted,
            ServerWebExchange exchange, Model model) {
        MemberForm form = submitted.withKey();
        return save(exchange, id, form).flatMap(result -> {
            if (result.member() != null) {
                return redirect(exchange, "/members/" + id + "?saved");
            }
            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
            return members.get(exchange, id).map(loaded -> {
                editing(model, loaded.member(), form, result.errors());
                return DETAIL;
            });
        });
    }

    @GetMapping("/members/{id}/delete")
    Mono<String> confirmDelete(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return members.get(exchange, id).map(loaded -> {
            model.addAttribute("member", loaded.member());
            return DELETE_CONFIRM;
        });
    }

    @PostMapping("/members/{id}/delete")
    Mono<String> deleteFromPage(@PathVariable String id, ServerWebExchange exchange) {
        return members.delete(exchange, id).then(redirect(exchange, "/members?deleted"));
    }

    /** Delete from the table (htmx): an empty answer replaces the row, removing it. */
    @DeleteMapping("/members/{id}")
    Mono<ResponseEntity<Void>> deleteInline(@PathVariable String id, ServerWebExchange exchange) {
        return members.delete(exchange, id).then(Mono.fromSupplier(() -> ResponseEntity.ok().<Void>build()));
    }

    private record SaveResult(Member member, FormErrors errors) {
    }

    private Mono<SaveResult> save(ServerWebExchange exchange, String id, MemberForm form) {
        FormErrors errors = form.validate();
        if (!errors.isEmpty()) {
            return Mono.just(new SaveResult(null, errors));
        }
        return members.update(exchange, id, form).map(response -> {
            if (response.isSuccess()) {
                return new SaveResult(response.as(Member.class), null);
            }
            if (response.status() == 412) {
                return new SaveResult(null, FormErrors.none()
                    .global("This member was changed by someone else in the meantime. Reload the page to see the current values."));
            }
            return new SaveResult(null, formErrors(response));
        });
    }

    static FormErrors formErrors(GatewayResponse response) {
        int status = response.status();
        if (status == 403 || status == 404 || status >= 500) {
            throw new GatewayException(status, "gateway answered " + status);
        }
        if (status == 409 && response.problem().errors().isEmpty()) {
            return FormErrors.none()
                .global(response.problem().message("The request conflicts with the current state. Please try again."));
        }
        if (status == 429) {
            return FormErrors.none().global("Too many requests. Please wait a moment and try again.");
        }
        return FormErrors.from(response.problem(), MemberForm.FIELDS, "Please correct the errors below.");
    }

    private Mono<Void> loadPage(ServerWebExchange exchange, MemberQuery query, Model model) {
        model.addAttribute("query", query);
        return members.page(exchange, query).doOnNext(page -> model.addAttribute("page", page)).then();
    }

    /** The model of a member's edit form (detail page or inline row). */
    private static void editing(Model model, Member member, MemberForm form, FormErrors errors) {
        model.addAttribute("member", member);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    private static Mono<String> redirect(ServerWebExchange exchange, String location) {
        return Mono.just("redirect:" + location);
    }

}
