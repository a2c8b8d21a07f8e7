package dev.twostep.it.support;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Another realm of the same server acting as an OpenID Connect identity provider of the seller realm, as a
 * partner's or a company's login would be: its own users, and a confidential client for the seller realm's
 * broker. {@link #addToSellerRealm} adds it as an admin would, naming no post login flow.
 */
public final class PartnerIdentityProvider implements AutoCloseable {
    public static final String PASSWORD = "Partn3r-Pass!";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakServer server;
    private final AdminApi admin;
    public final String realm;
    public final String alias;
    private final String secret = UUID.randomUUID().toString();

    public PartnerIdentityProvider(KeycloakServer server) {
        this.server = server;
        this.admin = new AdminApi(server);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        this.realm = "partner-" + suffix;
        this.alias = "partner-" + suffix;
        admin.createRealm(Map.of("realm", realm, "enabled", true, "loginTheme", "seller",
                "clients", List.of(Map.of("clientId", "seller-broker", "enabled", true, "publicClient", false,
                        "secret", secret, "standardFlowEnabled", true,
                        "redirectUris", List.of(server.realmUrl() + "/broker/" + alias + "/endpoint*")))));
    }

    /** A user of the partner realm with complete profile (so the first broker login asks nothing); returns the id. */
    public String createUser(String username) {
        HttpResponse<String> created = admin.requestIn(realm, "POST", "/users", Map.of("username", username,
                "enabled", true, "email", username + "@partner.example", "emailVerified", true,
                "firstName", "Partner", "lastName", "User",
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("partner user not created: " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Adds the partner to the seller realm as an admin adds an OpenID Connect provider, with no post login flow. */
    public void addToSellerRealm() {
        String partner = server.baseUrl() + "/realms/" + realm;
        HttpResponse<String> created = admin.request("POST", "/identity-provider/instances", Map.of(
                "alias", alias, "providerId", "oidc", "enabled", true, "trustEmail", true,
                "config", Map.ofEntries(
                        Map.entry("authorizationUrl", partner + "/protocol/openid-connect/auth"),
                        Map.entry("tokenUrl", partner + "/protocol/openid-connect/token"),
                        Map.entry("issuer", partner),
                        Map.entry("clientId", "seller-broker"),
                        Map.entry("clientSecret", secret),
                        Map.entry("clientAuthMethod", "client_secret_post"),
                        Map.entry("defaultScope", "openid profile email"),
                        Map.entry("disableUserInfo", "true"),
                        Map.entry("validateSignature", "false"),
                        Map.entry("syncMode", "IMPORT"))));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("identity provider not added: " + created.statusCode() + " " + created.body());
        }
    }

    /** The seller realm's representation of the provider, as the admin console shows it. */
    public JsonNode inSellerRealm() {
        HttpResponse<String> response = admin.request("GET", "/identity-provider/instances/" + alias, null);
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(response.statusCode() + " " + response.body(), e);
        }
    }

    /** Links a seller of the seller realm to a partner user, as an earlier brokered login would have. */
    public void link(String sellerId, String partnerUserId, String partnerUsername) {
        HttpResponse<String> linked = admin.request("POST", "/users/" + sellerId + "/federated-identity/" + alias,
                Map.of("identityProvider", alias, "userId", partnerUserId, "userName", partnerUsername));
        if (linked.statusCode() != 204) {
            throw new IllegalStateException("not linked: " + linked.statusCode() + " " + linked.body());
        }
    }

    @Override
    public void close() {
        admin.request("DELETE", "/identity-provider/instances/" + alias, null);
        admin.deleteRealm(realm);
    }
}
