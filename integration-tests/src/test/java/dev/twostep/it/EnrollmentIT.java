package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.it.pages.AlmostDonePage;
import dev.twostep.it.pages.AuthenticatorAppPage;
import dev.twostep.it.pages.ChooseMethodPage;
import dev.twostep.it.pages.EnterCodePage;
import dev.twostep.it.pages.PhoneNumberPage;
import dev.twostep.it.pages.StartPage;
import dev.twostep.it.support.AuthenticatorApp;
import dev.twostep.it.support.EnrollmentWalk;
import dev.twostep.it.support.Outbox;
import dev.twostep.it.support.Screenshots;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;

/** A new seller is forced through "How to enable Two-Step Verification" before reaching the app. */
@ExtendWith(SharedKeycloak.class)
class EnrollmentIT {
    private Seller seller;
    private ChromeDriver browser;
    private Outbox outbox;
    private String username;

    @BeforeEach
    void newSellerAndBrowser() {
        seller = new Seller();
        outbox = seller.outbox;
        username = seller.username;
        browser = seller.newBrowser();
    }

    @AfterEach
    void closeBrowsers() {
        seller.close();
    }

    @Test
    void smsPrimaryWithAppBackupAndTrustedDevice() {
        signIn();
        ChooseMethodPage choose = new ChooseMethodPage(browser);
        Screenshots.save(browser, "choose-method");
        choose.choosePhoneNumber();
        PhoneNumberPage phone = new PhoneNumberPage(browser);
        assertEquals("Send code", phone.sendButtonLabel());
        phone.textMessage().country("IT").number(seller.phone).send();

        JsonNode sms = outbox.latestFor(username, 1);
        assertEquals("sms", sms.get("channel").asText());
        assertEquals(Seller.e164(seller.phone), sms.get("to").asText());
        assertEquals("seller", sms.get("realm").asText());
        String code = sms.get("code").asText();
        assertTrue(code.matches("\\d{6}"), code);
        assertTrue(sms.get("text").asText().contains(code));

        EnterCodePage enterCode = new EnterCodePage(browser);
        assertTrue(enterCode.sentTo().contains("4567"), enterCode.sentTo());
        assertFalse(enterCode.sentTo().contains(seller.phone.substring(0, 6)), "the full number must not be shown");
        enterCode.verify(code);

        ChooseMethodPage backup = new ChooseMethodPage(browser);
        assertEquals("Add a backup verification method", backup.title());
        assertTrue(backup.primarySummary().contains("4567"));
        backup.chooseAuthenticatorApp();
        AuthenticatorAppPage app = new AuthenticatorAppPage(browser);
        assertTrue(app.showsBarcode());
        String key = app.cantScanTheBarcode();
        Screenshots.save(browser, "authenticator-app");
        app.verify(new AuthenticatorApp(key).currentCode());

        AlmostDonePage done = new AlmostDonePage(browser);
        Screenshots.save(browser, "almost-done");
        assertTrue(done.summary().contains("Authenticator app"), done.summary());
        done.dontRequireCodesOnThisDevice().turnOn();
        awaitApp();

        Cookie trusted = seller.keycloakCookie(browser, "TWO_STEP_TRUSTED_DEVICE");
        assertNotNull(trusted, "the trusted-device cookie is set");
        assertTrue(trusted.isHttpOnly());
        assertEquals("/realms/seller/", trusted.getPath());

        JsonNode phoneCredential = single("two-step-phone");
        JsonNode data = data(phoneCredential);
        assertEquals(Seller.e164(seller.phone), data.get("number").asText());
        assertEquals("SMS", data.get("channel").asText());
        assertEquals("PRIMARY", data.get("role").asText());
        assertTrue(data.get("verified").asBoolean());
        single("otp");
        JsonNode device = single("two-step-trusted-device");
        assertTrue(trusted.getValue().startsWith(device.get("id").asText() + "."), "cookie names its credential");
        assertEquals(List.of("password", "two-step-phone", "otp", "two-step-app", "two-step-trusted-device").stream()
                .sorted().toList(), types().stream().sorted().toList());
        assertFalse(requiredActions().contains("two-step-enroll"));
        // As Keycloak's own credential set-up does: one UPDATE_CREDENTIAL event per method stored.
        JsonNode updates = seller.admin.events(seller.id, "UPDATE_CREDENTIAL");
        List<String> roles = new java.util.ArrayList<>();
        updates.forEach(event -> roles.add(event.path("details").path("two_step_role").asText()));
        assertEquals(List.of("backup", "primary"), roles.stream().sorted().toList(), updates.toString());
        updates.forEach(event -> assertEquals(seller.id, event.path("userId").asText()));
    }

