package dev.twostep.it.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.twostep.it.support.AdminApi;
import dev.twostep.it.support.KeycloakServer;
import dev.twostep.it.support.OidcApp;
import dev.twostep.it.support.Seller;

/**
 * What the benchmark needs in the seller realm: a client on a password-only flow, a client on Keycloak's
 * own password + OTP form flow (our flow is the realm's browser flow), and many users imported with 2SV.
 */
final class BenchRealm {
    static final String PASSWORD_CLIENT = "bench-password";
    static final String OTP_FORM_CLIENT = "bench-otp-form";
    static final String TWO_STEP_CLIENT = OidcApp.CLIENT_ID;
    private static final int IMPORT_BATCH = 100;
    private static final String PASSWORD_FORM = "auth-username-password-form";

    private final KeycloakServer server;
    private final AdminApi admin;
    private final int numberBase = ThreadLocalRandom.current().nextInt(1_000_000);

    BenchRealm(KeycloakServer server) {
        this.server = server;
        this.admin = new AdminApi(server);
        clientOnFlow(PASSWORD_CLIENT, flow(PASSWORD_CLIENT, List.of(PASSWORD_FORM)));
        clientOnFlow(OTP_FORM_CLIENT, flow(OTP_FORM_CLIENT, List.of(PASSWORD_FORM, "auth-otp-form")));
    }

    /** {@code count} new users named {@code prefix-...}, imported in batches (Keycloak hashes each password). */
    List<BenchUser> users(String prefix, int count, BenchUser.Primary primary) {
        List<BenchUser> users = new ArrayList<>();
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        for (int i = 0; i < count; i++) {
            users.add(new BenchUser("bench-" + prefix + "-" + run + "-" + i,
                    String.format("+39347%07d", (numberBase + users.size() + prefix.hashCode() * 10_000L) % 10_000_000),
                    "bench-secret-" + run + "-" + prefix + i, primary));
        }
        for (int from = 0; from < users.size(); from += IMPORT_BATCH) {
            admin.importUsers(users.subList(from, Math.min(users.size(), from + IMPORT_BATCH)).stream()
                    .map(user -> AdminApi.sellerWithMethods(user.username(), Seller.PASSWORD, user.phone(),
                            user.appSecret(), user.primary() == BenchUser.Primary.APP))
                    .toList());
        }
        return users;
    }

    /**
     * A top-level flow shaped as the realm's own browser flow ("seller browser": the SSO cookie, the identity
     * provider redirector, then a forms subflow) with {@code forms} in the subflow, each required: so (a) and
     * (b) differ from our flow only in the step after the password. Returns the flow's id.
     */
    private String flow(String alias, List<String> forms) {
        HttpResponse<String> created = admin.request("POST", "/authentication/flows", Map.of("alias", alias,
                "providerId", "basic-flow", "topLevel", true, "builtIn", false, "description", "benchmark"));
        if (created.statusCode() == 201) {
            String subflow = alias + " forms";
            addExecution(alias, "auth-cookie");
            addExecution(alias, "identity-provider-redirector");
            expect(201, admin.request("POST", "/authentication/flows/" + alias + "/executions/flow",
                    Map.of("alias", subflow, "type", "basic-flow", "description", "benchmark")));
            forms.forEach(form -> addExecution(subflow, form));
            for (JsonNode execution : AdminApi.parse(admin.request("GET", "/authentication/flows/" + alias
                    + "/executions", null).body())) {
                boolean alternative = execution.path("level").asInt() == 0;
                ((ObjectNode) execution).put("requirement", alternative ? "ALTERNATIVE" : "REQUIRED");
                expect(202, admin.request("PUT", "/authentication/flows/" + alias + "/executions", execution));
            }
        } else {
            expect(409, created);
        }
        for (JsonNode flow : AdminApi.parse(admin.request("GET", "/authentication/flows", null).body())) {
            if (alias.equals(flow.path("alias").asText())) {
                return flow.path("id").asText();
            }
        }
        throw new IllegalStateException("flow " + alias + " not found");
    }

    private void addExecution(String flowAlias, String authenticator) {
        expect(201, admin.request("POST", "/authentication/flows/" + flowAlias.replace(" ", "%20")
                + "/executions/execution", Map.of("provider", authenticator)));
    }

    private void clientOnFlow(String clientId, String flowId) {
        HttpResponse<String> created = admin.request("POST", "/clients", Map.of("clientId", clientId,
                "publicClient", true, "standardFlowEnabled", true, "directAccessGrantsEnabled", false,
                "redirectUris", List.of("http://localhost:3000/*"),
                "authenticationFlowBindingOverrides", Map.of("browser", flowId)));
        if (created.statusCode() != 201) {
            expect(409, created);
        }
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status && !(status == 202 && response.statusCode() == 204)) {
            throw new IllegalStateException("admin API answered " + response.statusCode() + ": " + response.body());
        }
    }
}
