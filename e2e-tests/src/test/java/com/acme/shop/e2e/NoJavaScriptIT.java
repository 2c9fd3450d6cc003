package com.acme.shop.e2e;

import java.time.Duration;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The core flow works as plain HTML forms and links (progressive enhancement). */
@JavaScriptDisabled
class NoJavaScriptIT extends BrowserTest {

    @Test
    void logsInListsSearchesAndCreatesMembersWithoutJavaScript() {
        loginAsAdmin();
        assertThat(heading()).containsText("Welcome,");
        assertThat(page.locator("#admin-summary")).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Members").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/members.*"));
        assertThat(memberRows().first()).isVisible();

        String token = TestUser.unique("nojs-");
        String email = token + "@e2e.example.com";
        Locator form = page.locator("#member-create-form");
        form.getByLabel("Email").fill(email);
        form.getByLabel("Name").fill("No Script Member");
        button(form, "Add member").click();
        page.waitForLoadState();

        Await.until("the member exists", Duration.ofSeconds(10), () -> api.countMembers(email) == 1);
        page.getByRole(AriaRole.SEARCHBOX).fill(token);
        page.getByRole(AriaRole.SEARCHBOX).press("Enter");
        page.waitForURL(Pattern.compile(".*[?&]q=.*"));
        assertThat(memberRows()).hasCount(1);
        assertThat(memberRows().first()).containsText("No Script Member");
        assertEquals(1, api.countMembers(email));

        logout();
        page.navigate("/members");
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
    }

}
