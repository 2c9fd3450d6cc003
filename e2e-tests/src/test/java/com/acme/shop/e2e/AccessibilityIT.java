package com.acme.shop.e2e;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * axe-core on every page (WCAG 2.0/2.1/2.2 A and AA rules, zero violations), at a 375 px
 * phone width and at a desktop width, signed out, as a USER and as an ADMIN, including
 * the error pages and a form showing its errors. A new page is one more path in one of
 * the lists below.
 */
class AccessibilityIT extends BrowserTest {

    /**
     * The axe rule tags for WCAG 2.2 level A and AA (axe tags each rule with its
     * version).
     */
    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    static final List<String> ANONYMOUS_PAGES = List.of("/login", "/register", "/login?logout", "/no-such-page",
            "/products", "/products?q=mug", "/products/" + Api.LAMP_ID);

    static final List<String> USER_PAGES = List.of("/", "/profile",
            "/members" /* 403 page for a USER */, "/products", "/cart", "/checkout", "/orders");

    static final List<String> ADMIN_PAGES = List.of("/", "/members", "/members?q=zzz-no-match", "/profile",
            "/admin/products", "/admin/products/new", "/admin/products/" + Api.LAMP_ID);

    static final int PHONE_WIDTH = 375;

    static final int DESKTOP_WIDTH = 1280;

    @Test
    void pagesForAnonymousVisitorsHaveNoViolations() {
        checkAll(ANONYMOUS_PAGES);
    }

    @Test
    void pagesForAUserHaveNoViolations() {
        TestUser user = loginAsNewUser("axe");
        String token = api.login(user.email(), user.password());
        api.putInCart(token, Api.MUG_ID, 1);
        String orderId = Api.ok(api.checkout(token, UUID.randomUUID().toString(), "4242424242424242"), 201)
            .get("id")
            .asString();
        api.putInCart(token, Api.LAMP_ID, 1);
        checkAll(USER_PAGES);
        checkAll(List.of("/orders/" + orderId));
    }

    @Test
    void pagesForAnAdminHaveNoViolations() {
        loginAsAdmin();
        String memberId = api.createMember(TestUser.unique("axe-") + "@e2e.example.com", "Axe Member", null)
            .get("id")
            .asString();
        checkAll(ADMIN_PAGES);
        checkAll(List.of("/members/" + memberId));
    }

    @Test
    void formsShowingErrorsHaveNoViolations() {
        page.navigate("/login");
        page.getByLabel("Email").fill("nobody@e2e.example.com");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("wrong password here");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        check("/login (failed)");

        page.navigate("/register");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        check("/register (invalid)");
    }

    private void checkAll(List<String> paths) {
        for (int width : new int[] { PHONE_WIDTH, DESKTOP_WIDTH }) {
            page.setViewportSize(width, 800);
            for (String path : paths) {
                page.navigate(path);
                page.waitForLoadState(LoadState.NETWORKIDLE);
                check(path + " @" + width + "px");
            }
        }
    }

    private void check(String label) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_22_AA).analyze();
        List<Rule> violations = results.getViolations();
        assertTrue(violations.isEmpty(), () -> label + " has accessibility violations:\n" + describe(violations));
    }

    static String describe(List<Rule> violations) {
        return violations.stream()
            .map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
                    + rule.getNodes()
                        .stream()
                        .map(node -> "    " + node.getTarget() + " " + node.getFailureSummary())
                        .collect(Collectors.joining("\n")))
            .collect(Collectors.joining("\n"));
    }

}
