package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

import jakarta.mail.internet.MimeMessage;

import dev.twostep.it.support.AdminApi;
import dev.twostep.it.support.Browser;
import dev.twostep.it.support.MailCatcher;
import dev.twostep.it.support.Pause;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;

/** A sign-in with a code from a browser the account has not used: an e-mail, with "This wasn't me". */
@ExtendWith(SharedKeycloak.class)
class NewSignInNoticeIT {
    private static MailCatcher mail;
    private static Map<String, String> policyBefore;

    @BeforeAll
    static void noticesOn() {
        AdminApi admin = new AdminApi(SharedKeycloak.server());
        mail = new MailCatcher(admin);
        policyBefore = admin.changePolicy(Map.of("newBrowserNoticeDays", "90"));
    }

    @AfterAll
    static void noticesAsBefore() {
        new AdminApi(SharedKeycloak.server()).changePolicy(policyBefore);
        mail.close();
    }

    @Test
    void aNewBrowserIsToldOfOnceAndTheUsualOneNever() throws Exception {
        try (Seller seller = Seller.withMethods()) {
            String address = seller.username + "@example.com";
            ChromeDriver usual = seller.signedInBrowser(false);
            assertEquals(0, mail.awaitFor(address, 1).size(), "the first browser the account records is no news");

            Pause.millis(1100);
            ChromeDriver other = seller.newBrowser();
            seller.signInWithCode(other);
            List<MimeMessage> notices = mail.awaitFor(address, 1);
            assertEquals(1, notices.size());
            assertEquals("New sign-in to your account", notices.get(0).getSubject());
            String text = MailCatcher.text(notices.get(0));
            assertTrue(text.contains("Chrome on Linux"), text);
            assertTrue(text.contains("UTC"), text);
            assertTrue(text.contains("/two-step-not-me?t="), "with its This wasn't me link: " + text);
            assertTrue(!text.replaceAll("https?://\\S+", "").matches("(?s).*\\b\\d{6}\\b.*"), "never a code");

            Pause.millis(1100);
            seller.endSessionKeeping(usual, "TWO_STEP_BROWSER");
            seller.signInWithCode(usual);
            Pause.millis(1500);
            assertEquals(1, mail.awaitFor(address, 2).size(), "the usual browser again is no news");

            // A seller who never chose a language and a new browser asking for Italian: all of it in Italian.
            Pause.millis(1100);
            ChromeOptions italian = Browser.headlessOptions("--lang=it-IT");
            italian.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "it-IT,it"));
            ChromeDriver italianBrowser = Browser.start(italian);
            try {
                seller.signInWithCode(italianBrowser);
            } finally {
                italianBrowser.quit();
            }
            MimeMessage inItalian = mail.awaitFor(address, 2).get(1);
            assertEquals("Nuovo accesso al tuo account", inItalian.getSubject());
            String italianText = MailCatcher.text(inItalian);
            assertTrue(italianText.contains("l'accesso") && italianText.contains("Chrome su Linux"), italianText);
        }
    }
}
