package com.acme.shop.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Playwright driver and one headless Chromium per test run. The system Chromium is
 * used (offline machines): {@code PLAYWRIGHT_CHROMIUM_EXECUTABLE}, else /usr/bin/chromium
 * when it exists, else Playwright's own browser (which it may download on machines with
 * internet).
 */
final class Browsers implements AutoCloseable {

    static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browsers.class);

    final Playwright playwright;

    final Browser chromium;

    private Browsers() {
        Path executable = executable();
        Playwright.CreateOptions createOptions = new Playwright.CreateOptions();
        if (executable != null) {
            createOptions.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        }
        playwright = Playwright.create(createOptions);
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions()
            .setHeadless(!Boolean.getBoolean("e2e.headed"))
            .setArgs(ARGS);
        if (executable != null) {
            launch.setExecutablePath(executable);
        }
        chromium = playwright.chromium().launch(launch);
    }

    static Browsers of(ExtensionContext context) {
        return context.getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent(Browsers.class, type -> new Browsers(), Browsers.class);
    }

    static Path executable() {
        String configured = System.getenv("PLAYWRIGHT_CHROMIUM_EXECUTABLE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/bin/chromium");
        return Files.isExecutable(debian) ? debian : null;
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }

}
