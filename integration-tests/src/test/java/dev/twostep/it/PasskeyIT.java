package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import dev.twostep.it.pages.AlmostDonePage;
import dev.twostep.it.pages.ChooseMethodPage;
import dev.twostep.it.pages.OtherMethodsPage;
import dev.twostep.it.pages.PasskeyEnrollPage;
import dev.twostep.it.pages.PasskeySignInPage;
import dev.twostep.it.pages.SecuritySettingsPage;
import dev.twostep.it.pages.TwoStepCodePage;
import dev.twostep.it.support.Jwt;
import dev.twostep.it.support.OidcApp;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;
import dev.twostep.it.support.Waits;

/**
 * Passkeys and security keys as a 2SV method, with Chromium's virtual authenticator (Selenium's WebDriver
 * extension) standing in for a security key: registered in the enrollment, used at sign-in and for the
 * settings, listed there, and refused when the key is another one or a clone of the real one.
 */
@ExtendWith(SharedKeycloak.class)
class PasskeyIT {
    private static final String KEY_NAME = "Blue key";

    private Seller seller;
    private OidcApp app;
    private final List<Attached> attached = new ArrayList<>();

    private record Attached(ChromeDriver browser, VirtualAuthenticator authenticator) {
    }

    @BeforeEach
    void setUp() {
        seller = new Seller();
        app = new OidcApp(seller.server);
    }

    @AfterEach
    void tearDown() {
        // Pooled browsers go on to other tests: without their keys.
        attached.forEach(a -> a.browser().removeVirtualAuthenticator(a.authenticator()));
        app.close();
        seller.close();
    }

    @Test
    void aSecurityKeyIsThePrimaryAndSignInUsesItInsteadOfACode() {
        ChromeDriver browser = seller.newBrowser();
        VirtualAuthenticator key = securityKey(browser);
        enrollSecurityKeyWithTextBackup(browser);

        assertEquals(1, seller.credentialsOfType("webauthn").size(), "the key is a Keycloak WebAuthn credential");
        JsonNode binding = Seller.data(seller.credentialsOfType("two-step-passkey").get(0));
        assertEquals("PRIMARY", binding.path("role").asText());
        assertEquals(KEY_NAME, seller.credentialsOfType("webauthn").get(0).path("userLabel").asText());

        endSession(browser);
        int sent = seller.messageCount();
        OidcApp.Attempt attempt = app.start(null);
        seller.signIn(browser, attempt.url());
        PasskeySignInPage page = new PasskeySignInPage(browser);
        assertTrue(page.whereTheCodeIs().contains(KEY_NAME), page.whereTheCodeIs());
        assertFalse(page.asksForACode(), "a passkey is not a code to type");
        page.dontRequireCodesOnThisDevice().usePasskey();

        JsonNode id = app.idToken(attempt);
        assertEquals(seller.id, id.path("sub").asText());
        assertEquals(Set.of("pwd", "mfa", "swk"), Jwt.values(id, "amr"),
                "a key without an attestation the truststore checked is software, whatever it says of itself (RFC 8176)");
        assertEquals(sent, seller.messageCount(), "no text message went out");
        assertTrue(key.getCredentials().get(0).getSignCount() > 0, "the key signed");

        // A trusted browser skips the key as it skips a code; an app that demands the second step gets the key.
        seller.endSessionKeepTrust(browser);
        seller.signIn(browser);
        seller.awaitApp(browser);
        OidcApp.Attempt stepUp = app.start("two-step");
        browser.get(stepUp.url());
        seller.confirmPassword(browser);
        new PasskeySignInPage(browser).usePasskey();
        assertEquals("two-step", app.idToken(stepUp).path("acr").asText());
    }

    @Test
    void aKeyAddedFromTheSettingsReplacesTheBackupApp() {
        seller.enrollTextMessageWithAppBackup(false);
        ChromeDriver browser = seller.enrollingBrowser();
        securityKey(browser);
        SecuritySettingsPage settings = seller.openSettings(browser, app.start(null));
        ChooseMethodPage choose = settings.changeBackup();
        choose.choosePasskey();
        new PasskeyEnrollPage(browser).create(KEY_NAME);
        SecuritySettingsPage changed = new SecuritySettingsPage(browser);
        assertTrue(changed.backup().contains(KEY_NAME), changed.backup());
        assertTrue(changed.primary().contains("Text message"), changed.primary());
        assertEquals(List.of(), seller.credentialsOfType("otp"), "the app it replaced is gone");
        assertEquals("BACKUP", Seller.data(seller.credentialsOfType("two-step-passkey").get(0)).path("role").asText());
    }

