package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.it.pages.ChooseMethodPage;
import dev.twostep.it.pages.OtherMethodsPage;
import dev.twostep.it.pages.TwoStepCodePage;
import dev.twostep.it.support.AuthenticatorApp;
import dev.twostep.it.support.Pause;
import dev.twostep.it.support.Screenshots;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;

/** After the password, a code from the primary method, another method, or a trusted device. */
@ExtendWith(SharedKeycloak.class)
class SignInIT {
    private static final String COOKIE = Seller.TRUST_COOKIE;

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
    void smsPrimaryAsksForTheCodeSentToThePhoneAndReloadSendsNoOther() {
        enrollSmsWithAppBackup(false);
        int sent = seller.messageCount();

        ChromeDriver browser = seller.newBrowser();
        TwoStepCodePage codePage = codePage(browser);
        assertTrue(codePage.whereTheCodeIs().contains("4567"), codePage.whereTheCodeIs());
        JsonNode sms = seller.latestMessage(sent + 1);
        assertEquals("sms", sms.get("channel").asText());

        browser.navigate().refresh();
        new TwoStepCodePage(browser);
        assertEquals(sent + 1, seller.messageCount(), "a reload must not send another code");

        new TwoStepCodePage(browser).signIn(sms.get("code").asText());
        seller.awaitApp(browser);
    }

    @Test
    void appPrimaryNeedsNoMessage() {
        ChromeDriver enrolling = seller.newBrowser();
        seller.signIn(enrolling);
        AuthenticatorApp app = seller.enrollment(enrolling).app();
        seller.enrollment(enrolling).textMessage(seller.phone);
        seller.enrollment(enrolling).finish(false);
        seller.awaitApp(enrolling);
        int sent = seller.messageCount();

        ChromeDriver browser = seller.newBrowser();
        seller.signIn(browser);
        TwoStepCodePage codePage = new TwoStepCodePage(browser);
        assertTrue(codePage.whereTheCodeIs().contains("authenticator app"), codePage.whereTheCodeIs());
        codePage.signIn(app.currentCode());
        seller.awaitApp(browser);
        assertEquals(sent, seller.messageCount());
    }

    @Test
    void voicePrimaryCallsWithTheCode() {
        ChromeDriver enrolling = seller.newBrowser();
        seller.signIn(enrolling);
        seller.enrollment(enrolling).voiceCall(seller.phone);
        seller.enrollment(enrolling).app();
        seller.enrollment(enrolling).finish(false);
        seller.awaitApp(enrolling);
        int sent = seller.messageCount();

        ChromeDriver browser = seller.newBrowser();
        TwoStepCodePage codePage = codePage(browser);
        JsonNode call = seller.latestMessage(sent + 1);
        assertEquals("voice", call.get("channel").asText());
        assertEquals(Seller.e164(seller.phone), call.get("to").asText());
        assertTrue(codePage.whereTheCodeIs().contains("4567"), codePage.whereTheCodeIs());
        assertTrue(codePage.whereTheCodeIs().contains("call"), codePage.whereTheCodeIs());
        codePage.signIn(call.get("code").asText());
        seller.awaitApp(browser);
    }

    @Test
    void aDeviceTrustedLongerAgoThanThePolicyNowAllowsIsAskedForACode() {
        ChromeDriver browser = enrollSmsWithAppBackup(true);
        Map<String, String> before = seller.admin.changePolicy(Map.of("trustedDeviceDays", "0"));
        try {
            seller.endSessionKeepTrust(browser);
            seller.signIn(browser);
            TwoStepCodePage asked = new TwoStepCodePage(browser);
            assertTrue(asked.whereTheCodeIs().contains("4567"), asked.whereTheCodeIs());
            assertFalse(asked.offersToTrustThisDevice(), "with 0 days no browser can be trusted");
        } finally {
            seller.admin.changePolicy(before);
        }
        // The same cookie within the restored lifetime passes again: the expiry was the server's decision.
        seller.endSessionKeepTrust(browser);
        int sent = seller.messageCount();
        seller.signIn(browser);
        seller.awaitApp(browser);
        assertEquals(sent, seller.messageCount());
    }

