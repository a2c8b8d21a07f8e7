package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.twostep.it.pages.ChooseMethodPage;
import dev.twostep.it.pages.EnterCodePage;
import dev.twostep.it.pages.PhoneNumberPage;
import dev.twostep.it.pages.TwoStepCodePage;
import dev.twostep.it.support.OidcApp;
import dev.twostep.it.support.Pause;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;

/**
 * A wrong setting never widens 2SV: it keeps its safe default and is reported, the others stay as set, and
 * a list of countries the server cannot read allows none. And one login keeps one policy: a client whose
 * own flow sets other limits gets them at the enrollment too, not the browser flow's.
 */
@ExtendWith(SharedKeycloak.class)
class PolicyFailsClosedIT {
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
    void aWrongSettingKeepsItsSafeDefaultAndIsReported() throws IOException {
        seller.importMethods();
        Map<String, String> before = seller.admin.changePolicy(Map.of("codeLength", "abc", "maxWrongTries", "2"));
        try {
            ChromeDriver browser = seller.newBrowser();
            String code = seller.signInForCode(browser);
            assertEquals(6, code.length(), "a code length that is not a number keeps the default");
            // Two wrong codes spend the code: then even the right one is refused (the default would allow five).
            for (int wrong = 0; wrong < 2; wrong++) {
                new TwoStepCodePage(browser).signIn(Seller.wrongCode(code));
                Pause.millis(1100); // Keycloak locks two failures within a second
            }
            new TwoStepCodePage(browser).signIn(code);
            String errors = new TwoStepCodePage(browser).errors();
            assertTrue(errors.contains("Too many wrong codes"), "the right setting beside it is kept: " + errors);

            seller.admin.changePolicy(Map.of("allowedCountries", "Italy"));
            try (Seller newcomer = new Seller()) {
                ChromeDriver enrolling = newcomer.newBrowser();
                newcomer.signIn(enrolling);
                new ChooseMethodPage(enrolling).choosePhoneNumber();
                PhoneNumberPage phone = new PhoneNumberPage(enrolling);
                assertEquals(List.of(), phone.countriesOffered(), "an unreadable country list offers none");
                phone.textMessage().countryForged("IT").number(newcomer.phone).send();
                PhoneNumberPage refused = new PhoneNumberPage(enrolling);
                assertTrue(refused.errors().contains("Codes cannot be sent to phone numbers of this country"),
                        refused.errors());
                assertEquals(0, newcomer.messageCount(), "nothing was sent");
            }
            String log = Files.readString(Path.of(System.getProperty("twostep.log")));
            assertTrue(log.contains("codeLength=abc is not a whole number"), "the server log names the setting");
            assertTrue(log.contains("allowedCountries must list two-letter country codes"));
        } finally {
            seller.admin.changePolicy(before);
            seller.admin.changePolicy(Map.of("allowedCountries", ""));
        }
    }

    @Test
    void aClientsOwnFlowGivesItsPolicyToTheEnrollmentToo() {
        // The suite's own limits too (every browser of the suite is one address), and 8 digits.
        Map<String, String> policy = new HashMap<>(SharedKeycloak.SUITE_POLICY);
        policy.put("codeLength", "8");
        String flow = seller.admin.createFlowWithPolicy("portal browser " + seller.username, policy);
        try (OidcApp app = new OidcApp(seller.server)) {
            seller.admin.overrideBrowserFlow(OidcApp.CLIENT_ID, flow);
            ChromeDriver browser = seller.newBrowser();
            seller.signIn(browser, app.start(null).url());
            new ChooseMethodPage(browser).choosePhoneNumber();
            new PhoneNumberPage(browser).textMessage().country("IT").number(seller.phone).send();
            new EnterCodePage(browser);
            assertEquals(8, seller.latestMessage(1).get("code").asText().length(),
                    "the enrollment of this login follows the client's flow, not the browser flow's 6 digits");
        } finally {
            seller.admin.overrideBrowserFlow(OidcApp.CLIENT_ID, null);
            seller.admin.deleteFlow(flow);
        }
    }
}
