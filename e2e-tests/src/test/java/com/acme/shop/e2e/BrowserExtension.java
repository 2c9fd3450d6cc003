package com.acme.shop.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Tracing;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives every test a fresh browser context (no shared cookies) with tracing on. When the
 * test fails, a screenshot, the page HTML and the Playwright trace go to
 * {@code e2e-tests/target/e2e-artifacts/<class>/<method>/} (open the trace with
 * {@code npx playwright show-trace trace.zip}).
 */
final class BrowserExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
        .create(BrowserExtension.class);

    /**
     * Actions and navigations; {@code -De2e.timeoutMs=60000} on a loaded machine (the
     * assertions' default follows, see {@link BrowserTest}).
     */
    static final int TIMEOUT_MS = Integer.getInteger("e2e.timeoutMs", 15_000);

    @Override
    public void beforeEach(ExtensionContext context) {
        E2ePlatform shop = E2ePlatform.of(context);
        Browsers browsers = Browsers.of(context);
        boolean javaScript = context.getTestMethod()
            .map(m -> !m.isAnnotationPresent(JavaScriptDisabled.class))
            .orElse(true)
                && context.getTestClass().map(c -> !c.isAnnotationPresent(JavaScriptDisabled.class)).orElse(true);

        BrowserContext browserContext = browsers.chromium
            .newContext(new Browser.NewContextOptions().setBaseURL(shop.webUrl())
                .setJavaScriptEnabled(javaScript)
                .setViewportSize(1280, 800)
                .setLocale("en-US"));
        browserContext.setDefaultTimeout(TIMEOUT_MS);
        browserContext.setDefaultNavigationTimeout(TIMEOUT_MS);
        browserContext.tracing()
            .start(new Tracing.StartOptions().setScreenshots(true).setSnapshots(true).setSources(false));
        Page page = browserContext.newPage();
        context.getStore(NAMESPACE).put(BrowserContext.class, browserContext);

        BrowserTest test = (BrowserTest) context.getRequiredTestInstance();
        test.attach(shop, browserContext, page);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        BrowserContext browserContext = context.getStore(NAMESPACE).remove(BrowserContext.class, BrowserContext.class);
        if (browserContext == null) {
            return;
        }
        try {
            if (context.getExecutionException().isPresent()) {
                saveArtifacts(context, browserContext);
            }
            else {
                browserContext.tracing().stop();
            }
        }
        finally {
            browserContext.close();
        }
    }

    private static void saveArtifacts(ExtensionContext context, BrowserContext browserContext) {
        Path dir = E2ePlatform.moduleDir()
            .resolve("target/e2e-artifacts")
            .resolve(context.getRequiredTestClass().getSimpleName())
            .resolve(context.getRequiredTestMethod().getName());
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < browserContext.pages().size(); i++) {
                Page page = browserContext.pages().get(i);
                String suffix = i == 0 ? "" : "-" + i;
                try {
                    page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve("screenshot" + suffix + ".png"))
                        .setFullPage(true));
                    Files.writeString(dir.resolve("page" + suffix + ".html"),
                            "<!-- " + page.url() + " -->\n" + page.content(), StandardCharsets.UTF_8);
                }
                catch (RuntimeException pageGone) {
                    Files.writeString(dir.resolve("page" + suffix + ".error.txt"), pageGone.toString(),
                            StandardCharsets.UTF_8);
                }
            }
            browserContext.tracing().stop(new Tracing.StopOptions().setPath(dir.resolve("trace.zip")));
            System.out.println("e2e: failure artifacts in " + dir);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