    @Test
    void didntReceiveTheCodeOffersTheBackupAndAVoiceCall() {
        ChromeDriver enrolling = seller.newBrowser();
        seller.signIn(enrolling);
        seller.enrollment(enrolling).textMessage(seller.phone);
        seller.enrollment(enrolling).textMessage(seller.otherPhone);
        seller.enrollment(enrolling).finish(false);
        seller.awaitApp(enrolling);

        ChromeDriver browser = seller.newBrowser();
        TwoStepCodePage first = codePage(browser);
        int sent = seller.messageCount();
        Screenshots.save(browser, "sign-in-code");
        first.didntReceiveTheCode();
        OtherMethodsPage other = new OtherMethodsPage(browser);
        Screenshots.save(browser, "didnt-receive");
        List<String> options = other.options();
        assertTrue(options.stream().anyMatch(o -> o.contains("Text message") && o.contains("6543")), options.toString());
        assertTrue(options.stream().anyMatch(o -> o.contains("Voice call") && o.contains("4567")), options.toString());
        assertFalse(options.stream().anyMatch(o -> o.contains(seller.otherPhone.substring(0, 6))), "numbers are masked: " + options);

        other.use("primary-voice");
        JsonNode call = seller.latestMessage(sent + 1);
        assertEquals("voice", call.get("channel").asText());
        assertEquals(Seller.e164(seller.phone), call.get("to").asText());

        new TwoStepCodePage(browser).didntReceiveTheCode();
        new OtherMethodsPage(browser).use("backup");
        JsonNode backupSms = seller.latestMessage(sent + 2);
        assertEquals(Seller.e164(seller.otherPhone), backupSms.get("to").asText());
        new TwoStepCodePage(browser).signIn(call.get("code").asText());
        TwoStepCodePage refused = new TwoStepCodePage(browser);
        assertTrue(refused.errors().contains("The code is invalid"), "a code of another method is dead");
        refused.signIn(backupSms.get("code").asText());
        seller.awaitApp(browser);
    }

    @Test
    void aTrustedDeviceSkipsTheCodeAndTrustIsCreatedOnce() {
        ChromeDriver browser = enrollSmsWithAppBackup(false);
        browser = seller.newBrowser();
        TwoStepCodePage first = codePage(browser);
        int sent = seller.messageCount();
        first.dontRequireCodesOnThisDevice().signIn(seller.latestMessage(sent).get("code").asText());
        seller.awaitApp(browser);
        assertEquals(1, seller.credentialsOfType("two-step-trusted-device").size());

        seller.endSessionKeepTrust(browser);
        seller.signIn(browser);
        seller.awaitApp(browser);
        assertEquals(sent, seller.messageCount(), "no code for a trusted device");
        assertEquals(1, seller.credentialsOfType("two-step-trusted-device").size());
    }

    @Test
    void aPasswordChangeRevokesTrustedDevices() {
        ChromeDriver browser = enrollSmsWithAppBackup(true);
        assertEquals(1, seller.credentialsOfType("two-step-trusted-device").size());
        Pause.millis(50);
        seller.passwordResetByAdmin();

        seller.endSessionKeepTrust(browser);
        seller.signIn(browser);
        TwoStepCodePage asked = new TwoStepCodePage(browser);
        assertTrue(asked.whereTheCodeIs().contains("4567"));
        assertEquals(0, seller.credentialsOfType("two-step-trusted-device").size());
    }

    @Test
    void forgedOrOtherUsersCookiesAreIgnored() {
        ChromeDriver enrolled = enrollSmsWithAppBackup(true);
        Cookie trusted = seller.keycloakCookie(enrolled, COOKIE);
        assertNotNull(trusted);

        // Another seller's browser carrying this seller's cookie is still asked for a code.
        try (Seller other = new Seller()) {
            other.importMethodsAndSignIn(false);
            ChromeDriver browser = other.enrollingBrowser();
            // On a page of the realm, whose cookies these are (the browser is on the app).
            browser.get(other.server.realmUrl() + "/.well-known/openid-configuration");
            browser.manage().deleteAllCookies();
            browser.manage().addCookie(new Cookie(COOKIE, trusted.getValue(), "/realms/seller/"));
            other.signIn(browser);
            assertTrue(new TwoStepCodePage(browser).whereTheCodeIs().contains("4567"));
        }

        for (String forged : List.of("garbage", trusted.getValue().substring(0, trusted.getValue().length() - 3),
                trusted.getValue().substring(0, 37) + "AAAAAAAAAAAAAAAAAAAAAA")) {
            ChromeDriver browser = seller.newBrowser();
            browser.get(seller.server.realmUrl() + "/account");
            browser.manage().addCookie(new Cookie(COOKIE, forged, "/realms/seller/"));
            seller.signIn(browser);
            assertTrue(new TwoStepCodePage(browser).whereTheCodeIs().contains("4567"), "forged cookie " + forged);
        }
    }

