package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.it.pages.AlmostDonePage;
import dev.twostep.it.pages.ChooseMethodPage;
import dev.twostep.it.pages.SetUpElsewherePage;
import dev.twostep.it.pages.SignInPage;
import dev.twostep.it.pages.TwoStepCodePage;
import dev.twostep.it.support.AuthenticatorApp;
import dev.twostep.it.support.EnrollmentWalk;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;
import dev.twostep.it.support.TokenEndpoint;

/**
 * Someone with the password (browser T) starts the enrollment; the real seller enrolls in browser V. What T
 * collected is never stored over the seller's methods, and T gets on only behind a code from those methods.
 */
@ExtendWith(SharedKeycloak.class)
class OvertakenEnrollmentIT {
    private Seller seller;

    @BeforeEach
    void newSeller() {
        seller = new Seller();
    }

    @AfterEach
    void close() {
        seller.close();
    }

    @Test
    void gotItAfterTheSellerEnrolledElsewhereStoresNothing() {
        ChromeDriver thief = seller.newBrowser();
        seller.signIn(thief);
        EnrollmentWalk walk = seller.enrollment(thief);
        walk.textMessage(seller.otherPhone);
        AuthenticatorApp thiefsApp = walk.app();
        AlmostDonePage done = new AlmostDonePage(thief);

        AuthenticatorApp sellersApp = seller.enrollTextMessageWithAppBackup(false);
        List<String> sellersMethods = methodIds();

        done.turnOn();
        SetUpElsewherePage told = new SetUpElsewherePage(thief);
        assertTrue(told.text().contains("Nothing you chose here was saved"), told.text());
        assertEquals(sellersMethods, methodIds(), "the seller's methods are untouched");
        assertTrue(Seller.data(seller.credentialsOfType("two-step-phone").get(0)).path("number").asText()
                .endsWith("4567"), "the seller's phone, not the thief's");
        assertEquals("enrollment-overtaken", seller.admin.events(seller.id, "UPDATE_CREDENTIAL_ERROR").get(0)
                .path("details").path("two_step_change").asText());

        TokenEndpoint tokens = new TokenEndpoint(seller.server);
        assertEquals(401, tokens.passwordGrant(seller.username, Seller.PASSWORD,
                Map.of("otp", thiefsApp.currentCode())).status(), "the thief's app counts for nothing");
        assertEquals(200, tokens.passwordGrant(seller.username, Seller.PASSWORD,
                Map.of("otp", sellersApp.currentCode())).status(), "the seller's app does");

        told.signInAgain();
        new SignInPage(thief).awaitShown().signIn(seller.username, Seller.PASSWORD);
        TwoStepCodePage code = new TwoStepCodePage(thief);
        assertTrue(code.whereTheCodeIs().contains("4567"), "a code from the seller's primary: " + code.whereTheCodeIs());
    }

    @Test
    void aThiefWaitingOnTheFirstPageIsNotLetInOnceTheSellerEnrolled() {
        ChromeDriver thief = seller.newBrowser();
        seller.signIn(thief);
        ChooseMethodPage choose = new ChooseMethodPage(thief);

        seller.enrollTextMessageWithAppBackup(false);
        List<String> sellersMethods = methodIds();

        choose.choosePhoneNumber();
        new SetUpElsewherePage(thief);
        assertEquals(sellersMethods, methodIds());
        assertEquals(1, seller.admin.sessions(seller.id).size(), "only the seller's browser is signed in");
    }

    private List<String> methodIds() {
        return seller.credentials().stream().filter(c -> !"password".equals(c.path("type").asText()))
                .map(c -> c.path("id").asText()).sorted().toList();
    }
}