    @Test
    void theRequirementComesFirstAndEveryStepHasAWayBack() {
        signIn();
        StartPage start = new StartPage(browser);
        assertEquals("Two-Step Verification is a requirement", start.title());
        assertEquals("Enable Two-Step Verification", start.buttonLabel());
        assertTrue(start.text().contains("authenticator app") && start.text().contains("text messages"), start.text());
        start.enable();
        ChooseMethodPage primary = new ChooseMethodPage(browser);
        assertEquals("Choose how you'll receive codes", primary.title());
        assertTrue(primary.offersSignInAsAnotherUser());

        seller.enrollment(browser).textMessage(seller.phone);
        ChooseMethodPage backup = new ChooseMethodPage(browser);
        assertEquals("Add a backup verification method", backup.title());
        ChooseMethodPage again = backup.back();
        assertEquals("Choose how you'll receive codes", again.title(), "back from the backup is the primary's choice");

        EnrollmentWalk walk = seller.enrollment(browser);
        walk.app();
        walk.textMessage(seller.otherPhone);
        ChooseMethodPage backupAgain = new AlmostDonePage(browser).back();
        assertEquals("Add a backup verification method", backupAgain.title(), "back from Almost done is the backup's");
        assertTrue(backupAgain.primarySummary().contains("Authenticator app"), backupAgain.primarySummary());
        backupAgain.signInAsAnotherUser();
        assertEquals(List.of("password"), seller.credentialTypes(), "nothing was stored on the way back and out");
    }

    @Test
    void voicePrimaryWithUnverifiedBackupNumber() {
        signIn();
        new ChooseMethodPage(browser).choosePhoneNumber();
        PhoneNumberPage phone = new PhoneNumberPage(browser).voiceDelivery();
        assertEquals("Call me now", phone.sendButtonLabel());
        String usNumber = String.format("201555%04d", new java.util.Random().nextInt(100) + 100);
        phone.country("US").number(usNumber).send();
        JsonNode call = outbox.latestFor(username, 1);
        assertEquals("voice", call.get("channel").asText());
        assertEquals("+1" + usNumber, call.get("to").asText());
        EnterCodePage enterCode = new EnterCodePage(browser);
        assertTrue(enterCode.sentTo().contains("calling"), enterCode.sentTo());
        enterCode.verify(call.get("code").asText());

        new ChooseMethodPage(browser).choosePhoneNumber();
        PhoneNumberPage backupPhone = new PhoneNumberPage(browser).textMessage().country("IT").number("06 1234 5678")
                .skipVerificationCheck();
        assertEquals("Save backup number", backupPhone.sendButtonLabel());
        backupPhone.send();

        AlmostDonePage done = new AlmostDonePage(browser);
        assertTrue(done.summary().contains("(not verified)"), done.summary());
        done.turnOn();
        awaitApp();

        assertEquals(1, outbox.messagesFor(username).size(), "a skipped backup gets no code");
        assertEquals(List.of("password", "two-step-phone", "two-step-phone"), types().stream().sorted().toList());
        JsonNode backup = null;
        for (JsonNode credential : seller.credentials()) {
            if (credential.get("type").asText().equals("two-step-phone")
                    && data(credential).get("role").asText().equals("BACKUP")) {
                backup = data(credential);
            }
        }
        assertNotNull(backup);
        assertEquals("+390612345678", backup.get("number").asText());
        assertFalse(backup.get("verified").asBoolean());
        assertEquals(null, seller.keycloakCookie(browser, "TWO_STEP_TRUSTED_DEVICE"), "no trusted device unless asked");
        assertFalse(types().contains("two-step-trusted-device"));
    }

