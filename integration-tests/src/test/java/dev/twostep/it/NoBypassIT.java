package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.it.pages.ChooseMethodPage;
import dev.twostep.it.pages.SelectAuthenticatorPage;
import dev.twostep.it.pages.SignInPage;
import dev.twostep.it.pages.TwoStepCodePage;
import dev.twostep.it.support.AuthenticatorApp;
import dev.twostep.it.support.Jwt;
import dev.twostep.it.support.Pause;
import dev.twostep.it.support.MailCatcher;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;
import dev.twostep.it.support.TokenEndpoint;
import dev.twostep.it.support.Waits;

/** Nothing gets around the second step: not the password grant, not guessing codes. */
@ExtendWith(SharedKeycloak.class)
class NoBypassIT {
    private Seller seller;
    private TokenEndpoint tokens;

    @BeforeEach
    void newSeller() {
        seller = new Seller();
        tokens = new TokenEndpoint(seller.server);
    }

    @AfterEach
    void close() {
        seller.close();
    }

    @Test
    void passwordGrantWithoutTwoStepIsRefused() {
        TokenEndpoint.Answer answer = tokens.passwordGrant(seller.username, Seller.PASSWORD, Map.of());
        assertEquals(401, answer.status());
        assertEquals("invalid_grant", answer.body().get("error").asText());
        assertTrue(answer.body().get("error_description").asText().contains("Two-Step Verification"));
        assertFalse(answer.body().has("access_token"));
    }

    @Test
    void tryAnotherWayOffersNothingThatSkipsTheCode() {
        seller.importMethodsAndSignIn(false);
        ChromeDriver browser = seller.newBrowser();
        String code = seller.signInForCode(browser);
        new TwoStepCodePage(browser).submitWith("tryAnotherWay", "on");
        SelectAuthenticatorPage choices = new SelectAuthenticatorPage(browser);
        assertEquals(1, choices.options().size(), "the code step is the only way on: " + choices.bodyText());
        choices.choose(0);
        new TwoStepCodePage(browser).signIn(code);
        seller.awaitApp(browser);
    }

    @Test
    void aSellerWhoDeletedTheBackupStillNeedsACodeBeforeSettingUpAgain() {
        seller.importMethodsAndSignIn(true);
        // As the Account Console's "Delete" on the authenticator app does.
        seller.admin.deleteCredential(seller.id, seller.credentialsOfType("otp").get(0).path("id").asText());

        ChromeDriver browser = seller.newBrowser();
        String code = seller.signInForCode(browser);
        TwoStepCodePage page = new TwoStepCodePage(browser);
        assertTrue(page.whereTheCodeIs().contains("4567"), "the primary that is left guards the account");
        page.signIn(code);
        assertEquals("Choose how you'll receive codes", new ChooseMethodPage(browser).title(),
                "then the enrollment makes 2SV complete again");
    }

