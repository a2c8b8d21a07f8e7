package dev.twostep.it.support;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Debian Chromium (no cookies, no stored data), driven through Debian's chromedriver. */
public final class Browser {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /**
     * Selenium looks for a DevTools binding matching Chromium's version and warns each time it has none; we do
     * not use DevTools. Held in a field because java.util.logging forgets the level of a collected logger.
     */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    private Browser() {
    }

    /** Browsers given back and wiped, waiting for the next test: starting Chromium costs one and a half seconds. */
    private static final Deque<ChromeDriver> IDLE = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (IDLE) {
                IDLE.forEach(Browser::quietlyQuit);
                IDLE.clear();
            }
        }));
    }

    /**
     * A browser as a new device sees the server: no cookies, no stored data, one blank tab. A wiped browser
     * of an earlier test when there is one.
     */
    public static ChromeDriver take() {
        synchronized (IDLE) {
            ChromeDriver idle = IDLE.poll();
            if (idle != null) {
                return idle;
            }
        }
        return open();
    }

    /**
     * Wipes what identifies the device (every cookie, and what {@code origin}, the server's, stored) and keeps
     * the browser for {@link #take()}; a broken one is quit.
     */
    public static void giveBack(ChromeDriver driver, String origin) {
        try {
            String first = null;
            for (String handle : driver.getWindowHandles()) {
                if (first == null) {
                    first = handle;
                } else {
                    driver.switchTo().window(handle).close();
                }
            }
            driver.switchTo().window(first);
            driver.get("about:blank");
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            // The HTTP cache too: Keycloak's session-status frame answers are cached, and a stale one makes the
            // Account Console of the next test drop its sign-in.
            driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
            // The console log is read once per test: what this one left must not answer for the next.
            driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER);
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin,
                    "storageTypes", "cookies,local_storage,session_storage,indexeddb,websql,service_workers,cache_storage"));
            synchronized (IDLE) {
                IDLE.push(driver);
            }
        } catch (RuntimeException e) {
            quietlyQuit(driver);
        }
    }

    private static void quietlyQuit(ChromeDriver driver) {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            // Already gone.
        }
    }

    public static ChromeDriver open() {
        ChromeOptions options = headlessOptions("--window-size=1100,1400", "--lang=en-US");
        // Keeps the page's console, for a failing test to show what a script complained about.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        return start(options);
    }

    /** Debian's Chromium, headless, without the background work no test needs; {@code extra} arguments on top. */
    public static ChromeOptions headlessOptions(String... extra) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync");
        options.addArguments(extra);
        return options;
    }

    /** A browser with {@code options}, through Debian's chromedriver. */
    public static ChromeDriver start(ChromeOptions options) {
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
