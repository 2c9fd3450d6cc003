package com.acme.shop.e2e;

import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Home still renders when the member service is down, and recovers when it is back. */
@Order(Integer.MAX_VALUE - 2) // stops a service: after the browser suites, before FuzzIT
                              // and InfrastructureFaultIT
class DegradedHomeIT extends BrowserTest {

    @Test
    void rendersHomeWithADegradedSectionWhileMemberIsStopped() {
        TestUser user = loginAsNewUser("resilient");
        expectWelcome(user.name());
        assertThat(page.locator(".degraded")).hasCount(0);

        shop.platform.stop("member");
        try {
            Response response = page.navigate("/");
            assertEquals(200, response.status(), "home must not fail because member is down");
            assertThat(page.locator(".degraded").first()).containsText("unavailable");
            assertThat(page.locator("header")).isVisible();
        }
        finally {
            shop.platform.start("member");
        }

        page.navigate("/");
        expectWelcome(user.name());
        assertThat(page.locator(".degraded")).hasCount(0);
    }

}