    @Test
    void appPrimaryFromTheTypedKeyWithSmsBackup() {
        signIn();
        new ChooseMethodPage(browser).chooseAuthenticatorApp();
        AuthenticatorAppPage app = new AuthenticatorAppPage(browser);
        assertFalse(app.keyVisible(), "the key stays hidden until asked for");
        assertTrue(app.needAnApp().contains("authenticator"));
        String key = app.cantScanTheBarcode();
        assertTrue(key.replace(" ", "").matches("[A-Z2-7]{32}"), key);
        app.verify(new AuthenticatorApp(key).currentCode());

        ChooseMethodPage backup = new ChooseMethodPage(browser);
        assertFalse(backup.appSelectable(), "the app is the primary already");
        backup.chooseForged("app");
        assertTrue(new ChooseMethodPage(browser).errors()
                .contains("Select a backup method that is different from your primary method."));
        new ChooseMethodPage(browser).choosePhoneNumber();
        new PhoneNumberPage(browser).textMessage().country("IT").number(seller.phone).send();
        new EnterCodePage(browser).verify(outbox.latestFor(username, 1).get("code").asText());
        new AlmostDonePage(browser).turnOn();
        awaitApp();

        assertEquals(List.of("otp", "password", "two-step-app", "two-step-phone"), types().stream().sorted().toList());
        assertEquals("BACKUP", data(single("two-step-phone")).get("role").asText());
    }

    @Test
    void invalidNumberIsRefusedAndNothingIsSent() {
        signIn();
        new ChooseMethodPage(browser).choosePhoneNumber();
        new PhoneNumberPage(browser).textMessage().country("IT").number("12345").send();
        PhoneNumberPage again = new PhoneNumberPage(browser);
        assertTrue(again.errors().contains("The phone number you've entered is not valid"), again.errors());
        assertEquals(0, outbox.messagesFor(username).size());
        // A valid number of another country is not valid for the chosen one.
        again.country("IT").number("+12015550123").send();
        assertTrue(new PhoneNumberPage(browser).errors().contains("is not valid"));
        assertEquals(0, outbox.messagesFor(username).size());
    }

    @Test
    void numbersOutsideTheAllowedCountriesAndPremiumNumbersAreRefused() {
        Map<String, String> before = seller.admin.changePolicy(Map.of("allowedCountries", "IT"));
        try {
            signIn();
            new ChooseMethodPage(browser).choosePhoneNumber();
            PhoneNumberPage phone = new PhoneNumberPage(browser);
            assertEquals(List.of("IT"), phone.countriesOffered(), "the picker offers the allowed countries only");
            phone.textMessage().countryForged("US").number("201-555-0123").send();
            PhoneNumberPage refused = new PhoneNumberPage(browser);
            assertTrue(refused.errors().contains("Codes cannot be sent to phone numbers of this country"),
                    refused.errors());
            // Italian premium-rate numbers (899) are refused whatever the countries.
            refused.country("IT").number("899 123 456").send();
            PhoneNumberPage premium = new PhoneNumberPage(browser);
            assertTrue(premium.errors().contains("premium-rate"), premium.errors());
            assertEquals(0, outbox.messagesFor(username).size());
        } finally {
            seller.admin.changePolicy(before);
        }
    }

    @Test
    void oneAddressCannotPumpEnrollmentCodesThroughManyAccounts() {
        Map<String, String> before = seller.admin.changePolicy(Map.of("sendsPerIpPerHour", "1"));
        try (Seller other = new Seller()) {
            // The limit holds for the whole address, so earlier tests' sends may already have spent it: only the
            // second seller's refusal is certain.
            signIn();
            new ChooseMethodPage(browser).choosePhoneNumber();
            new PhoneNumberPage(browser).textMessage().country("IT").number(seller.phone).send();
            ChromeDriver second = other.newBrowser();
            other.signIn(second);
            new ChooseMethodPage(second).choosePhoneNumber();
            new PhoneNumberPage(second).textMessage().country("IT").number(other.phone).send();
            PhoneNumberPage refused = new PhoneNumberPage(second);
            assertTrue(refused.errors().contains("Too many codes"), refused.errors());
            assertEquals(0, other.messageCount());
        } finally {
            seller.admin.changePolicy(before);
        }
    }

    @Test
    void wrongCodeThenRightCode() {
        signIn();
        new ChooseMethodPage(browser).choosePhoneNumber();
        new PhoneNumberPage(browser).textMessage().country("IT").number(seller.phone).send();
        String code = outbox.latestFor(username, 1).get("code").asText();
        String wrong = Seller.wrongCode(code);
        new EnterCodePage(browser).verify(wrong);
        EnterCodePage again = new EnterCodePage(browser);
        assertTrue(again.errors().contains("The code is invalid"), again.errors());
        again.verify(code);
        assertEquals("Add a backup verification method", new ChooseMethodPage(browser).title());
    }

