package dev.twostep.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * Where a sellers' sign-in in the browser ends: a one-line page on loopback, the redirect of the shipped
 * {@code seller-portal} client. Tests that only need "signed in" land here instead of the Account Console,
 * whose scripts take seconds to load on a 2-core machine; the code it receives is never exchanged
 * ({@link OidcApp} does that where tokens are tested). One per test JVM, as the server is.
 */
public final class LandingApp {
    private static LandingApp shared;

    private final KeycloakServer server;
    private final String redirectUri;

    private LandingApp(KeycloakServer server) throws IOException {
        this.server = server;
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/landing", exchange -> {
            byte[] page = "<html><head><title>Seller portal</title></head><body><h1 id=\"app\">Seller portal</h1></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        // Browsers ask every page's origin for an icon; a 404 would be an error in the console tests read.
        http.createContext("/favicon.ico", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        http.start();
        redirectUri = "http://127.0.0.1:" + http.getAddress().getPort() + "/landing";
        new AdminApi(server).allowRedirect(OidcApp.CLIENT_ID, redirectUri);
    }

    public static synchronized LandingApp of(KeycloakServer server) {
        if (shared == null || shared.server != server) {
            try {
                shared = new LandingApp(server);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    /** A fresh authorization request that lands here (code flow with a PKCE challenge, as the client demands). */
    public String signInUrl() {
        return FormBrowser.authorizationUrl(server.baseUrl(), OidcApp.CLIENT_ID, redirectUri, null);
    }

    /** True for an address of this app: the browser has left Keycloak signed in. */
    public boolean owns(String url) {
        return url != null && url.startsWith(redirectUri);
    }
}