    @Test
    void fiveWrongCodesSpendTheCodeAndANewOneWorks() {
        enrollSmsWithAppBackup(false);
        // A test types faster than a person: keep Keycloak's quick-login lock out of this count.
        Map<String, Object> realmBefore = seller.admin.changeRealm(Map.of("quickLoginCheckMilliSeconds", 1));
        try {
            ChromeDriver browser = seller.newBrowser();
            String code = seller.signInForCode(browser);
            int sent = seller.messageCount();
            String wrong = Seller.wrongCode(code);
            for (int i = 0; i < 5; i++) {
                new TwoStepCodePage(browser).signIn(wrong);
                assertTrue(new TwoStepCodePage(browser).errors().contains("The code is invalid"));
            }
            new TwoStepCodePage(browser).signIn(code);
            TwoStepCodePage spent = new TwoStepCodePage(browser);
            assertTrue(spent.errors().contains("Too many wrong codes"), spent.errors());
            spent.sendAgain();
            String fresh = seller.latestMessage(sent + 1).get("code").asText();
            new TwoStepCodePage(browser).signIn(fresh);
            seller.awaitApp(browser);
            // Each wrong code is a failed login to Keycloak, as its own OTP form reports one.
            JsonNode failures = seller.admin.events(seller.id, "LOGIN_ERROR");
            int wrongCodes = 0;
            for (JsonNode failure : failures) {
                if ("invalid_user_credentials".equals(failure.path("error").asText())
                        && "primary".equals(failure.path("details").path("two_step_method").asText())) {
                    wrongCodes++;
                }
            }
            assertTrue(wrongCodes >= 5, "LOGIN_ERROR events for the wrong codes: " + failures);
        } finally {
            seller.admin.changeRealm(realmBefore);
        }
    }

    @Test
    void resendWaitsForTheCooldown() {
        enrollSmsWithAppBackup(false);
        Map<String, String> before = seller.admin.changePolicy(Map.of("resendCooldownSeconds", "30"));
        try {
            ChromeDriver browser = seller.newBrowser();
            TwoStepCodePage first = codePage(browser);
            int sent = seller.messageCount();
            first.sendAgain();
            TwoStepCodePage page = new TwoStepCodePage(browser);
            assertTrue(page.errors().contains("Please wait"), page.errors());
            assertEquals(sent, seller.messageCount());
        } finally {
            seller.admin.changePolicy(before);
        }
    }

    @Test
    void aNewCodeKillsTheOldOne() {
        enrollSmsWithAppBackup(false);
        Map<String, String> before = seller.admin.changePolicy(Map.of("resendCooldownSeconds", "1"));
        try {
            ChromeDriver browser = seller.newBrowser();
            TwoStepCodePage page = codePage(browser);
            int sent = seller.messageCount();
            String old = seller.latestMessage(sent).get("code").asText();
            Pause.millis(1500);
            page.sendAgain();
            String fresh = seller.latestMessage(sent + 1).get("code").asText();
            new TwoStepCodePage(browser).signIn(old);
            assertTrue(new TwoStepCodePage(browser).errors().contains("The code is invalid"));
            new TwoStepCodePage(browser).signIn(fresh);
            seller.awaitApp(browser);
        } finally {
            seller.admin.changePolicy(before);
        }
    }

