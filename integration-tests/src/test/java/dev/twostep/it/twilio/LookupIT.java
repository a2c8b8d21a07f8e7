package dev.twostep.it.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;

import dev.twostep.core.delivery.twilio.TwilioStandIn;
import dev.twostep.core.delivery.twilio.TwilioStandIn.LookupAnswer;
import dev.twostep.it.pages.ChooseMethodPage;
import dev.twostep.it.pages.EnterCodePage;
import dev.twostep.it.pages.PhoneNumberPage;
import dev.twostep.it.pages.SignInPage;
import dev.twostep.it.pages.TwoStepCodePage;
import dev.twostep.it.support.AdminApi;
import dev.twostep.it.support.AuthenticatorApp;
import dev.twostep.it.support.MailCatcher;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;
import dev.twostep.it.support.TwilioInbox;

/**
 * Twilio Lookup before a code is paid for, on the Keycloak whose twilio sender asks every package of the
 * tests' Twilio stand-in: what each answer means for the seller's page, and what it costs in requests.
 */
@ExtendWith(SharedKeycloak.class)
class LookupIT {
    private static MailCatcher mail;
    private Seller seller;
    private TwilioStandIn twilio;
    private TwilioInbox inbox;

    @BeforeAll
    static void catchMail() {
        SharedKeycloak.twilio();
        mail = new MailCatcher(new AdminApi(SharedKeycloak.server()));
    }

    @AfterAll
    static void releaseMail() {
        if (mail != null) {
            mail.close();
        }
    }

    @BeforeEach
    void newSeller() {
        twilio = SharedKeycloak.twilio();
        inbox = new TwilioInbox(twilio);
        seller = new Seller();
    }

    @AfterEach
    void close() {
        twilio.slowLookups(Duration.ZERO);
        seller.close();
    }

    private PhoneNumberPage phonePage(ChromeDriver browser) {
        seller.signIn(browser);
        new ChooseMethodPage(browser).choosePhoneNumber();
        return new PhoneNumberPage(browser);
    }

    @Test
    void aLandlineIsToldToChooseAVoiceCallAndGetsOne() {
        String landline = Seller.e164(seller.otherPhone);
        twilio.lookupAnswers(landline, LookupAnswer.of("landline"));
        ChromeDriver browser = seller.newBrowser();
        phonePage(browser).textMessage().country("IT").number(seller.otherPhone).send();
        PhoneNumberPage refused = new PhoneNumberPage(browser);
        assertTrue(refused.errors().contains("This number cannot receive text messages: choose Voice delivery"),
                refused.errors());
        assertEquals(0, inbox.count(landline), "nothing paid for a text it cannot read");

        refused.voiceDelivery().country("IT").number(seller.otherPhone).send();
        TwilioStandIn.Received call = inbox.await(landline, 1);
        assertEquals("Calls", call.kind());
        new EnterCodePage(browser).verify(call.code());
        new ChooseMethodPage(browser);
        assertEquals(1, twilio.lookupsOf(landline), "one lookup for the number, however many pages ask");
    }

    @Test
    void anItalianSellerReadsTheRefusalInItalian() {
        String landline = Seller.e164(seller.otherPhone);
        twilio.lookupAnswers(landline, LookupAnswer.of("landline"));
        ChromeDriver browser = seller.newBrowser();
        SignInPage signIn = SignInPage.open(browser, seller.server.accountUrl());
        signIn.switchLanguage("it");
        signIn.signIn(seller.username, Seller.PASSWORD);
        new ChooseMethodPage(browser).choosePhoneNumber();
        new PhoneNumberPage(browser).textMessage().country("IT").number(seller.otherPhone).send();
        String errors = new PhoneNumberPage(browser).errors();
        assertTrue(errors.contains("Questo numero non può ricevere SMS: scegli Chiamata vocale"), errors);
    }

    @Test
    void aNumberAtRiskOfSmsPumpingGetsNoCodeTheGenericWordsAndAnEvent() {
        String risky = Seller.e164(seller.otherPhone);
        twilio.lookupAnswers(risky, LookupAnswer.of("mobile").risk(95));
        ChromeDriver browser = seller.newBrowser();
        phonePage(browser).voiceDelivery().country("IT").number(seller.otherPhone).send();
        String errors = new PhoneNumberPage(browser).errors();
        assertTrue(errors.contains("Codes cannot be sent to this number"), errors);
        assertTrue(!errors.contains("risk") && !errors.contains("pumping"), "nothing for a fraudster to tune: " + errors);
        assertEquals(0, inbox.count(risky));
        List<String> risks = new ArrayList<>();
        for (JsonNode event : seller.admin.events(seller.id)) {
            if ("two_step_number_risky".equals(event.path("error").asText())) {
                risks.add(event.path("details").path("two_step_pumping_risk").asText());
            }
        }
        assertEquals(List.of("95"), risks, "an event an admin can watch, with the score");
    }

