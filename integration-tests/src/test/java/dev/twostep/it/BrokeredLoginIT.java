package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

import com.fasterxml.jackson.databind.JsonNode;

import dev.twostep.it.pages.ChooseMethodPage;
import dev.twostep.it.pages.SignInPage;
import dev.twostep.it.pages.TwoStepCodePage;
import dev.twostep.it.support.AdminApi;
import dev.twostep.it.support.Jwt;
import dev.twostep.it.support.OidcApp;
import dev.twostep.it.support.PartnerIdentityProvider;
import dev.twostep.it.support.Pause;
import dev.twostep.it.support.Seller;
import dev.twostep.it.support.SharedKeycloak;
import dev.twostep.it.support.TokenEndpoint;

/**
 * A sign-in through an identity provider asks for the code like one with the password: an admin adds a
 * provider (another realm of the same server) without naming a post login flow, and the shipped realm's
 * code flow is bound to it; a way in that skips the code is named in the server log when it is made.
 */
@ExtendWith(SharedKeycloak.class)
class BrokeredLoginIT {
    private static PartnerIdentityProvider partner;

    @BeforeAll
    static void addPartner() {
        partner = new PartnerIdentityProvider(SharedKeycloak.server());
        partner.addToSellerRealm();
    }

    @AfterAll
    static void removePartner() {
        partner.close();
    }

    @Test
    void anIdentityProviderAddedWithoutAPostLoginFlowGetsTheCodeFlow() {
        assertEquals("two-step post login", partner.inSellerRealm().path("postBrokerLoginFlowAlias").asText());
    }

    @Test
    void aReturningBrokeredSellerGivesTheCode() {
        try (Seller seller = Seller.withMethods(); OidcApp app = new OidcApp(seller.server)) {
            String partnerUser = "p-" + UUID.randomUUID().toString().substring(0, 8);
            partner.link(seller.id, partner.createUser(partnerUser), partnerUser);
            ChromeDriver browser = seller.newBrowser();
            OidcApp.Attempt attempt = app.start(null);
            int sent = seller.messageCount();
            SignInPage.open(browser, attempt.url() + "&kc_idp_hint=" + partner.alias)
                    .signIn(partnerUser, PartnerIdentityProvider.PASSWORD);
            TwoStepCodePage code = new TwoStepCodePage(browser);
            code.signIn(seller.latestMessage(sent + 1).get("code").asText());

            TokenEndpoint.Answer tokens = app.exchange(app.awaitCode(attempt), attempt.verifier());
            assertEquals(200, tokens.status(), tokens.body().toString());
            JsonNode id = Jwt.claims(tokens.body().path("id_token").asText());
            assertEquals(seller.id, id.path("sub").asText());
            assertEquals("two-step", id.path("acr").asText(), "the brokered sign-in passed the code step");
        }
    }

    @Test
    void aNewBrokeredUserIsSentToEnrollment() {
        String partnerUser = "p-" + UUID.randomUUID().toString().substring(0, 8);
        partner.createUser(partnerUser);
        try (Seller seller = new Seller(); OidcApp app = new OidcApp(seller.server)) {
            ChromeDriver browser = seller.newBrowser();
            SignInPage.open(browser, app.start(null).url() + "&kc_idp_hint=" + partner.alias)
                    .signIn(partnerUser, PartnerIdentityProvider.PASSWORD);
            // The first brokered sign-in made the user; 2SV is set up before the app opens.
            new ChooseMethodPage(browser);
        }
    }

    @Test
    void waysInWithoutTheCodeAreNamedInTheLogWhenTheyAreMade() throws IOException {
        AdminApi admin = new AdminApi(SharedKeycloak.server());
        String flow = "no code " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.request("POST", "/authentication/flows", Map.of("alias", flow,
                "providerId", "basic-flow", "topLevel", true, "builtIn", false));
        assertEquals(201, created.statusCode(), created.body());
        Map<String, Object> provider = new HashMap<>(jsonMap(partner.inSellerRealm()));
        String boundBefore = (String) provider.get("postBrokerLoginFlowAlias");
        provider.put("postBrokerLoginFlowAlias", flow);
        try {
            assertEquals(204, admin.request("PUT", "/identity-provider/instances/" + partner.alias, provider).statusCode());
            String expected = "lets users sign in without a code through the identity provider " + partner.alias
                    + ", post login flow (" + flow + ")";
            assertTrue(awaitInLog(expected), "the server log names the provider: " + expected);

            // A client whose browser flow override skips the code.
            String client = "shop-" + UUID.randomUUID().toString().substring(0, 8);
            assertEquals(201, admin.request("POST", "/clients", Map.of("clientId", client, "publicClient", true,
                    "redirectUris", java.util.List.of("http://localhost:3000/*"))).statusCode());
            admin.overrideBrowserFlow(client, admin.flowId(flow));
            String overridden = "lets users sign in without a code through the client " + client
                    + ", browser flow override (" + flow + ")";
            assertTrue(awaitInLog(overridden), "the server log names the client: " + overridden);
            admin.overrideBrowserFlow(client, null);
        } finally {
            provider.put("postBrokerLoginFlowAlias", boundBefore);
            admin.request("PUT", "/identity-provider/instances/" + partner.alias, provider);
            admin.deleteFlow(admin.flowId(flow));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonMap(JsonNode node) {
        return new com.fasterxml.jackson.databind.ObjectMapper().convertValue(node, Map.class);
    }

    private static boolean awaitInLog(String text) throws IOException {
        Path log = Path.of(System.getProperty("twostep.log"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(log).contains(text)) {
                return true;
            }
            Pause.millis(200);
        }
        return false;
    }
}
