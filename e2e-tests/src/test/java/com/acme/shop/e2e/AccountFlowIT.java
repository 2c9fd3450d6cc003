package com.acme.shop.e2e;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration, login, session cookie, logout and role checks as a user sees them. */
class AccountFlowIT extends BrowserTest {

    @Test
    void registersLogsInAndGreetsTheUserByName() {
        TestUser user = TestUser.random("newcomer");

        page.navigate("/register");
        page.getByLabel("Email").fill(user.email());
        page.getByLabel("Name").fill(user.name());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(user.password());
        button("Create account").click();
        page.waitForURL(url -> !url.contains("/register"));
        if (page.url().contains("/login")) { // the contract allows "logged in" or "sent
                                             // to /login"
            login(user.email(), user.password());
        }

        expectWelcome(user.name());
    }

    @Test
    void showsAGenericMessageForAWrongPassword() {
        TestUser user = api.registerUser("forgetful");

        page.navigate("/login");
        page.getByLabel("Email").fill(user.email());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
            .fill("not the right passphrase at all");
        button("Log in").click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Invalid email or password");
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        assertThat(page.locator("body")).not().containsText(user.name());
    }

    @Test
    void keepsTheSessionCookieHttpOnlyAndOutOfDocumentCookie() {
        loginAsNewUser("cookie");

        Cookie session = sessionCookie(context.cookies());
        assertTrue(session.httpOnly, "session cookie must be HttpOnly");
        assertTrue(session.sameSite == SameSiteAttribute.LAX || session.sameSite == SameSiteAttribute.STRICT,
                "SameSite Lax or Strict, was " + session.sameSite);
        assertEquals("/", session.path);
        assertTrue(session.expires == null || session.expires <= 0, "a session cookie has no Max-Age/Expires");
        String documentCookie = (String) page.evaluate("() => document.cookie");
        assertFalse(documentCookie.contains(session.name + "="), "document.cookie exposes the session cookie");
        assertFalse(documentCookie.contains(session.value), "document.cookie exposes the session id");
    }

    @Test
    void showsNoPrivateDataAfterLogoutViaBackButtonOrOldCookie() {
        TestUser user = loginAsNewUser("leaver");
        expectWelcome(user.name());
        List<Cookie> cookiesBeforeLogout = context.cookies();

        logout();
        page.goBack();
        page.waitForLoadState();
        assertThat(page.locator("body")).not().containsText(user.name());

        Response home = page.navigate("/");
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        assertTrue(home.ok(), "GET / after logout ends on a login page, got " + home.status());

        BrowserContext replay = context.browser().newContext(new Browser.NewContextOptions().setBaseURL(shop.webUrl()));
        try {
            replay.addCookies(cookiesBeforeLogout);
            Page oldCookiePage = replay.newPage();
            oldCookiePage.navigate("/profile");
            assertThat(oldCookiePage).hasURL(Pattern.compile(".*/login.*"));
            assertThat(oldCookiePage.locator("body")).not().containsText(user.name());
            assertThat(oldCookiePage.locator("body")).not().containsText(user.email());
        }
        finally {
            replay.close();
        }
    }

    @Test
    void showsAccessDeniedWhenAUserOpensMembers() {
        TestUser user = loginAsNewUser("plain");
        expectWelcome(user.name());
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Members").setExact(true)))
            .hasCount(0);

        Response response = page.navigate("/members");

        assertEquals(403, response.status());
        assertThat(heading()).containsText("Access denied");
        assertThat(page.locator("#members-table")).hasCount(0);
    }

    @Test
    void savesTheOwnProfile() {
        TestUser user = loginAsNewUser("profiled");
        String newName = TestUser.unique("Renamed ");

        page.navigate("/profile");
        page.getByLabel("Name").fill(newName);
        button("Save").click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved");
        Await.until("the profile name is saved", Duration.ofSeconds(10),
                () -> api.searchMembers(user.email(), 5).get("content").get(0).get("name").asString().equals(newName));
        page.navigate("/");
        expectWelcome(newName);
    }

    static Cookie sessionCookie(List<Cookie> cookies) {
        return cookies.stream()
            .filter(cookie -> cookie.name.equals("SID") || cookie.name.equals("__Host-SID"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(
                    "no SID / __Host-SID cookie among " + cookies.stream().map(c -> c.name).toList()));
    }

}