    @Test
    void forgotPasswordAsksForTheCodeBeforeTheNewPassword() throws Exception {
        seller.importMethodsAndSignIn(false);
        Map<String, Object> before = seller.admin.changeRealm(Map.of("resetPasswordAllowed", true));
        try (MailCatcher mail = new MailCatcher(seller.admin)) {
            ChromeDriver browser = seller.newBrowser();
            browser.get(seller.server.accountUrl());
            new SignInPage(browser).awaitShown();
            browser.findElement(By.cssSelector("a[href*='reset-credentials']")).click();
            Waits.upTo(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("username")).isEmpty());
            browser.findElement(By.id("username")).sendKeys(seller.username);
            browser.findElement(By.cssSelector("[type=submit]")).click();

            String body = GreenMailUtil.getBody(mail.awaitFor(seller.username + "@example.com", 1).get(0));
            Matcher link = Pattern.compile("https?://[^\\s\"<>]*action-token[^\\s\"<>]*").matcher(
                    body.replace("=\r\n", "").replace("=3D", "=").replace("&amp;", "&"));
            assertTrue(link.find(), body);
            int sent = seller.messageCount();
            browser.get(link.group());

            // The e-mail alone is not enough: the code comes first, as at every sign-in.
            TwoStepCodePage code = new TwoStepCodePage(browser);
            assertTrue(code.whereTheCodeIs().contains("4567"), code.whereTheCodeIs());
            code.signIn(seller.latestMessage(sent + 1).get("code").asText());
            Waits.upTo(browser, Duration.ofSeconds(20))
                    .until(d -> !d.findElements(By.id("password-new")).isEmpty());
            browser.findElement(By.id("password-new")).sendKeys(Seller.NEW_PASSWORD);
            browser.findElement(By.id("password-confirm")).sendKeys(Seller.NEW_PASSWORD);
            browser.findElement(By.cssSelector("[type=submit]")).click();
            seller.awaitApp(browser);
            assertEquals(List.of("otp", "password", "two-step-app", "two-step-phone"),
                    seller.credentialTypes().stream().sorted().toList(), "the methods are all still there");
        } finally {
            seller.admin.changeRealm(before);
        }
    }

    @Test
    void aSecondTabDoesNotInheritThePasswordStep() {
        seller.importMethodsAndSignIn(false);
        ChromeDriver browser = seller.newBrowser();
        String code = seller.signInForCode(browser);

        String firstTab = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(seller.server.accountUrl());
        new SignInPage(browser).awaitShown();
        assertFalse(browser.getCurrentUrl().startsWith(seller.server.accountUrl()), "the second tab is not signed in");

        browser.switchTo().window(firstTab);
        new TwoStepCodePage(browser).signIn(code);
        seller.awaitApp(browser);
    }

    @Test
    void passwordGrantNeedsTheAppCode() {
        AuthenticatorApp app = seller.importMethodsAndSignIn(false);

        TokenEndpoint.Answer noCode = tokens.passwordGrant(seller.username, Seller.PASSWORD, Map.of());
        assertEquals(401, noCode.status());
        assertTrue(noCode.body().get("error_description").asText().contains("Two-Step Verification is required"));

        // Two failures within a second trip Keycloak's quick-login lockout; an integrator would not be that fast.
        Pause.millis(1200);
        TokenEndpoint.Answer wrong = tokens.passwordGrant(seller.username, Seller.PASSWORD, Map.of("otp", "000000"));
        assertEquals(401, wrong.status());
        assertTrue(wrong.body().get("error_description").asText().contains("the code is invalid"));

        TokenEndpoint.Answer right = tokens.passwordGrant(seller.username, Seller.PASSWORD,
                Map.of("otp", app.currentCode(), "scope", "openid"));
        assertEquals(200, right.status(), right.body().toString());
        assertEquals("two-step", Jwt.claims(right.body().get("id_token").asText()).path("acr").asText(),
                "the token says a code was given");
    }


    @Test
    void passwordGrantWithATextMessageCodeFromAFirstCall() {
        seller.importMethodsAndSignIn(false);
        Map<String, String> before = seller.admin.changePolicy(Map.of("resendCooldownSeconds", "30"));
        try {
            aTextMessageCodeFromAFirstCall();
        } finally {
            seller.admin.changePolicy(before);
        }
    }

    private void aTextMessageCodeFromAFirstCall() {
        int sent = seller.messageCount();
        TokenEndpoint.Answer first = tokens.passwordGrant(seller.username, Seller.PASSWORD, Map.of());
        assertEquals(401, first.status());
        assertTrue(first.body().get("error_description").asText().contains("a code was sent to +39"),
                first.body().toString());
        String code = seller.latestMessage(sent + 1).get("code").asText();
        TokenEndpoint.Answer again = tokens.passwordGrant(seller.username, Seller.PASSWORD, Map.of());
        assertEquals(401, again.status());
        assertTrue(again.body().get("error_description").asText().contains("moments ago"), again.body().toString());
        assertEquals(sent + 1, seller.messageCount(), "a call repeated at once sends no second code");
        assertEquals(0, seller.admin.bruteForce(seller.id).path("numFailures").asInt(),
                "asking for a code is not a failed sign-in");

        Pause.millis(1200);
        TokenEndpoint.Answer second = tokens.passwordGrant(seller.username, Seller.PASSWORD, Map.of("otp", code));
        assertEquals(200, second.status(), second.body().toString());

        Pause.millis(1200);
        TokenEndpoint.Answer replay = tokens.passwordGrant(seller.username, Seller.PASSWORD, Map.of("otp", code));
        assertEquals(401, replay.status(), "a text-message code works once");
        assertEquals(sent + 1, seller.messageCount(), "a call with a code sends nothing");
    }

    @Test
    void integratorsUseTheServiceAccountClientInstead() {
        String secret = seller.admin.clientSecret("seller-integration");
        TokenEndpoint.Answer answer = tokens.clientCredentials("seller-integration", secret);
        assertEquals(200, answer.status(), answer.body().toString());
        assertNotNull(answer.body().get("access_token"));
        assertEquals(401, tokens.clientCredentials("seller-integration", "wrong-secret").status());
    }

    @Test
    void wrongCodesCountInKeycloaksBruteForceDetector() {
        seller.importMethodsAndSignIn(false);
        int before = seller.admin.bruteForce(seller.id).path("numFailures").asInt();
        // No quick-login lock here: this test is about counting, the next one about locking.
        Map<String, Object> realmBefore = seller.admin.changeRealm(Map.of("quickLoginCheckMilliSeconds", 1));
        try {
            ChromeDriver other = seller.newBrowser();
            String code = seller.signInForCode(other);
            String wrong = Seller.wrongCode(code);
            for (int i = 0; i < 3; i++) {
                new TwoStepCodePage(other).signIn(wrong);
            }
            new TwoStepCodePage(other);
            assertEquals(before + 3, seller.admin.bruteForce(seller.id).path("numFailures").asInt());
        } finally {
            seller.admin.changeRealm(realmBefore);
        }
    }

    @Test
    void aLockedOutSellerIsToldSoEvenWithTheRightCode() {
        seller.importMethodsAndSignIn(false);
        Map<String, Object> before = seller.admin.changeRealm(Map.of("failureFactor", 3,
                "quickLoginCheckMilliSeconds", 1));
        try {
            ChromeDriver browser = seller.newBrowser();
            String code = seller.signInForCode(browser);
            String wrong = Seller.wrongCode(code);
            for (int i = 0; i < 3; i++) {
                new TwoStepCodePage(browser).signIn(wrong);
            }
            assertTrue(seller.admin.bruteForce(seller.id).path("disabled").asBoolean(), "locked after 3 failures");
            new TwoStepCodePage(browser).signIn(code);
            TwoStepCodePage locked = new TwoStepCodePage(browser);
            assertTrue(locked.errors().contains("Too many failed attempts"), locked.errors());
            assertFalse(locked.errors().contains("invalid"), "nothing said about the code itself");
        } finally {
            seller.admin.changeRealm(before);
        }
    }
}
