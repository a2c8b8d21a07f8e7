package dev.twostep.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The realm's OIDC token endpoint, called as an integrator's script would. */
public final class TokenEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Status and JSON body of a token response. */
    public record Answer(int status, JsonNode body) {
    }

    private final KeycloakServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TokenEndpoint(KeycloakServer server) {
        this.server = server;
    }

    /** A password grant with the public {@code admin-cli} client, plus any extra parameters. */
    public Answer passwordGrant(String username, String password, Map<String, String> extra) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "admin-cli");
        form.put("username", username);
        form.put("password", password);
        form.putAll(extra);
        return grant(form);
    }

    /** A client-credentials grant: what an integration uses instead of a seller's password. */
    public Answer clientCredentials(String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return grant(form);
    }

    /** A refresh-token grant with the public {@code admin-cli} client, as a script that kept its token does. */
    public Answer refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", "admin-cli");
        form.put("refresh_token", refreshToken);
        return grant(form);
    }

    /** Any grant: the form parameters as given. */
    public Answer grant(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
