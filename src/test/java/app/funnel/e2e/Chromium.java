package app.funnel.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Playwright; never a browser that a tool downloads.
 * Set {@code FUNNEL_CHROMIUM} to use another binary.
 */
public final class Chromium implements AutoCloseable {

    private static final Path BINARY = Path.of(System.getenv().getOrDefault("FUNNEL_CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    public Chromium() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("No Chromium at " + BINARY + ": install Debian's chromium "
                    + "(apt-get install -y chromium) or set FUNNEL_CHROMIUM");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(BINARY)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        // tabs in the background (the push benchmark opens hundreds) still run their scripts
                        "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                        "--disable-backgrounding-occluded-windows")));
    }

    /** A fresh browser profile (no cookies) with an English locale. */
    public Page newPage() {
        return newPage("en-US", 1280, 800);
    }

    /** A fresh browser profile in the given language and window size (390x844 is a phone). */
    public Page newPage(String locale, int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale(locale).setViewportSize(width, height).setIsMobile(width < 600).setHasTouch(width < 600));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    /** Fills the login form and submits it; waits until the next page has loaded. */
    public static void logIn(Page page, String baseUrl, String username, String password) {
        page.navigate(baseUrl + "/login");
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("input[name=password]").press("Enter");
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    /** Waits for the shell after a successful login. */
    static void waitForShell(Page page) {
        page.locator("#main-nav").waitFor();
    }

    /** The labels of the side navigation, in order. */
    static List<String> navigation(Page page) {
        waitForShell(page);
        return page.locator("#main-nav vaadin-side-nav-item").allInnerTexts().stream().map(String::strip).toList();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
