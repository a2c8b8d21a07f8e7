package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.it.pages.AuthenticatorAppPage;
import dev.twostep.it.pages.ChooseMethodPage;
import dev.twostep.it.pages.EnterCodePage;
import dev.twostep.it.pages.OtherMethodsPage;
import dev.twostep.it.pages.PhoneNumberPage;
import dev.twostep.it.pages.SecuritySettingsPage;
import dev.twostep.it.pages.SignInPage;
import dev.twostep.it.pages.TwoStepCodePage;
import dev.twostep.it.support.AdminApi;
import dev.twostep.it.support.AuthenticatorApp;
import dev.twostep.it.support.EnrollmentWalk;
import dev.twostep.it.support.MailCatcher;
import dev.twostep.it.support.OidcApp;
import dev.twostep.it.support.Pause;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;
import dev.twostep.it.support.Waits;

/** Advanced Security Settings, opened by an app with {@code kc_action=two-step-settings}. */
@ExtendWith(SharedKeycloak.class)
class SecuritySettingsIT {
    private static MailCatcher mail;
    private Seller seller;
    private OidcApp app;

    @BeforeAll
    static void catchMail() {
        mail = new MailCatcher(new AdminApi(SharedKeycloak.server()));
    }

    @AfterAll
    static void releaseMail() {
        mail.close();
    }

    @BeforeEach
    void setUp() {
        seller = new Seller();
        app = new OidcApp(seller.server);
    }

    @AfterEach
    void tearDown() {
        app.close();
        seller.close();
    }

    private static String body(List<MimeMessage> messages) {
        assertEquals(1, messages.size(), "one notice");
        return MailCatcher.text(messages.get(0));
    }

    private SecuritySettingsPage openSettings(ChromeDriver browser, OidcApp.Attempt attempt) {
        return seller.openSettings(browser, attempt);
    }

    /** A seller enrolled with SMS and the app in a browser they trusted, in the settings that {@code attempt} asked for. */
    private SecuritySettingsPage enrolledInSettings(OidcApp.Attempt attempt) {
        seller.importMethodsAndSignIn(true);
        return openSettings(seller.enrollingBrowser(), attempt);
    }

    @Test
    void aFreshCodeIsAskedEvenOnATrustedDeviceRightAfterSignIn() {
        OidcApp.Attempt attempt = app.start(null);
        SecuritySettingsPage settings = enrolledInSettings(attempt);
        assertTrue(settings.primary().contains("4567"), settings.primary());
        assertTrue(settings.backup().contains("Authenticator app"), settings.backup());
        assertEquals(1, settings.trustedDevices());
        settings.done();
        Map<String, String> back = app.awaitReturn(attempt);
        assertEquals("success", back.get("kc_action_status"), back.toString());
    }

    @Test
    void aMethodDeletedInAnotherTabEndsTheSettingsWithoutAnError() {
        OidcApp.Attempt attempt = app.start(null);
        SecuritySettingsPage settings = enrolledInSettings(attempt);
        ChromeDriver browser = seller.enrollingBrowser();
        // As the Account Console's "Delete" on the authenticator app does, while the overview is open.
        seller.admin.deleteCredential(seller.id, seller.credentialsOfType("otp").get(0).path("id").asText());

        settings.changePrimary();
        // No error page: the settings end, and with the code just given the enrollment makes 2SV whole again.
        assertEquals("Choose how you'll receive codes", new ChooseMethodPage(browser).title());
        assertEquals(1, seller.credentialsOfType("two-step-phone").size(), "the primary is left as it was");
    }

