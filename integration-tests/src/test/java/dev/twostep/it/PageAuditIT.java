package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import dev.twostep.it.pages.AlmostDonePage;
import dev.twostep.it.pages.AuthenticatorAppPage;
import dev.twostep.it.pages.ChooseMethodPage;
import dev.twostep.it.pages.EnterCodePage;
import dev.twostep.it.pages.OtherMethodsPage;
import dev.twostep.it.pages.PasskeyEnrollPage;
import dev.twostep.it.pages.PasskeySignInPage;
import dev.twostep.it.pages.PhoneNumberPage;
import dev.twostep.it.pages.RecoveryInfoPage;
import dev.twostep.it.pages.RecoveryUploadPage;
import dev.twostep.it.pages.SetUpElsewherePage;
import dev.twostep.it.pages.StartPage;
import dev.twostep.it.pages.TwoStepCodePage;
import dev.twostep.it.support.AuthenticatorApp;
import dev.twostep.it.support.Documents;
import dev.twostep.it.support.OidcApp;
import dev.twostep.it.support.PageAudit;
import dev.twostep.it.support.Pause;
import dev.twostep.it.support.PageAudit.Device;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;
import dev.twostep.it.support.Waits;

/**
 * Every page of our flows, on a touch phone in Italian and on a desktop in English: the enrollment, sign-in
 * and "Didn't receive the code?", account recovery, the settings (with "Get Started" and the page after
 * disabling), the page of an overtaken enrollment, and the reviewers' page. {@link PageAudit} says what it checks.
 */
@ExtendWith(SharedKeycloak.class)
class PageAuditIT {
    @TempDir
    Path folder;

    @Test
    void everyPageOnAPhoneInItalian() {
        walk(Device.PHONE);
    }

    @Test
    void everyPageOnADesktopInEnglish() {
        walk(Device.DESKTOP);
    }

