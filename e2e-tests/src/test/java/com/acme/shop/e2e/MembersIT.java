package com.acme.shop.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The admin's member management page: create, search, edit, delete, paging, escaping. */
class MembersIT extends BrowserTest {

    @Test
    void createsExactlyOneMemberWhenSubmitIsDoubleClicked() {
        String token = TestUser.unique("double-");
        String email = token + "@e2e.example.com";
        loginAsAdmin();
        page.navigate("/members");

        Locator form = page.locator("#member-create-form");
        form.getByLabel("Email").fill(email);
        form.getByLabel("Name").fill("Double Click");
        form.getByLabel("Phone").fill("+1 555 0100");
        button(form, "Add member").dblclick();

        Await.until("the member exists", Duration.ofSeconds(15), () -> api.countMembers(email) >= 1);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertEquals(1, api.countMembers(email), "a double-clicked submit must create exactly one member");
        page.navigate("/members?q=" + token);
        assertThat(memberRows()).hasCount(1);
    }

    @Test
    void findsAMemberByFullEmailAddress() {
        String token = TestUser.unique("mail");
        String email = token + "@e2e.example.com";
        String id = api.createMember(email, token + " By Mail", null).get("id").asString();
        loginAsAdmin();

        page.navigate("/members?q=" + URLEncoder.encode(email, StandardCharsets.UTF_8));

        assertThat(memberRows()).hasCount(1);
        assertThat(memberRow(id)).containsText(email);
    }

    @Test
    void narrowsTheTableWhileTypingWithoutAPageLoad() {
        String token = TestUser.unique("Zephyr");
        JsonNode member = api.createMember(token.toLowerCase() + "@e2e.example.com", token + " Searchable", null);
        loginAsAdmin();
        page.navigate("/members");
        assertThat(memberRows().first()).isVisible();
        int before = memberRows().count();
        page.evaluate("() => { window.__e2eMarker = 'still-here'; }");

        page.getByRole(AriaRole.SEARCHBOX)
            .pressSequentially(token, new Locator.PressSequentiallyOptions().setDelay(40));

        assertThat(memberRows()).hasCount(1);
        assertThat(memberRow(member.get("id").asString())).containsText(token + " Searchable");
        assertEquals("still-here", page.evaluate("() => window.__e2eMarker"),
                "search must swap the table in place, not load a new page");
        assertNotEquals(1, before, "the unfiltered table should list more than the searched member");
    }

    @Test
    void editsAMemberInline() {
        String token = TestUser.unique("Inline");
        String id = api.createMember(token.toLowerCase() + "@e2e.example.com", token + " Before", "+1 555 0101")
            .get("id")
            .asString();
        loginAsAdmin();
        page.navigate("/members?q=" + token);

        button(memberRow(id), "Edit").click();
        Locator nameField = membersTable().locator("input[name='name']");
        nameField.fill(token + " After");
        button(membersTable(), "Save").click();

        assertThat(memberRow(id)).containsText(token + " After");
        assertThat(membersTable().locator("input[name='name']")).hasCount(0);
        Await.until("the API shows the new name", Duration.ofSeconds(10),
                () -> Api.read(api.member(id).body()).get("name").asString().equals(token + " After"));
    }

    @Test
    void deletesAMemberAfterConfirmation() {
        String token = TestUser.unique("Doomed");
        String id = api.createMember(token.toLowerCase() + "@e2e.example.com", token, null).get("id").asString();
        AtomicInteger confirmations = new AtomicInteger();
        page.onDialog(dialog -> {
            confirmations.incrementAndGet();
            dialog.accept();
        });
        loginAsAdmin();
        page.navigate("/members?q=" + token);

        button(memberRow(id), "Delete").click();

        assertThat(memberRow(id)).hasCount(0);
        assertEquals(1, confirmations.get(), "delete asks for confirmation first");
        Await.until("the member is gone", Duration.ofSeconds(10), () -> api.member(id).statusCode() == 404);
    }

    @Test
    void pagesThroughTheMemberList() {
        while (api.totalMembers() <= 45) { // more than two pages at any page size up to
                                           // 20
            String token = TestUser.unique("Pager");
            api.createMember(token.toLowerCase() + "@e2e.example.com", token, null);
        }
        loginAsAdmin();
        page.navigate("/members");
        Locator pagination = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Pagination"));
        assertThat(pagination).containsText("Page 1 of");
        String firstOnPageOne = memberRows().first().getAttribute("data-member-id");

        pagination.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next")).click();
        assertThat(pagination).containsText("Page 2 of");
        assertThat(memberRows().first()).not().hasAttribute("data-member-id", firstOnPageOne);

        pagination.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Previous")).click();
        assertThat(pagination).containsText("Page 1 of");
        assertThat(memberRows().first()).hasAttribute("data-member-id", firstOnPageOne);
    }

    @Test
    void rendersAScriptTagInANameAsText() {
        String token = TestUser.unique("xss");
        String name = "<script>alert(1)</script>";
        String id = api.createMember(token + "@e2e.example.com", name, null).get("id").asString();
        AtomicInteger dialogs = new AtomicInteger();
        page.onDialog(dialog -> {
            dialogs.incrementAndGet();
            dialog.dismiss();
        });
        loginAsAdmin();

        assertThat(page.locator("#admin-summary")).containsText(name); // newest members
                                                                       // on home
        page.navigate("/members?q=" + token);
        assertThat(memberRow(id)).containsText(name);
        assertThat(membersTable().locator("script")).hasCount(0);
        page.navigate("/members/" + id);
        assertThat(heading()).hasText(name);

        assertEquals(0, dialogs.get(), "a member's name must never execute as script");
    }

}
