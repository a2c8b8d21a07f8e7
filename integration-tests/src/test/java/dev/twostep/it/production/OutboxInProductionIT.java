package dev.twostep.it.production;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.twostep.it.support.KeycloakServer;

/**
 * The outbox writes codes to a file: a production server ({@code kc.sh start}) that names no code sender
 * must not fall back to it. It refuses to start, saying why. Runs a copy of the distribution of its own,
 * since a production start builds the server.
 */
class OutboxInProductionIT {
    @Test
    void aProductionStartWithoutASenderRefusesToRun() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("twostep.kc.home"));
        Path copy = home.resolveSibling("production-check");
        KeycloakServer.copyDistribution(home, copy);
        Path log = Path.of(System.getProperty("twostep.log")).resolveSibling("keycloak-production-check.log");
        ProcessBuilder start = new ProcessBuilder(List.of(copy.resolve("bin/kc.sh").toString(), "start",
                "--http-enabled=true", "--hostname-strict=false", "--http-port=" + KeycloakServer.freePort(),
                "--http-management-port=" + KeycloakServer.freePort()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Path tmp = Files.createDirectories(copy.resolve("tmp"));
        start.environment().put("JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + tmp.toAbsolutePath());
        Process server = start.start();
        try {
            assertTrue(server.waitFor(5, TimeUnit.MINUTES), "the server should stop by itself; see " + log);
            assertNotEquals(0, server.exitValue(), "a refused start fails");
            String output = Files.readString(log);
            assertTrue(output.contains("two-step: no code sender is chosen"), "the reason is logged: " + log);
            assertTrue(!output.contains("Listening on:"), "it never served a request");
        } finally {
            server.destroyForcibly();
            KeycloakServer.deleteTree(copy);
        }
    }
}