    @Test
    void pastTheSendLimitTheOtherMethodsAreOffered() {
        Map<String, String> before = seller.admin.changePolicy(Map.of("sendsPerUserPerHour", "3"));
        try {
            AuthenticatorApp app = seller.importMethodsAndSignIn(false);
            ChromeDriver browser = seller.newBrowser();
            codePage(browser).didntReceiveTheCode();
            new OtherMethodsPage(browser).use("primary-voice");
            new TwoStepCodePage(browser).didntReceiveTheCode();
            new OtherMethodsPage(browser).use("primary");
            OtherMethodsPage refused = new OtherMethodsPage(browser);
            assertTrue(refused.errors().contains("Too many codes"), refused.errors());
            assertEquals(3, seller.messageCount(), "enrollment, sign-in, voice call: then the limit");
            refused.use("backup");
            new TwoStepCodePage(browser).signIn(app.currentCode());
            seller.awaitApp(browser);
        } finally {
            seller.admin.changePolicy(before);
        }
    }

    @Test
    void twoParallelSubmitsOfTheRightCodeSignInOnce() throws Exception {
        enrollSmsWithAppBackup(false);
        ChromeDriver browser = seller.newBrowser();
        TwoStepCodePage page = codePage(browser);
        String code = seller.latestMessage(seller.messageCount()).get("code").asText();
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest submit = HttpRequest.newBuilder(URI.create(page.formAction()))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString("action=verify&code=" + code)).build();
        var first = http.sendAsync(submit, HttpResponse.BodyHandlers.ofString());
        var second = http.sendAsync(submit, HttpResponse.BodyHandlers.ofString());
        long signedIn = Stream.of(first.get(), second.get())
                .filter(r -> r.statusCode() == 302
                        && seller.inApp(r.headers().firstValue("Location").orElse("")))
                .count();
        assertEquals(1, signedIn, "exactly one of two identical submits signs in");
    }

    @Test
    void anAcceptedCodeDoesNotWorkInAnotherBrowser() {
        enrollSmsWithAppBackup(false);
        ChromeDriver first = seller.newBrowser();
        codePage(first);
        String code = seller.latestMessage(seller.messageCount()).get("code").asText();
        new TwoStepCodePage(first).signIn(code);
        seller.awaitApp(first);

        ChromeDriver second = seller.newBrowser();
        codePage(second).signIn(code);
        TwoStepCodePage refused = new TwoStepCodePage(second);
        assertTrue(refused.errors().contains("The code is invalid"), refused.errors());
    }

    @Test
    void withoutTwoStepNobodySignsInNotEvenAfterAnAdminRemovedIt() {
        AuthenticatorApp app = seller.importMethodsAndSignIn(false);
        for (JsonNode phone : seller.credentialsOfType("two-step-phone")) {
            seller.admin.deleteCredential(seller.id, phone.get("id").asText());
        }
        ChromeDriver browser = seller.newBrowser();
        seller.signIn(browser);
        // What is left still guards the account: the app's code, then the enrollment again.
        TwoStepCodePage leftOver = new TwoStepCodePage(browser);
        assertTrue(leftOver.whereTheCodeIs().contains("authenticator app"), leftOver.whereTheCodeIs());
        leftOver.signIn(app.currentCode());
        ChooseMethodPage enrollAgain = new ChooseMethodPage(browser);
        assertEquals("Choose how you'll receive codes", enrollAgain.title());
        assertTrue(seller.requiredActions().contains("two-step-enroll"));

        seller.admin.deleteCredential(seller.id, seller.credentialsOfType("otp").get(0).path("id").asText());
        ChromeDriver nothingLeft = seller.newBrowser();
        seller.signIn(nothingLeft);
        assertEquals("Choose how you'll receive codes", new ChooseMethodPage(nothingLeft).title(),
                "with nothing left, the enrollment comes straight after the password");
    }

    /** Signs in with the password and waits for the code page (so the code has been sent). */
    private TwoStepCodePage codePage(ChromeDriver browser) {
        seller.signIn(browser);
        return new TwoStepCodePage(browser);
    }

    /** Enrolls SMS to the seller's phone as primary and the app as backup; returns the enrolling browser. */
    private ChromeDriver enrollSmsWithAppBackup(boolean trust) {
        seller.importMethodsAndSignIn(trust);
        return seller.enrollingBrowser();
    }
}