    private void walk(Device device) {
        PageAudit audit = new PageAudit(device);
        ChromeDriver browser = audit.open();
        try (Seller seller = new Seller(); OidcApp app = new OidcApp(seller.server)) {
            enrollment(audit, browser, seller, device);
            signInAndRecovery(audit, browser, seller);
            reviewersPage(audit, browser, seller);
            settings(audit, browser, seller, app);
            startFromTheSettingsAndOvertaken(audit, browser, app);
            passkey(audit, browser);
            // The "This wasn't me" page, as a link that no longer works shows it (NotMeIT walks the others).
            browser.get(seller.server.realmUrl() + "/two-step-not-me?t=spent");
            Waits.upTo(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("not-me-invalid")).isEmpty());
            audit.check(browser, "not-me");
        } finally {
            browser.quit();
        }
        assertEquals("", audit.report());
    }

    private void enrollment(PageAudit audit, ChromeDriver browser, Seller seller, Device device) {
        seller.signIn(browser);
        StartPage start = new StartPage(browser);
        audit.check(browser, "start");
        start.enable();
        ChooseMethodPage primary = new ChooseMethodPage(browser);
        openEveryHelp(browser);
        audit.check(browser, "choose-method");
        primary.choosePhoneNumber();
        PhoneNumberPage phone = new PhoneNumberPage(browser);
        audit.check(browser, "phone-number");
        phone.country("US");
        assertEquals("XXX-XXX-XXXX", browser.findElement(By.id("number")).getAttribute("placeholder"),
                "the seed's format for the United States");
        phone.textMessage().country("IT").number(seller.phone).send();
        EnterCodePage code = new EnterCodePage(browser);
        audit.check(browser, "phone-code");
        code.verify(seller.latestMessage(1).get("code").asText());
        ChooseMethodPage backup = new ChooseMethodPage(browser);
        audit.check(browser, "choose-backup");
        backup.chooseAuthenticatorApp();
        AuthenticatorAppPage appPage = new AuthenticatorAppPage(browser);
        String key = appPage.cantScanTheBarcode();
        openEveryHelp(browser);
        audit.check(browser, "authenticator-app");
        String otpauth = browser.findElement(By.id("open-authenticator")).getAttribute("href");
        assertTrue(otpauth.startsWith("otpauth://totp/") && otpauth.contains("secret="), otpauth);
        appPage.verify(new AuthenticatorApp(key).currentCode());
        AlmostDonePage done = new AlmostDonePage(browser);
        audit.check(browser, "almost-done");
        done.turnOn();
        seller.awaitApp(browser);
    }

    private void signInAndRecovery(PageAudit audit, ChromeDriver browser, Seller seller) {
        forgetTheDevice(browser);
        int sent = seller.messageCount();
        seller.signIn(browser);
        TwoStepCodePage code = new TwoStepCodePage(browser);
        seller.latestMessage(sent + 1);
        audit.check(browser, "sign-in-code");
        code.didntReceiveTheCode();
        OtherMethodsPage others = new OtherMethodsPage(browser);
        audit.check(browser, "didnt-receive");
        others.startAccountRecovery();
        RecoveryInfoPage info = new RecoveryInfoPage(browser);
        audit.check(browser, "recovery-info");
        info.start();
        RecoveryUploadPage upload = new RecoveryUploadPage(browser);
        audit.check(browser, "recovery-upload");
        upload.attach(new Documents(folder).file("passport.pdf", Documents.pdf())).note("Please call me").send();
        Waits.upTo(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("recovery-status")).isEmpty());
        audit.check(browser, "recovery-status");
    }

    private void reviewersPage(PageAudit audit, ChromeDriver browser, Seller seller) {
        try (Seller reviewer = Seller.withMethods()) {
            reviewer.admin.grantRealmRole(reviewer.id, "two-step-recovery-reviewer");
            forgetTheDevice(browser);
            int sent = reviewer.messageCount();
            reviewer.signIn(browser, reviewer.server.baseUrl() + "/realms/seller/two-step-recovery/review");
            new TwoStepCodePage(browser).signIn(reviewer.latestMessage(sent + 1).get("code").asText());
            Waits.upTo(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(
                    By.cssSelector("#queue-rows button.open-request")).isEmpty());
            audit.check(browser, "review-queue");
            browser.findElement(By.cssSelector("#queue-rows button.open-request")).click();
            Waits.upTo(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("detail")).isDisplayed());
            audit.check(browser, "review-request");
        }
    }

    private void settings(PageAudit audit, ChromeDriver browser, Seller seller, OidcApp app) {
        forgetTheDevice(browser);
        seller.signInWithCode(browser);
        // The settings ask for a fresh code of their own: past the suite's resend cooldown of the number.
        Pause.millis(1100);
        seller.openSettings(browser, app.start(null));
        audit.check(browser, "settings");
        browser.findElement(By.id("disable")).click();
        Waits.upTo(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("confirm-disable")).isEmpty());
        audit.check(browser, "disable");
        browser.findElement(By.id("confirm-disable")).click();
        Waits.upTo(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("two-step-disabled")).isEmpty());
        audit.check(browser, "disabled");
    }

    private void startFromTheSettingsAndOvertaken(PageAudit audit, ChromeDriver browser, OidcApp app) {
        try (Seller newcomer = new Seller()) {
            forgetTheDevice(browser);
            newcomer.signIn(browser, app.start(null).url() + "&kc_action=two-step-settings");
            new StartPage(browser);
            audit.check(browser, "get-started");
            newcomer.importMethods();
            browser.navigate().refresh();
            new SetUpElsewherePage(browser);
            audit.check(browser, "set-up-elsewhere");
        }
    }

    /** A passkey's enrollment page and its sign-in page, with Chromium's virtual security key. */
    private void passkey(PageAudit audit, ChromeDriver browser) {
        try (Seller keyHolder = new Seller()) {
            forgetTheDevice(browser);
            browser.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                    .setTransport(VirtualAuthenticatorOptions.Transport.USB).setHasResidentKey(true)
                    .setHasUserVerification(true).setIsUserVerified(true));
            keyHolder.signIn(browser);
            new ChooseMethodPage(browser).choosePasskey();
            PasskeyEnrollPage enroll = new PasskeyEnrollPage(browser);
            openEveryHelp(browser);
            audit.check(browser, "passkey-enroll");
            enroll.create("Blue key");
            keyHolder.enrollment(browser).textMessage(keyHolder.phone);
            new AlmostDonePage(browser).turnOn();
            keyHolder.awaitApp(browser);
            forgetTheDevice(browser);
            keyHolder.signIn(browser);
            new PasskeySignInPage(browser);
            audit.check(browser, "passkey-sign-in");
        }
    }

    /** Help that opens in place ("Why not e-mail?", "Need an app?") is checked open. */
    private static void openEveryHelp(ChromeDriver browser) {
        browser.findElements(By.cssSelector("details.two-step-help:not([open]) > summary")).forEach(s -> s.click());
    }

    /** A new device as far as the server can tell: no cookie of any site. */
    private static void forgetTheDevice(ChromeDriver browser) {
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }
}
