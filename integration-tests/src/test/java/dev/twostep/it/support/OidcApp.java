package dev.twostep.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A web app that delegates sign-in to the realm as apps do: the authorization code flow with PKCE (S256)
 * through the shipped {@code seller-portal} client. It listens on a free loopback port for the redirect
 * back, so the browser really lands on an app, and exchanges the code at the token endpoint.
 */
public final class OidcApp implements AutoCloseable {
    public static final String CLIENT_ID = "seller-portal";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One sign-in attempt: what the app remembers between sending the browser away and its return. */
    public record Attempt(String url, String state, String verifier) {
    }

    private final KeycloakServer server;
    private final String clientId;
    private final HttpServer callback;
    private final BlockingQueue<Map<String, String>> returns = new ArrayBlockingQueue<>(16);

    public OidcApp(KeycloakServer server) {
        this(server, CLIENT_ID);
    }

    /** The app of another public client of the realm (the reviewers' page's, say). */
    public OidcApp(KeycloakServer server, String clientId) {
        this.server = server;
        this.clientId = clientId;
        try {
            callback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        callback.createContext("/callback", exchange -> {
            returns.add(query(exchange.getRequestURI().getRawQuery()));
            byte[] page = "<html><body><h1 id=\"app\">Seller portal</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        callback.start();
        new AdminApi(server).allowRedirect(clientId, redirectUri());
    }

    public String redirectUri() {
        return "http://127.0.0.1:" + callback.getAddress().getPort() + "/callback";
    }

    /** A new authorization request; {@code acrValues} may be null. */
    public Attempt start(String acrValues) {
        return start(acrValues, true);
    }

    /** An authorization request, with or without the PKCE challenge. */
    public Attempt start(String acrValues, boolean pkce) {
        String verifier = random(32);
        String state = random(16);
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri());
        params.put("response_type", "code");
        params.put("scope", "openid");
        params.put("state", state);
        params.put("nonce", random(16));
        if (pkce) {
            params.put("code_challenge", challenge(verifier));
            params.put("code_challenge_method", "S256");
        }
        if (acrValues != null) {
            params.put("acr_values", acrValues);
        }
        return new Attempt(server.realmUrl() + "/protocol/openid-connect/auth?" + form(params), state, verifier);
    }

    /** Waits for the browser to come back to the app and returns the authorization code it carries. */
    public String awaitCode(Attempt attempt) {
        Map<String, String> back = awaitReturn(attempt);
        if (back.get("code") == null) {
            throw new AssertionError("no code in the redirect: " + back);
        }
        return back.get("code");
    }

    /** Waits for the browser to come back to the app; returns the redirect's parameters (code, or error). */
    public Map<String, String> awaitReturn(Attempt attempt) {
        try {
            Map<String, String> back = returns.poll(60, TimeUnit.SECONDS);
            if (back == null) {
                throw new AssertionError("the browser never came back to the app");
            }
            if (!attempt.state().equals(back.get("state"))) {
                throw new AssertionError("state does not match: " + back);
            }
            return back;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Exchanges the code with the given verifier (the attempt's own one, unless a test forges it). */
    public TokenEndpoint.Answer exchange(String code, String verifier) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri());
        params.put("code", code);
        if (verifier != null) {
            params.put("code_verifier", verifier);
        }
        return new TokenEndpoint(server).grant(params);
    }

    /** Waits for the attempt's callback, exchanges its code with its verifier, and reads the ID token. */
    public com.fasterxml.jackson.databind.JsonNode idToken(Attempt attempt) {
        TokenEndpoint.Answer tokens = exchange(awaitCode(attempt), attempt.verifier());
        if (tokens.status() != 200) {
            throw new AssertionError("the token endpoint answered " + tokens.status() + ": " + tokens.body());
        }
        return Jwt.claims(tokens.body().path("id_token").asText());
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String form(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((key, value) -> out.append(out.length() == 0 ? "" : "&").append(key).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    @Override
    public void close() {
        callback.stop(0);
    }
}
