package dev.twostep.it.support;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A sign-in driven over plain HTTP, as a browser without scripts would: for measuring the server alone,
 * without the browser's own time. Each instance is a fresh browser (its own cookies).
 */
public final class HttpSignIn {
    /** The page after the password, and how long the server took to answer the password post. */
    public record Result(int status, String page, Duration passwordPost) {
    }

    public Result signIn(String authorizationUrl, String username, String password) {
        URI keycloak = URI.create(authorizationUrl);
        FormBrowser browser = new FormBrowser(List.of(keycloak.getScheme() + "://" + keycloak.getRawAuthority()));
        FormBrowser.Page login = browser.get(authorizationUrl);
        long start = System.nanoTime();
        FormBrowser.Page after = browser.submit(login, "kc-form-login", null,
                Map.of("username", username, "password", password, "credentialId", ""));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Result(after.status(), after.body(), took);
    }
}