    @Test
    void aPrimaryPhoneWhoseSimChangedLatelyIsPassedOverForTheBackupAndTheSellerIsTold() {
        String number = Seller.e164(seller.phone);
        // Changed two hours ago: the enrollment's lookup already knows, and the sign-in reuses it.
        twilio.lookupAnswers(number, LookupAnswer.of("mobile").simSwappedAt(Instant.now().minus(Duration.ofHours(2))));
        ChromeDriver enrolling = seller.newBrowser();
        phonePage(enrolling).textMessage().country("IT").number(seller.phone).send();
        new EnterCodePage(enrolling).verify(inbox.await(number, 1).code());
        AuthenticatorApp app = seller.enrollment(enrolling).app();
        seller.enrollment(enrolling).finish(false);
        seller.awaitApp(enrolling);

        ChromeDriver signingIn = seller.newBrowser();
        seller.signIn(signingIn);
        TwoStepCodePage codePage = new TwoStepCodePage(signingIn);
        assertTrue(codePage.errors().contains("The SIM card of your primary phone changed recently"), codePage.errors());
        codePage.signIn(app.currentCode());
        seller.awaitApp(signingIn);
        assertEquals(1, inbox.count(number), "the enrollment's text only: nothing went to the changed SIM");
        String notice = GreenMailUtil.getBody(mail.awaitFor(seller.username + "@example.com", 1).get(0));
        assertTrue(notice.contains("SIM card of your primary phone number changed"), notice);
        boolean recorded = false;
        for (JsonNode event : seller.admin.events(seller.id, "LOGIN_ERROR")) {
            recorded |= "two_step_sim_changed".equals(event.path("error").asText());
        }
        assertTrue(recorded, "a LOGIN_ERROR two_step_sim_changed event");
    }

    @Test
    void aFailingLookupLetsTheCodeGoAndIsNotAskedAgainAtOnce() {
        String number = Seller.e164(seller.phone);
        twilio.lookupAnswers(number, LookupAnswer.failing(503));
        ChromeDriver browser = seller.newBrowser();
        phonePage(browser).textMessage().country("IT").number(seller.phone).send();
        inbox.await(number, 1);
        EnterCodePage codePage = new EnterCodePage(browser);
        dev.twostep.it.support.Pause.millis(1100);
        codePage.sendAgain();
        TwilioStandIn.Received second = inbox.await(number, 2);
        new EnterCodePage(browser).verify(second.code());
        new ChooseMethodPage(browser);
        assertEquals(1, twilio.lookupsOf(number), "one failed attempt, no retry loop");
    }

    @Test
    void aSlowLookupIsWaitedForOnlyUntilItsDeadline() {
        String number = Seller.e164(seller.phone);
        twilio.slowLookups(Duration.ofSeconds(6));
        ChromeDriver browser = seller.newBrowser();
        PhoneNumberPage page = phonePage(browser).textMessage().country("IT").number(seller.phone);
        long started = System.nanoTime();
        page.send();
        new EnterCodePage(browser).verify(inbox.await(number, 1).code());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofMillis(SharedKeycloak.LOOKUP_TIMEOUT_MILLIS + 3500)) < 0,
                "the page waited " + took.toMillis() + " ms, not the stand-in's 6 s");
        new ChooseMethodPage(browser);
    }

    @Test
    void aReturningSellersSignInAsksLookupNothing() {
        seller.importMethods();
        String number = Seller.e164(seller.phone);
        signInWithText(number, 1);
        long afterFirst = twilio.lookupsOf(number);
        assertEquals(1, afterFirst, "the first sign-in after the import looks the number up once");
        dev.twostep.it.support.Pause.millis(1100);
        signInWithText(number, 2);
        assertEquals(afterFirst, twilio.lookupsOf(number), "a returning seller's sign-in adds no Lookup request");
    }

    /** A sign-in in a new browser with the {@code nth} text to {@code number}, ending in the app. */
    private void signInWithText(String number, int nth) {
        ChromeDriver browser = seller.newBrowser();
        seller.signIn(browser);
        TwoStepCodePage page = new TwoStepCodePage(browser);
        page.signIn(inbox.await(number, nth).code());
        seller.awaitApp(browser);
    }
}
