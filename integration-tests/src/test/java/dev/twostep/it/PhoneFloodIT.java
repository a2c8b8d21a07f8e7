package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.it.pages.ChooseMethodPage;
import dev.twostep.it.pages.EnterCodePage;
import dev.twostep.it.pages.PhoneNumberPage;
import dev.twostep.it.support.Pause;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;

/**
 * Another account typing a seller's number at enrollment can neither flood that phone (the resend cooldown
 * holds per number, across sign-ins, accounts and channels) nor spend the seller's own daily budget.
 */
@ExtendWith(SharedKeycloak.class)
class PhoneFloodIT {
    private Seller owner;
    private Seller stranger;
    private String ownersNumber;

    @BeforeEach
    void ownerEnrolled() {
        owner = new Seller();
        owner.enrollTextMessageWithAppBackup(false);
        ownersNumber = Seller.e164(owner.phone);
        stranger = new Seller();
    }

    @AfterEach
    void close() {
        owner.close();
        stranger.close();
    }

    /** The stranger signs in afresh and asks for a code to the owner's number at enrollment. */
    private ChromeDriver strangerTypesTheOwnersNumber(boolean voice) {
        ChromeDriver browser = stranger.newBrowser();
        stranger.signIn(browser);
        new ChooseMethodPage(browser).choosePhoneNumber();
        PhoneNumberPage page = new PhoneNumberPage(browser);
        (voice ? page.voiceDelivery() : page.textMessage()).country("IT").number(owner.phone).send();
        return browser;
    }

    private long strangersMessagesToTheOwner() {
        return owner.outbox.messagesTo(ownersNumber).stream()
                .filter(message -> stranger.username.equals(message.path("user").asText())).count();
    }

    @Test
    void signingInAgainAndAgainGetsOneCodeThroughPerCooldown() {
        // Long enough that a slow machine cannot outlast it between the sign-ins below.
        Map<String, String> before = owner.admin.changePolicy(Map.of("resendCooldownSeconds", "300"));
        try {
            new EnterCodePage(strangerTypesTheOwnersNumber(false));
            assertEquals(1, strangersMessagesToTheOwner());
            for (boolean voice : new boolean[] {true, false}) {
                PhoneNumberPage refused = new PhoneNumberPage(strangerTypesTheOwnersNumber(voice));
                assertTrue(refused.errors().contains("Please wait"), (voice ? "a voice call" : "a text") + ": "
                        + refused.errors());
            }
            assertEquals(1, strangersMessagesToTheOwner(), "new sign-ins and another channel skip no cooldown");

            // The owner's own sign-in is not held up by the stranger's turn.
            owner.signInWithCode(owner.newBrowser());
        } finally {
            owner.admin.changePolicy(before);
        }
    }

    @Test
    void strangersCannotSpendTheOwnersDailyBudget() {
        Map<String, String> before = owner.admin.changePolicy(Map.of("sendsPerNumberPerDay", "2"));
        try {
            // The owner's enrollment spent one unproven send; the stranger gets the second, then no more.
            new EnterCodePage(strangerTypesTheOwnersNumber(false));
            Pause.millis(1100);
            PhoneNumberPage refused = new PhoneNumberPage(strangerTypesTheOwnersNumber(true));
            assertTrue(refused.errors().contains("Too many codes"), refused.errors());
            assertEquals(1, strangersMessagesToTheOwner());

            // The owner's budget is whole: both of the day's sends reach their sign-ins.
            for (int signIn = 1; signIn <= 2; signIn++) {
                owner.signInWithCode(owner.newBrowser());
                Pause.millis(1100);
            }
        } finally {
            owner.admin.changePolicy(before);
        }
    }
}
