package dev.twostep.it.support;

import java.time.Duration;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Waits on the browser that look often: Selenium's default looks every 500 ms, which a suite of a few thousand
 * page changes pays for in minutes while the page is long there.
 */
public final class Waits {
    private static final Duration POLL = Duration.ofMillis(50);

    private Waits() {
    }

    public static WebDriverWait upTo(WebDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(POLL);
        return wait;
    }
}
