package dev.twostep.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Keycloak's admin REST API, as an identity admin's script would call it: users and their credentials. */
public final class AdminApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The client our review page signs reviewers in with. */
    public static final String REVIEW_CLIENT = "two-step-review";

    private final KeycloakServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public AdminApi(KeycloakServer server) {
        this.server = server;
    }

    /** Creates an enabled seller with a password and a complete profile, and returns its id. */
    public String createSeller(String username, String password) {
        return create(seller(username, password, List.of()));
    }

    /** A seller's representation: complete profile, the password, and {@code methods} as stored credentials. */
    private static Map<String, Object> seller(String username, String password, List<Map<String, Object>> methods) {
        List<Map<String, Object>> credentials = new java.util.ArrayList<>();
        credentials.add(Map.of("type", "password", "value", password, "temporary", false));
        credentials.addAll(methods);
        return Map.of("username", username, "email", username + "@example.com",
                "emailVerified", true, "firstName", "Test", "lastName", "Seller", "enabled", true,
                "credentials", credentials);
    }

    /**
     * Creates a seller whose 2SV is already set up, as an admin migrating users would import them: text
     * messages to {@code phoneE164} as primary and the authenticator app with {@code appSecret} (raw, as
     * Keycloak stores it) as backup. Returns the id.
     */
    public String createSellerWithMethods(String username, String password, String phoneE164, String appSecret) {
        return create(sellerWithMethods(username, password, phoneE164, appSecret, false));
    }

    /** A seller's representation with a password, a phone (SMS) and the app; {@code appPrimary} picks the roles. */
    public static Map<String, Object> sellerWithMethods(String username, String password, String phoneE164,
                                                        String appSecret, boolean appPrimary) {
        // The app counts only with its binding, which names the otp credential by the id the import gives it.
        String appId = java.util.UUID.randomUUID().toString();
        return seller(username, password, List.of(
                Map.of("id", appId, "type", "otp", "userLabel", "app", "secretData", "{\"value\":\"" + appSecret + "\"}",
                        "credentialData", "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,"
                                + "\"period\":30,\"algorithm\":\"HmacSHA1\"}"),
                Map.of("type", "two-step-app", "userLabel", "app binding", "secretData", "{}",
                        "credentialData", "{\"otpCredentialId\":\"" + appId + "\"}"),
                Map.of("type", "two-step-phone", "userLabel", "phone", "secretData", "{}",
                        "credentialData", "{\"number\":\"" + phoneE164 + "\",\"channel\":\"SMS\","
                                + "\"verified\":true,\"role\":\"" + (appPrimary ? "BACKUP" : "PRIMARY")
                                + "\"}")));
    }

    /** Imports a user over the existing one of the same username (the representation's id is kept). */
    public void overwriteUser(Map<String, Object> user) {
        HttpResponse<String> imported = call("POST", sellerRealm("/partialImport"), null,
                Map.of("ifResourceExists", "OVERWRITE", "users", List.of(user)), HttpResponse.BodyHandlers.ofString(),
                Duration.ofSeconds(30));
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("user not imported: " + imported.statusCode() + " " + imported.body());
        }
    }

    /** Imports many users in one call (the admin console's partial import); an existing one is an error. */
    public void importUsers(List<Map<String, Object>> users) {
        HttpResponse<String> imported = call("POST", sellerRealm("/partialImport"), null,
                Map.of("ifResourceExists", "FAIL", "users", users), HttpResponse.BodyHandlers.ofString(),
                Duration.ofMinutes(5));
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("users not imported: " + imported.statusCode() + " " + imported.body());
        }
    }

    /** Any call under the seller realm's admin API, as the server's admin. */
    public HttpResponse<String> request(String method, String path, Object body) {
        return send(method, path, body);
    }

    private String create(Map<String, Object> user) {
        HttpResponse<String> created = send("POST", "/users", user);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("user not created: " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    public JsonNode credentials(String userId) {
        return json(send("GET", "/users/" + userId + "/credentials", null));
    }

    public JsonNode user(String userId) {
        return json(send("GET", "/users/" + userId, null));
    }

    /** Sets a new (permanent) password, as an admin's reset does. */
    public void resetPassword(String userId, String password) {
        HttpResponse<String> response = send("PUT", "/users/" + userId + "/reset-password",
                Map.of("type", "password", "value", password, "temporary", false));
        if (response.statusCode() != 204) {
            throw new IllegalStateException("password not reset: " + response.statusCode() + " " + response.body());
        }
    }

    public void deleteCredential(String userId, String credentialId) {
        HttpResponse<String> response = send("DELETE", "/users/" + userId + "/credentials/" + credentialId, null);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("credential not deleted: " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * Changes settings of the 2SV policy (the config of the seller browser flow's two-step-verify step) and
     * returns the settings it had, to put back after the test.
     */
    @SuppressWarnings("unchecked")
    public Map<String, String> changePolicy(Map<String, String> changes) {
        String configId = null;
        for (JsonNode execution : json(send("GET", "/authentication/flows/seller%20browser/executions", null))) {
            if ("two-step-verify".equals(execution.path("providerId").asText())) {
                configId = execution.path("authenticationConfig").asText();
            }
        }
        JsonNode config = json(send("GET", "/authentication/config/" + configId, null));
        Map<String, Object> updated = JSON.convertValue(config, Map.class);
        Map<String, String> current = JSON.convertValue(config.get("config"), Map.class);
        Map<String, String> settings = new java.util.HashMap<>(current);
        // A setting that was unset comes back as "" (unset again), so putting "before" back undoes it.
        Map<String, String> before = new java.util.HashMap<>(current);
        changes.keySet().forEach(key -> before.putIfAbsent(key, ""));
        settings.putAll(changes);
        updated.put("config", settings);
        HttpResponse<String> response = send("PUT", "/authentication/config/" + configId, updated);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("policy not changed: " + response.statusCode() + " " + response.body());
        }
        return before;
    }

    /** The secret Keycloak generated for a confidential client of the realm. */
    public String clientSecret(String clientId) {
        JsonNode clients = json(send("GET", "/clients?clientId=" + clientId, null));
        String id = clients.get(0).get("id").asText();
        return json(send("GET", "/clients/" + id + "/client-secret", null)).get("value").asText();
    }

    /** Lets a client of the realm redirect to one more address (a test app's callback on a free port). */
    @SuppressWarnings("unchecked")
    public void allowRedirect(String clientId, String redirectUri) {
        JsonNode client = json(send("GET", "/clients?clientId=" + clientId, null)).get(0);
        Map<String, Object> updated = JSON.convertValue(client, Map.class);
        java.util.List<String> uris = new java.util.ArrayList<>((java.util.List<String>) updated.get("redirectUris"));
        if (!uris.contains(redirectUri)) {
            uris.add(redirectUri);
        }
        updated.put("redirectUris", uris);
        HttpResponse<String> response = send("PUT", "/clients/" + client.get("id").asText(), updated);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("client not changed: " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * Creates a top-level browser flow of its own: the password form, then the 2SV step with {@code policy} as
     * its config. Returns the flow's id.
     */
    public String createFlowWithPolicy(String alias, Map<String, String> policy) {
        HttpResponse<String> created = send("POST", "/authentication/flows", Map.of("alias", alias,
                "providerId", "basic-flow", "topLevel", true, "builtIn", false));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("flow not created: " + created.statusCode() + " " + created.body());
        }
        String path = "/authentication/flows/" + alias.replace(" ", "%20") + "/executions";
        for (String provider : List.of("auth-username-password-form", "two-step-verify")) {
            HttpResponse<String> added = send("POST", path + "/execution", Map.of("provider", provider));
            if (added.statusCode() != 201) {
                throw new IllegalStateException("step not added: " + added.statusCode() + " " + added.body());
            }
        }
        for (JsonNode execution : json(send("GET", path, null))) {
            Map<String, Object> required = JSON.convertValue(execution, Map.class);
            required.put("requirement", "REQUIRED");
            send("PUT", path, required);
            if ("two-step-verify".equals(execution.path("providerId").asText())) {
                HttpResponse<String> config = send("POST", "/authentication/executions/"
                        + execution.path("id").asText() + "/config", Map.of("alias", alias + " policy", "config", policy));
                if (config.statusCode() != 201) {
                    throw new IllegalStateException("config not set: " + config.statusCode() + " " + config.body());
                }
            }
        }
        return flowId(alias);
    }

    /** The id of the realm's top-level flow {@code alias}. */
    public String flowId(String alias) {
        return json(send("GET", "/authentication/flows", null)).findParents("alias").stream()
                .filter(flow -> alias.equals(flow.path("alias").asText())).findFirst().orElseThrow()
                .path("id").asText();
    }

    /** Deletes a flow made by {@link #createFlowWithPolicy}. */
    public void deleteFlow(String flowId) {
        send("DELETE", "/authentication/flows/" + flowId, null);
    }

    /** Makes a client sign users in with another browser flow (null: the realm's again). */
    @SuppressWarnings("unchecked")
    public void overrideBrowserFlow(String clientId, String flowId) {
        JsonNode client = json(send("GET", "/clients?clientId=" + clientId, null)).get(0);
        Map<String, Object> updated = JSON.convertValue(client, Map.class);
        updated.put("authenticationFlowBindingOverrides", flowId == null ? Map.of() : Map.of("browser", flowId));
        HttpResponse<String> response = send("PUT", "/clients/" + client.get("id").asText(), updated);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("client not changed: " + response.statusCode() + " " + response.body());
        }
    }

    /** Sets attributes of a client of the realm (null removes one) and returns their previous values. */
    @SuppressWarnings("unchecked")
    public Map<String, String> changeClientAttributes(String clientId, Map<String, String> changes) {
        JsonNode client = json(send("GET", "/clients?clientId=" + clientId, null)).get(0);
        Map<String, Object> updated = JSON.convertValue(client, Map.class);
        Map<String, String> attributes = new java.util.HashMap<>((Map<String, String>) updated.get("attributes"));
        Map<String, String> before = new java.util.HashMap<>();
        changes.forEach((key, value) -> {
            before.put(key, attributes.get(key));
            attributes.put(key, value == null ? "" : value);
        });
        updated.put("attributes", attributes);
        HttpResponse<String> response = send("PUT", "/clients/" + client.get("id").asText(), updated);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("client not changed: " + response.statusCode() + " " + response.body());
        }
        return before;
    }

    /** Changes realm settings (e.g. brute-force limits) and returns their previous values. */
    public Map<String, Object> changeRealm(Map<String, Object> changes) {
        JsonNode realm = json(send("GET", "", null));
        Map<String, Object> before = new java.util.HashMap<>();
        changes.keySet().forEach(key -> before.put(key, JSON.convertValue(realm.get(key), Object.class)));
        HttpResponse<String> response = send("PUT", "", changes);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("realm not changed: " + response.statusCode() + " " + response.body());
        }
        return before;
    }

    /** Turns a required action of the seller realm on or off, as the admin console's switch does. */
    public void enableRequiredAction(String alias, boolean enabled) {
        Map<String, Object> action = JSON.convertValue(json(send("GET", "/authentication/required-actions/" + alias,
                null)), Map.class);
        action.put("enabled", enabled);
        HttpResponse<String> response = send("PUT", "/authentication/required-actions/" + alias, action);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("required action not changed: " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** The user's events of one type, newest first, as the admin console's Events tab shows them. */
    public JsonNode events(String userId, String type) {
        return json(send("GET", "/events?user=" + userId + "&type=" + type, null));
    }

    /** The user's events of every type, newest first. */
    public JsonNode events(String userId) {
        return json(send("GET", "/events?user=" + userId, null));
    }

    /** The user's active sessions, as the admin console's Sessions tab lists them. */
    public JsonNode sessions(String userId) {
        return json(send("GET", "/users/" + userId + "/sessions", null));
    }

    /** The user's offline sessions with the {@code admin-cli} client (the tests' password-grant client). */
    public JsonNode offlineSessions(String userId) {
        String client = json(send("GET", "/clients?clientId=admin-cli", null)).get(0).path("id").asText();
        return json(send("GET", "/users/" + userId + "/offline-sessions/" + client, null));
    }

    /** The recovery requests of one user in the reviewers' queue, as the server's admin reads it. */
    public List<JsonNode> recoveryRequestsOf(String userId) {
        List<JsonNode> mine = new java.util.ArrayList<>();
        json(send("GET", "/two-step-recovery/requests", null)).forEach(request -> {
            if (userId.equals(request.path("userId").asText())) {
                mine.add(request);
            }
        });
        return mine;
    }

    /** Gives the user a realm role of the seller realm. */
    public void grantRealmRole(String userId, String role) {
        roleMapping("POST", userId, role);
    }

    /** Takes a realm role of the seller realm away from the user. */
    public void revokeRealmRole(String userId, String role) {
        roleMapping("DELETE", userId, role);
    }

    private void roleMapping(String method, String userId, String role) {
        JsonNode rep = json(send("GET", "/roles/" + role, null));
        HttpResponse<String> mapped = send(method, "/users/" + userId + "/role-mappings/realm",
                List.of(JSON.convertValue(rep, Map.class)));
        if (mapped.statusCode() != 204) {
            throw new IllegalStateException(method + " of role " + role + " answered " + mapped.statusCode() + " "
                    + mapped.body());
        }
    }

    /**
     * Creates another realm with a user who holds a role of the same name as our reviewer role there, and
     * returns that user's access token from the other realm, issued for a client named as our review page's.
     */
    public String otherRealmReviewerToken(String realm, String role) {
        Map<String, Object> rep = Map.of("realm", realm, "enabled", true,
                "roles", Map.of("realm", List.of(Map.of("name", role))),
                "clients", List.of(Map.of("clientId", REVIEW_CLIENT, "publicClient", true,
                        "directAccessGrantsEnabled", true)),
                "users", List.of(Map.of("username", "reviewer", "enabled", true, "email", "reviewer@example.com",
                        "emailVerified", true, "firstName", "Other", "lastName", "Reviewer",
                        "realmRoles", List.of(role),
                        "credentials", List.of(Map.of("type", "password", "value", "Rev1ewer!", "temporary", false)))));
        HttpResponse<String> created = root("POST", "", rep);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("realm not created: " + created.statusCode() + " " + created.body());
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "grant_type=password&client_id=" + REVIEW_CLIENT + "&username=reviewer&password=Rev1ewer%21"))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a realm from its representation (another realm of the same server). */
    public void createRealm(Map<String, Object> rep) {
        HttpResponse<String> created = root("POST", "", rep);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("realm not created: " + created.statusCode() + " " + created.body());
        }
    }

    /** Any call under another realm's admin API, as the server's admin. */
    public HttpResponse<String> requestIn(String realm, String method, String path, Object body) {
        return root(method, "/" + realm + path, body);
    }

    public void deleteRealm(String realm) {
        root("DELETE", "/" + realm, null);
    }

    private HttpResponse<String> root(String method, String path, Object body) {
        return call(method, server.baseUrl() + "/admin/realms" + path, null, body, HttpResponse.BodyHandlers.ofString(),
                Duration.ofSeconds(60));
    }

    /** Deletes a user, as an admin does in the console. */
    public void deleteUser(String userId) {
        HttpResponse<String> response = send("DELETE", "/users/" + userId, null);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("user not deleted: " + response.statusCode() + " " + response.body());
        }
    }

    /** A POST of JSON under the seller realm's admin API, as the server's admin. */
    public HttpResponse<String> post(String path, Object body) {
        return send("POST", path, body);
    }

    /** A GET of bytes under the seller realm's admin API, as the server's admin (documents). */
    public HttpResponse<byte[]> download(String path) {
        return call("GET", sellerRealm(path), null, null, HttpResponse.BodyHandlers.ofByteArray(), Duration.ofSeconds(30));
    }

    /** The seller realm's admin events of one operation type, newest first. */
    public JsonNode adminEvents(String operationType) {
        return json(send("GET", "/admin-events?operationTypes=" + operationType, null));
    }

    /** Parses a JSON answer. */
    public static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GET under the seller realm's admin API as {@code bearer} (null: as the server's admin). */
    public HttpResponse<String> getAs(String bearer, String path) {
        return call("GET", sellerRealm(path), bearer, null, HttpResponse.BodyHandlers.ofString(), Duration.ofSeconds(30));
    }

    /** A POST of JSON under the seller realm's admin API as {@code bearer} (null: as the server's admin). */
    public HttpResponse<String> postAs(String bearer, String path, Object body) {
        return call("POST", sellerRealm(path), bearer, body, HttpResponse.BodyHandlers.ofString(), Duration.ofSeconds(30));
    }

    /** Keycloak's brute-force record of the user: numFailures, disabled (locked), ... */
    public JsonNode bruteForce(String userId) {
        return json(send("GET", "/attack-detection/brute-force/users/" + userId, null));
    }

    private JsonNode json(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("admin API answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        return call(method, sellerRealm(path), null, body, HttpResponse.BodyHandlers.ofString(), Duration.ofSeconds(30));
    }

    private String sellerRealm(String path) {
        return server.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + path;
    }

    /** One admin API call with a JSON body (or none), as {@code bearer} (null: as the server's admin). */
    private <T> HttpResponse<T> call(String method, String url, String bearer, Object body,
                                     HttpResponse.BodyHandler<T> answer, Duration timeout) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Authorization", "Bearer " + (bearer == null ? token() : bearer))
                    .header("Content-Type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return http.send(request.build(), answer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(KeycloakServer.ADMIN_USER, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(KeycloakServer.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("admin token refused: " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }
}