    @Test
    void theAppRemovedWithKeycloaksOwnDeleteActionIsNews() {
        seller.importMethodsAndSignIn(true);
        ChromeDriver browser = seller.enrollingBrowser();
        String app = seller.credentialsOfType("otp").get(0).path("id").asText();
        OidcApp.Attempt attempt = this.app.start(null);
        // What the Account Console's "Remove" opens: Keycloak's confirmation, then its delete_credential action.
        browser.get(attempt.url() + "&kc_action=delete_credential:" + app);
        Waits.upTo(browser, java.time.Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("kc-accept")).isEmpty());
        browser.findElement(By.id("kc-accept")).click();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!seller.credentialsOfType("otp").isEmpty() && System.nanoTime() < deadline) {
            Pause.millis(200);
        }
        assertEquals(List.of(), seller.credentialsOfType("otp"),
                "removed; the browser shows: " + browser.findElement(By.tagName("body")).getText());
        String text = body(mail.awaitFor(seller.username + "@example.com", 1));
        assertTrue(text.contains("method of your account was changed"), text);
        assertTrue(text.contains("/two-step-not-me?t="), "with its This wasn't me link: " + text);
    }

    @Test
    void anAddressChangedInTheProfileIsToldToTheAddressItReplaced() {
        seller.importMethodsAndSignIn(true);
        ChromeDriver browser = seller.enrollingBrowser();
        OidcApp.Attempt attempt = app.start(null);
        // Someone with the open session puts their own address on the account, with Keycloak's profile page.
        browser.get(attempt.url() + "&kc_action=UPDATE_PROFILE");
        Waits.upTo(browser, java.time.Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("email")).isEmpty());
        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys("taken-" + seller.username + "@evil.example");
        browser.findElement(By.cssSelector("#kc-form-buttons [type=submit], button[type=submit], input[type=submit]")).click();

        String text = body(mail.awaitFor(seller.username + "@example.com", 1));
        assertTrue(text.contains("changed to t\u2022\u2022\u2022@evil.example"), text);
        assertTrue(text.contains("/two-step-not-me?t="), "with its This wasn't me link: " + text);
    }

    @Test
    void devicesTrustedBeforeAPasswordChangeAreNotCounted() {
        seller.importMethodsAndSignIn(true);
        ChromeDriver browser = seller.enrollingBrowser();
        Pause.millis(50);
        seller.passwordResetByAdmin();
        SecuritySettingsPage settings = openSettings(browser, app.start(null));
        assertEquals(0, settings.trustedDevices(), "the password change revoked this browser's trust");
    }

    @Test
    void anAppMayAskForTheEnrollmentWhichLeavesACompleteSellerAsTheyAre() {
        seller.importMethodsAndSignIn(false);
        ChromeDriver browser = seller.enrollingBrowser();
        OidcApp.Attempt attempt = app.start(null);
        browser.get(attempt.url() + "&kc_action=two-step-enroll");
        assertEquals("success", app.awaitReturn(attempt).get("kc_action_status"));
        assertEquals(List.of("otp", "password", "two-step-app", "two-step-phone"), seller.credentialTypes());
    }

    @Test
    void cancellingAtTheCodeTellsTheAppAndChangesNothing() {
        seller.importMethodsAndSignIn(true);
        ChromeDriver browser = seller.enrollingBrowser();
        OidcApp.Attempt attempt = app.start(null);
        browser.get(attempt.url() + "&kc_action=two-step-settings");
        new TwoStepCodePage(browser).cancel();
        Map<String, String> back = app.awaitReturn(attempt);
        assertEquals("cancelled", back.get("kc_action_status"), back.toString());
        assertEquals(1, seller.credentialsOfType("two-step-trusted-device").size());
    }

    @Test
    void requireCodesOnAllDevicesMakesEveryBrowserAskAgain() {
        seller.importMethodsAndSignIn(true);
        ChromeDriver first = seller.enrollingBrowser();
        ChromeDriver second = seller.newBrowser();
        int sent = seller.messageCount();
        seller.signIn(second);
        new TwoStepCodePage(second).dontRequireCodesOnThisDevice().signIn(seller.latestMessage(sent + 1).get("code").asText());
        seller.awaitApp(second);

        SecuritySettingsPage settings = openSettings(first, app.start(null));
        assertEquals(2, settings.trustedDevices());
        assertTrue(settings.offersCancel(), "nothing done yet: Cancel goes back to the app");
        SecuritySettingsPage cleared = settings.requireCodesOnAllDevices();
        assertEquals(0, cleared.trustedDevices());
        assertFalse(cleared.offersCancel(), "no Cancel that looks as if it could undo what happened");
        assertTrue(cleared.errors().contains("Every device now asks for a code"), cleared.errors());
        assertEquals(List.of(), seller.credentialsOfType("two-step-trusted-device"));
        JsonNode event = seller.admin.events(seller.id, "REMOVE_CREDENTIAL").get(0);
        assertEquals("trusted-devices-revoked", event.path("details").path("two_step_change").asText());
        assertEquals("2", event.path("details").path("two_step_devices").asText());
        String notice = body(mail.awaitFor(seller.username + "@example.com", 1));
        assertTrue(notice.contains("Require codes on all devices"), notice);
        assertFalse(notice.replaceAll("https?://\\S+", "").matches("(?s).*\\b\\d{6}\\b.*"),
                "a notice never carries a code (the This wasn't me link's token aside)");

        for (ChromeDriver browser : List.of(first, second)) {
            seller.endSessionKeepTrust(browser);
            seller.signIn(browser);
            assertTrue(new TwoStepCodePage(browser).whereTheCodeIs().contains("4567"));
        }
    }

    @Test
    void disablingSignsOutAndTheNextSignInWalksTheEnrollment() {
        OidcApp.Attempt attempt = app.start(null);
        SecuritySettingsPage settings = enrolledInSettings(attempt);
        ChromeDriver browser = seller.enrollingBrowser();
        settings.disableAndConfirm();
        assertEquals(List.of("password"), seller.credentialTypes());
        assertTrue(seller.requiredActions().contains("two-step-enroll"));
        assertEquals("disabled", seller.admin.events(seller.id, "REMOVE_CREDENTIAL").get(0)
                .path("details").path("two_step_change").asText());
        assertTrue(body(mail.awaitFor(seller.username + "@example.com", 1)).contains("turned off"));

        // The session is gone: "Sign in again" asks for the password and walks the enrollment.
        settings.signInAgain();
        SignInPage signIn = new SignInPage(browser).awaitShown();
        assertEquals("", signIn.errors(), "a new sign-in, not a 'login timed out' one");
        signIn.signIn(seller.username, Seller.PASSWORD);
        assertEquals("Choose how you'll receive codes", new ChooseMethodPage(browser).title());
        EnrollmentWalk walk = seller.enrollment(browser);
        walk.textMessage(seller.phone);
        walk.app();
        int sent = seller.messageCount();
        walk.finish(false);
        // Then what the app asked for, the settings, behind a fresh code to the new primary.
        TwoStepCodePage code = new TwoStepCodePage(browser);
        assertEquals(4, seller.credentialTypes().size(), seller.credentialTypes().toString());
        code.signIn(seller.latestMessage(sent + 1).get("code").asText());
        SecuritySettingsPage again = new SecuritySettingsPage(browser);
        assertTrue(again.primary().contains("4567"), again.primary());
        again.done();
        assertEquals("success", app.awaitReturn(attempt).get("kc_action_status"));
    }

    @Test
    void changingTheBackupVerifiesTheNewNumberAndNeverTakesThePrimarysNumber() {
        seller.importMethodsAndSignIn(true);
        ChromeDriver browser = seller.enrollingBrowser();
        SecuritySettingsPage settings = openSettings(browser, app.start(null));

        settings.changeBackup().choosePhoneNumber();
        PhoneNumberPage phone = new PhoneNumberPage(browser);
        phone.textMessage().country("IT").number(seller.phone).send();
        assertTrue(new PhoneNumberPage(browser).errors().contains("already your primary"), "the backup must differ");

        int sent = seller.messageCount();
        new PhoneNumberPage(browser).number(seller.otherPhone).send();
        new EnterCodePage(browser).verify(seller.latestMessage(sent + 1).get("code").asText());
        SecuritySettingsPage changed = new SecuritySettingsPage(browser);
        assertTrue(changed.errors().contains("Your method was changed"), changed.errors());
        assertTrue(changed.backup().contains("6543"), changed.backup());
        assertTrue(changed.primary().contains("4567"), changed.primary());
        assertTrue(changed.offersToSignOutOthers());

        List<JsonNode> phones = seller.credentialsOfType("two-step-phone");
        assertEquals(2, phones.size());
        assertEquals(List.of(), seller.credentialsOfType("otp"), "the app was the backup and is gone");
        JsonNode backup = phones.stream().map(Seller::data).filter(d -> "BACKUP".equals(d.path("role").asText()))
                .findFirst().orElseThrow();
        assertEquals(Seller.e164(seller.otherPhone), backup.path("number").asText());
        assertTrue(backup.path("verified").asBoolean());
        JsonNode event = seller.admin.events(seller.id, "UPDATE_CREDENTIAL").get(0);
        assertEquals("backup-changed", event.path("details").path("two_step_change").asText());
        assertTrue(event.path("details").path("two_step_phone").asText().endsWith("6543"));
        String notice = body(mail.awaitFor(seller.username + "@example.com", 1));
        assertTrue(notice.contains("method of your account was changed"), notice);
    }

    @Test
    void thePrimaryMovesToTheAppOnlyWhenTheBackupIsNotTheApp() {
        seller.importMethodsAndSignIn(true);
        ChromeDriver browser = seller.enrollingBrowser();
        SecuritySettingsPage settings = openSettings(browser, app.start(null));

        ChooseMethodPage primaryChoice = settings.changePrimary();
        assertFalse(primaryChoice.appSelectable(), "the app is the backup already");
        primaryChoice.chooseForged("app");
        ChooseMethodPage refused = new ChooseMethodPage(browser);
        assertTrue(refused.errors().contains("different from your backup"), refused.errors());
        refused.keepCurrent();

        // A backup saved without a code is allowed, as in the enrollment; it cannot become the primary.
        new SecuritySettingsPage(browser).changeBackup().choosePhoneNumber();
        new PhoneNumberPage(browser).voiceDelivery().country("IT").number(seller.otherPhone).skipVerificationCheck().send();
        SecuritySettingsPage skipped = new SecuritySettingsPage(browser);
        assertTrue(skipped.backup().contains("6543"), skipped.backup());
        assertFalse(skipped.offersSwap(), "an unverified backup cannot be swapped in");

        skipped.changePrimary().chooseAuthenticatorApp();
        AuthenticatorAppPage appPage = new AuthenticatorAppPage(browser);
        AuthenticatorApp authenticator = new AuthenticatorApp(appPage.cantScanTheBarcode());
        appPage.verify(authenticator.currentCode());
        SecuritySettingsPage changed = new SecuritySettingsPage(browser);
        assertTrue(changed.primary().contains("Authenticator app"), changed.primary());
        assertEquals(1, seller.credentialsOfType("otp").size());
        List<JsonNode> phones = seller.credentialsOfType("two-step-phone");
        assertEquals(1, phones.size(), "the old primary phone is gone");
        assertEquals("BACKUP", Seller.data(phones.get(0)).path("role").asText());
        assertFalse(Seller.data(phones.get(0)).path("verified").asBoolean());
        changed.done();

        // The next sign-in asks the new app, in a browser that is not trusted.
        ChromeDriver other = seller.newBrowser();
        seller.signIn(other);
        TwoStepCodePage code = new TwoStepCodePage(other);
        assertTrue(code.whereTheCodeIs().contains("authenticator app"), code.whereTheCodeIs());
        code.signIn(authenticator.currentCode());
        seller.awaitApp(other);

        // A code that reaches the unverified backup proves it: from then on it may be swapped in.
        ChromeDriver third = seller.newBrowser();
        seller.signIn(third);
        int sent = seller.messageCount();
        new TwoStepCodePage(third).didntReceiveTheCode();
        new OtherMethodsPage(third).use("backup");
        new TwoStepCodePage(third).signIn(seller.latestMessage(sent + 1).get("code").asText());
        seller.awaitApp(third);
        assertTrue(Seller.data(seller.credentialsOfType("two-step-phone").get(0)).path("verified").asBoolean(),
                "a proven backup may become the primary");
    }

    @Test
    void swappingIsOneStepAndOtherSessionsCanBeSignedOut() {
        AuthenticatorApp authenticator = seller.importMethodsAndSignIn(false);
        ChromeDriver first = seller.enrollingBrowser();
        ChromeDriver second = seller.newBrowser();
        String code = seller.signInForCode(second);
        new TwoStepCodePage(second).signIn(code);
        seller.awaitApp(second);
        assertEquals(2, seller.admin.sessions(seller.id).size());

        OidcApp.Attempt attempt = app.start(null);
        SecuritySettingsPage settings = openSettings(first, attempt);
        assertTrue(settings.offersSwap());
        SecuritySettingsPage swapped = settings.swap();
        assertTrue(swapped.primary().contains("Authenticator app"), swapped.primary());
        assertTrue(swapped.backup().contains("4567"), swapped.backup());
        assertEquals("BACKUP", Seller.data(seller.credentialsOfType("two-step-phone").get(0)).path("role").asText());
        assertEquals("swapped", seller.admin.events(seller.id, "UPDATE_CREDENTIAL").get(0)
                .path("details").path("two_step_change").asText());

        SecuritySettingsPage signedOut = swapped.signOutOtherSessions();
        assertTrue(signedOut.errors().contains("other sessions were signed out"), signedOut.errors());
        assertEquals(1, seller.admin.sessions(seller.id).size(), "only this browser's session is left");
        signedOut.done();
        assertEquals("success", app.awaitReturn(attempt).get("kc_action_status"));

        seller.signIn(second);
        TwoStepCodePage asked = new TwoStepCodePage(second);
        assertTrue(asked.whereTheCodeIs().contains("authenticator app"), asked.whereTheCodeIs());
        asked.signIn(authenticator.currentCode());
        seller.awaitApp(second);
    }
}
