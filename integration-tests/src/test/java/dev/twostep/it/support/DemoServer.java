package dev.twostep.it.support;

import java.io.IOException;

/**
 * The one-command demo: Keycloak with our JAR and the seller realm on http://localhost:8080, data kept
 * between runs, stopped with Ctrl-C.
 */
public final class DemoServer {
    private DemoServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        KeycloakServer server = KeycloakServer.fromSystemProperties(8080);
        System.out.println("two-step demo: starting Keycloak (about a minute)...");
        server.start(false, ProcessBuilder.Redirect.INHERIT);
        // Notices and "This wasn't me" links, caught here: the numbered files are the e-mails, newest last.
        DemoMail mail = new DemoMail(server.outbox().toAbsolutePath().normalize().resolveSibling("mail"));
        mail.connect(server);
        System.out.printf("""

                ==================================================================
                 two-step demo is running (Ctrl-C stops it)
                 Admin console : %s/admin/   (user %s, password %s)
                 Seller sign-in: %s   (user seller, password seller-demo-2sv)
                 Outbox (codes): %s
                 E-mails (.eml): %s
                ==================================================================
                %n""", server.baseUrl(), KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD,
                server.accountUrl(), server.outbox().toAbsolutePath().normalize(), mail.folder());
        Thread.currentThread().join();
    }
}
