package dev.twostep.it.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.core.delivery.twilio.TwilioStandIn;
import dev.twostep.it.pages.ChooseMethodPage;
import dev.twostep.it.pages.EnterCodePage;
import dev.twostep.it.pages.OtherMethodsPage;
import dev.twostep.it.pages.PhoneNumberPage;
import dev.twostep.it.pages.SignInPage;
import dev.twostep.it.pages.TwoStepCodePage;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;
import dev.twostep.it.support.TwilioInbox;

/**
 * Keycloak with the {@code twilio} sender (Twilio's SDK, packed in our JAR) pointed at a local server that
 * answers as Twilio's API does: what a seller sees, and what Twilio is asked to send.
 */
@ExtendWith(SharedKeycloak.class)
class TwilioIT {
    private Seller seller;
    private TwilioStandIn twilio;
    private TwilioInbox inbox;

    @BeforeEach
    void newSeller() {
        twilio = SharedKeycloak.twilio();
        inbox = new TwilioInbox(twilio);
        seller = new Seller();
    }

    @AfterEach
    void close() {
        if (twilio != null) {
            twilio.slowDown(Duration.ZERO);
        }
        if (seller != null) {
            seller.close();
        }
    }

    @Test
    void textMessagesAndCallsGoThroughTwilio() {
        String number = Seller.e164(seller.phone);
        ChromeDriver browser = seller.newBrowser();
        seller.signIn(browser);
        new ChooseMethodPage(browser).choosePhoneNumber();
        new PhoneNumberPage(browser).textMessage().country("IT").number(seller.phone).send();
        TwilioStandIn.Received sms = inbox.await(number, 1);
        assertEquals("Messages", sms.kind());
        assertEquals(SharedKeycloak.TWILIO_ACCOUNT, sms.accountSid());
        assertEquals(SharedKeycloak.TWILIO_FROM, sms.form().get("From"));
        assertTrue(sms.form().get("Body").contains("Seller Central"), sms.form().get("Body"));
        new EnterCodePage(browser).verify(sms.code());
        seller.enrollment(browser).app();
        seller.enrollment(browser).finish(false);
        seller.awaitApp(browser);

        ChromeDriver signingIn = seller.newBrowser();
        seller.signIn(signingIn);
        TwoStepCodePage codePage = new TwoStepCodePage(signingIn);
        inbox.await(number, 2);
        codePage.didntReceiveTheCode();
        new OtherMethodsPage(signingIn).use("primary-voice");
        TwilioStandIn.Received call = inbox.await(number, 3);
        assertEquals("Calls", call.kind());
        String twiml = call.form().get("Twiml");
        assertTrue(twiml.contains("language=\"en-US\""), twiml);
        assertTrue(twiml.contains("verification code"), twiml);
        new TwoStepCodePage(signingIn).signIn(call.code());
        seller.awaitApp(signingIn);
    }

    @Test
    void anItalianSellerIsCalledInItalian() {
        String number = Seller.e164(seller.phone);
        ChromeDriver browser = seller.newBrowser();
        SignInPage signIn = SignInPage.open(browser, seller.server.accountUrl());
        signIn.switchLanguage("it");
        signIn.signIn(seller.username, Seller.PASSWORD);
        new ChooseMethodPage(browser).choosePhoneNumber();
        new PhoneNumberPage(browser).voiceDelivery().country("IT").number(seller.phone).send();
        TwilioStandIn.Received call = inbox.await(number, 1);
        String twiml = call.form().get("Twiml");
        assertTrue(twiml.contains("language=\"it-IT\""), twiml);
        assertTrue(twiml.contains("codice"), twiml);
        new EnterCodePage(browser).verify(call.code());
        new ChooseMethodPage(browser);
    }

    @Test
    void aNumberTwilioCannotTextIsExplainedOnThePage() {
        String landline = Seller.e164(seller.otherPhone);
        twilio.failFor(landline, 21614);
        ChromeDriver browser = seller.newBrowser();
        seller.signIn(browser);
        new ChooseMethodPage(browser).choosePhoneNumber();
        new PhoneNumberPage(browser).textMessage().country("IT").number(seller.otherPhone).send();
        PhoneNumberPage again = new PhoneNumberPage(browser);
        assertTrue(again.errors().contains("cannot receive text messages"), again.errors());
        assertEquals(0, inbox.count(landline));
    }

    @Test
    void aSlowTwilioDoesNotHoldThePageAndALateRefusalStillReachesTheSeller() {
        String bad = Seller.e164(seller.otherPhone);
        twilio.failFor(bad, 21211);
        twilio.slowDown(Duration.ofSeconds(2));
        ChromeDriver browser = seller.newBrowser();
        seller.signIn(browser);
        new ChooseMethodPage(browser).choosePhoneNumber();
        new PhoneNumberPage(browser).textMessage().country("IT").number(seller.otherPhone).send();
        // The code page comes first; when Twilio's refusal arrives, the page goes back to the number.
        new EnterCodePage(browser);
        PhoneNumberPage refused = new PhoneNumberPage(browser);
        assertTrue(refused.errors().contains("This phone number is not valid"), refused.errors());
    }
}
