package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import dev.twostep.it.pages.SecuritySettingsPage;
import dev.twostep.it.pages.TwoStepCodePage;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;
import dev.twostep.it.support.Waits;

/** Keycloak's own Account Console, "Signing in": our phone method is listed and leads to the settings. */
@ExtendWith(SharedKeycloak.class)
class AccountConsoleIT {
    @Test
    void signingInListsThePhoneAndTheAppAndUpdateOpensTheSettings() {
        try (Seller seller = new Seller()) {
            seller.enrollTextMessageWithAppBackup(true);
            ChromeDriver browser = seller.enrollingBrowser();
            browser.get(seller.server.accountUrl() + "/account-security/signing-in");
            String page = awaitText(browser, "Phone (text message or voice call)");
            assertTrue(page.contains("+39 •••-•••-4567"), page);
            assertTrue(page.contains("Authenticator app"), page);
            assertFalse(page.contains(seller.phone), "the full number is never shown");
            List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                    .map(LogEntry::getMessage).toList();
            assertTrue(errors.isEmpty(), "the console page loaded without errors: " + errors);

            // "Update" on the phone row starts Advanced Security Settings, which asks for a fresh code.
            int sent = seller.messageCount();
            Waits.upTo(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                    .until(d -> {
                        WebElement phoneRow = d.findElement(By.xpath("//*[contains(text(), '+39 •••-•••-4567')]"
                                + "/ancestor::*[.//button[normalize-space()='Update']][1]"));
                        phoneRow.findElement(By.xpath(".//button[normalize-space()='Update']")).click();
                        return true;
                    });
            new TwoStepCodePage(browser).signIn(seller.latestMessage(sent + 1).get("code").asText());
            SecuritySettingsPage settings = new SecuritySettingsPage(browser);
            assertTrue(settings.primary().contains("4567"), settings.primary());
        }
    }

    private static String awaitText(ChromeDriver browser, String text) {
        // The console is a single-page app that redraws itself while loading: elements go stale under us.
        Waits.upTo(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        return browser.findElement(By.tagName("body")).getText();
    }
}