    @Test
    void theBackupPhoneStandsInAndTheSettingsListTheKeyWithItsDate() {
        ChromeDriver browser = seller.newBrowser();
        securityKey(browser);
        enrollSecurityKeyWithTextBackup(browser);

        // "Use another method": the backup phone, as for a code that does not arrive.
        endSession(browser);
        int sent = seller.messageCount();
        seller.signIn(browser);
        new PasskeySignInPage(browser).useAnotherMethod();
        new OtherMethodsPage(browser).use("backup");
        new TwoStepCodePage(browser).signIn(seller.latestMessage(sent + 1).get("code").asText());
        seller.awaitApp(browser);

        // The settings open after a fresh proof by the key, and name it with the day it was added.
        OidcApp.Attempt attempt = app.start(null);
        browser.get(attempt.url() + "&kc_action=two-step-settings");
        new PasskeySignInPage(browser).usePasskey();
        SecuritySettingsPage settings = new SecuritySettingsPage(browser);
        assertTrue(settings.primary().contains(KEY_NAME), settings.primary());
        assertTrue(settings.primary().contains("added"), settings.primary());
        assertTrue(settings.backup().contains("Text message"), settings.backup());

        // Keycloak's Account Console lists it too, by name, as it lists security keys.
        browser.get(seller.server.accountUrl() + "/account-security/signing-in");
        Waits.upTo(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText().contains(KEY_NAME));
    }

    @Test
    void anotherKeyWithTheSameIdIsRefusedAndSoIsAClone() throws Exception {
        ChromeDriver browser = seller.newBrowser();
        VirtualAuthenticator key = securityKey(browser);
        enrollSecurityKeyWithTextBackup(browser);
        Credential registered = key.getCredentials().get(0);

        // A key that claims the registered key's id but holds another private key: its signature fails.
        ChromeDriver impostor = seller.newBrowser();
        VirtualAuthenticator forged = securityKey(impostor);
        forged.addCredential(Credential.createNonResidentCredential(registered.getId(), "localhost", newPrivateKey(),
                registered.getSignCount() + 5));
        seller.signIn(impostor);
        new PasskeySignInPage(impostor).usePasskey();
        PasskeySignInPage refused = new PasskeySignInPage(impostor);
        assertTrue(refused.errors().contains("could not be confirmed"), refused.errors());

        // The real key signs once; a copy taken before (the counter behind) is a clone, and is refused.
        endSession(browser);
        seller.signIn(browser);
        new PasskeySignInPage(browser).usePasskey();
        seller.awaitApp(browser);

        ChromeDriver cloned = seller.newBrowser();
        VirtualAuthenticator copy = securityKey(cloned);
        copy.addCredential(Credential.createNonResidentCredential(registered.getId(), "localhost",
                registered.getPrivateKey(), registered.getSignCount()));
        seller.signIn(cloned);
        new PasskeySignInPage(cloned).usePasskey();
        PasskeySignInPage cloneRefused = new PasskeySignInPage(cloned);
        assertTrue(cloneRefused.errors().contains("could not be confirmed"), cloneRefused.errors());
        assertFalse(seller.inApp(cloned.getCurrentUrl()));

        // The control: the same key material with its counter ahead passes, so the counter gave the clone away.
        copy.removeAllCredentials();
        copy.addCredential(Credential.createNonResidentCredential(registered.getId(), "localhost",
                registered.getPrivateKey(), registered.getSignCount() + 10));
        cloneRefused.usePasskey();
        seller.awaitApp(cloned);
    }

    @Test
    void thePasskeyCannotHoldBothRolesAndDisablingRemovesIt() {
        ChromeDriver browser = seller.newBrowser();
        securityKey(browser);
        seller.signIn(browser);
        new ChooseMethodPage(browser).choosePasskey();
        new PasskeyEnrollPage(browser).create(KEY_NAME);
        ChooseMethodPage backup = new ChooseMethodPage(browser);
        assertFalse(backup.passkeySelectable(), "the backup must differ from the primary");
        seller.enrollment(browser).textMessage(seller.phone);
        new AlmostDonePage(browser).turnOn();
        seller.awaitApp(browser);

        OidcApp.Attempt attempt = app.start(null);
        browser.get(attempt.url() + "&kc_action=two-step-settings");
        new PasskeySignInPage(browser).usePasskey();
        new SecuritySettingsPage(browser).disableAndConfirm();
        Set<String> left = new HashSet<>(seller.credentialTypes());
        assertFalse(left.contains("webauthn"), "disabling 2SV takes the key away: " + left);
        assertFalse(left.contains("two-step-passkey"), left.toString());
    }

    private void enrollSecurityKeyWithTextBackup(ChromeDriver browser) {
        seller.signIn(browser);
        new ChooseMethodPage(browser).choosePasskey();
        new PasskeyEnrollPage(browser).create(KEY_NAME);
        seller.enrollment(browser).textMessage(seller.phone);
        new AlmostDonePage(browser).turnOn();
        seller.awaitApp(browser);
    }

    /** Ends the Keycloak session in {@code browser}: the next sign-in asks for the second step again. */
    private void endSession(ChromeDriver browser) {
        browser.get(seller.server.realmUrl() + "/.well-known/openid-configuration");
        browser.manage().deleteAllCookies();
    }

    /** A USB security key that verifies its user, attached to {@code browser} until the test ends. */
    private VirtualAuthenticator securityKey(ChromeDriver browser) {
        VirtualAuthenticator authenticator = browser.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.USB)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
        attached.add(new Attached(browser, authenticator));
        return authenticator;
    }

    private static PKCS8EncodedKeySpec newPrivateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return new PKCS8EncodedKeySpec(generator.generateKeyPair().getPrivate().getEncoded());
    }
}
