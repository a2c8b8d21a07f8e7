package dev.twostep.it.support;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension that starts one Keycloak for the whole test JVM (the first class that needs it starts
 * it; JUnit closes it after the last). Test classes get it with {@link #server()}.
 */
public final class SharedKeycloak implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SharedKeycloak.class);

    /** The running server; set once per JVM by the extension, read by tests and page objects. */
    private static volatile KeycloakServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NS).getOrComputeIfAbsent("server", key -> start(), Handle.class);
    }

    public static KeycloakServer server() {
        if (server == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SharedKeycloak.class)");
        }
        return server;
    }

    private static Handle start() {
        String external = System.getProperty("twostep.external.port", "");
        if (!external.isBlank()) {
            // A developer's running server (the demo): use it, never stop it.
            server = KeycloakServer.fromSystemProperties(Integer.parseInt(external.trim()));
            return new Handle(null);
        }
        KeycloakServer started = KeycloakServer.fromSystemProperties(KeycloakServer.freePort());
        try {
            started.start(true, ProcessBuilder.Redirect.appendTo(Path.of(System.getProperty("twostep.log")).toFile()));
        } catch (Exception e) {
            throw new IllegalStateException("Keycloak did not start; see " + System.getProperty("twostep.log"), e);
        }
        server = started;
        return new Handle(started);
    }

    /** Closes the server when JUnit closes the root store, at the end of the run. */
    private record Handle(KeycloakServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
