package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.it.pages.ChooseMethodPage;
import dev.twostep.it.pages.PhoneNumberPage;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;

/** With no sender chosen, the dev outbox is the sender, even though the Twilio sender is deployed too. */
@ExtendWith(SharedKeycloak.class)
class DefaultSenderIT {
    @Test
    void withNoSenderChosenCodesGoToTheOutbox() throws IOException {
        String log = System.getProperty("twostep.log");
        Assumptions.assumeTrue(log != null && System.getProperty("twostep.external.port", "").isBlank()
                && System.getProperty("twostep.sender") == null, "only for the server the suite started, as it is");
        String text = Files.readString(Path.of(log));
        assertTrue(text.contains("two-step: outbox sender writes codes to"), "the outbox is in use");
        assertFalse(text.contains("codes go out through Twilio"), "Twilio is not chosen by default");

        try (Seller seller = new Seller()) {
            ChromeDriver browser = seller.newBrowser();
            seller.signIn(browser);
            new ChooseMethodPage(browser).choosePhoneNumber();
            new PhoneNumberPage(browser).textMessage().country("IT").number(seller.phone).send();
            assertEquals(Seller.e164(seller.phone), seller.latestMessage(1).get("to").asText());
        }
    }
}