    @Test
    void backupEqualToPrimaryIsRefused() {
        signIn();
        new ChooseMethodPage(browser).choosePhoneNumber();
        new PhoneNumberPage(browser).textMessage().country("IT").number(seller.phone).send();
        new EnterCodePage(browser).verify(outbox.latestFor(username, 1).get("code").asText());

        new ChooseMethodPage(browser).choosePhoneNumber();
        new PhoneNumberPage(browser).voiceDelivery().country("IT").number(seller.phone).skipVerificationCheck().send();
        PhoneNumberPage refused = new PhoneNumberPage(browser);
        assertTrue(refused.errors().contains("already your primary method"), refused.errors());
        assertEquals(List.of("password"), types(), "nothing stored while the backup is missing");
    }

    @Test
    void twoNumbersEndingInTheSameDigitsAreBothKept() {
        signIn();
        EnrollmentWalk walk = seller.enrollment(browser);
        walk.textMessage(seller.phone);
        walk.voiceCall("0612344567");
        walk.finish(false);
        seller.awaitApp(browser);

        List<String> labels = seller.credentialsOfType("two-step-phone").stream()
                .map(credential -> credential.path("userLabel").asText()).toList();
        assertEquals(2, labels.size(), labels.toString());
        assertNotEquals(labels.get(0), labels.get(1), "each number has a label of its own");
        assertTrue(labels.stream().allMatch(label -> label.startsWith("+39 ") && label.contains("4567")), labels.toString());
    }

    @Test
    void abandonHalfWayStoresNothingAndEnrollmentReturns() {
        signIn();
        new ChooseMethodPage(browser).choosePhoneNumber();
        new PhoneNumberPage(browser).textMessage().country("IT").number(seller.phone).send();
        new EnterCodePage(browser).verify(outbox.latestFor(username, 1).get("code").asText());
        new ChooseMethodPage(browser); // the backup step: the seller walks away here
        assertEquals(List.of("password"), types());

        browser = seller.newBrowser();
        signIn();
        ChooseMethodPage again = new ChooseMethodPage(browser);
        assertEquals("Choose how you'll receive codes", again.title());
        assertEquals(List.of("password"), types());
        assertTrue(requiredActions().contains("two-step-enroll"));
    }

    @Test
    void emailIsNeitherOfferedNorAccepted() {
        signIn();
        ChooseMethodPage choose = new ChooseMethodPage(browser);
        assertFalse(choose.offersEmail());
        assertFalse(choose.methodLabels().toLowerCase().contains("e-mail\n"), choose.methodLabels());
        choose.chooseForged("email");
        ChooseMethodPage refused = new ChooseMethodPage(browser);
        assertTrue(refused.errors().contains("E-mail cannot receive Two-Step Verification codes"), refused.errors());
        assertEquals(List.of("password"), types());
    }

    @Test
    void italianLabelsAfterSwitchingLanguage() {
        signIn();
        ChooseMethodPage choose = new ChooseMethodPage(browser);
        choose.switchLanguage("it");
        ChooseMethodPage italian = new ChooseMethodPage(browser);
        assertEquals("Scegli come ricevere i codici", italian.title());
        assertTrue(italian.methodLabels().contains("Numero di telefono"));
        assertTrue(italian.methodLabels().contains("App di autenticazione"));
        italian.choosePhoneNumber();
        PhoneNumberPage phone = new PhoneNumberPage(browser);
        assertEquals("Invia codice", phone.sendButtonLabel());
        phone.voiceDelivery();
        assertEquals("Chiamami ora", phone.sendButtonLabel());
        phone.country("IT").number("12").send();
        assertTrue(new PhoneNumberPage(browser).errors().contains("Il numero di telefono inserito non è valido"));
    }

    private void signIn() {
        seller.signIn(browser);
    }

    private void awaitApp() {
        seller.awaitApp(browser);
    }

    private List<String> types() {
        return seller.credentialTypes();
    }

    private JsonNode single(String type) {
        List<JsonNode> found = seller.credentialsOfType(type);
        assertEquals(1, found.size(), "exactly one " + type);
        return found.get(0);
    }

    private static JsonNode data(JsonNode credential) {
        return Seller.data(credential);
    }

    private List<String> requiredActions() {
        return seller.requiredActions();
    }
}
