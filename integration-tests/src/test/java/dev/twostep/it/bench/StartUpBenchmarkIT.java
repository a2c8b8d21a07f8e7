package dev.twostep.it.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.twostep.it.support.KeycloakServer;

/**
 * Keycloak's start with and without our JAR in {@code providers/}, each from its own copy of the
 * distribution with an empty database: {@code kc.sh build} (the augmentation), {@code start --optimized}
 * and {@code start-dev} (which augments as it starts), each until the master realm answers. Rounds alternate
 * the two copies, so that the machine's drift falls on both; the ratios are printed, nothing fails on them.
 */
@BenchPart({"startup"})
class StartUpBenchmarkIT {
    private static final int ROUNDS = Integer.getInteger("bench.startupRounds", 2);
    private static final Duration READY_WITHIN = Duration.ofMinutes(4);

    @Test
    void startWithAndWithoutOurJar() throws Exception {
        Path home = Path.of(System.getProperty("twostep.kc.home"));
        Path with = home.resolveSibling("startup-with-two-step");
        Path without = home.resolveSibling("startup-without");
        KeycloakServer.copyDistribution(home, with);
        KeycloakServer.copyDistribution(home, without);
        // Ours alone in one copy (not the benchmark's notes probe), no provider at all in the other.
        removeJars(with, "-bench-probe.jar");
        removeJars(without, ".jar");
        Map<String, List<Duration>> times = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Path copy : List.of(with, without)) {
                String name = copy == with ? "with" : "without";
                times.computeIfAbsent(name + " build", key -> new ArrayList<>()).add(build(copy, copy == with));
                List<String> optimized = new ArrayList<>(List.of("start", "--optimized", "--http-enabled=true",
                        "--hostname-strict=false"));
                if (copy == with) {
                    // Production mode refuses to start without a chosen sender (it fails closed); the outbox
                    // costs nothing at start-up, so the times compare the JAR, not a sender's set-up.
                    // (the provider choice is fixed by the build, as for every Keycloak provider: see build()).
                    optimized.add("--spi-two-step-sender--outbox--file=" + copy.resolve("outbox.jsonl").toAbsolutePath());
                }
                times.computeIfAbsent(name + " start --optimized", key -> new ArrayList<>())
                        .add(start(copy, optimized.toArray(String[]::new)));
                times.computeIfAbsent(name + " start-dev", key -> new ArrayList<>()).add(start(copy, "start-dev"));
            }
        }
        StringBuilder report = new StringBuilder("[benchmark] Keycloak start, best of " + ROUNDS
                + " alternating rounds, master realm only, empty dev database\n");
        for (String part : List.of("build", "start --optimized", "start-dev")) {
            double withMs = best(times.get("with " + part));
            double withoutMs = best(times.get("without " + part));
            report.append(String.format("[benchmark]   %-18s without our JAR %5.1f s, with it %5.1f s: with/without = "
                    + "%.2f%n", part, withoutMs / 1000, withMs / 1000, withMs / withoutMs));
        }
        System.out.print(report);
        times.values().forEach(measured -> assertTrue(measured.stream().allMatch(d -> d.toMillis() > 0)));
    }

    private static void removeJars(Path copy, String ending) throws IOException {
        try (Stream<Path> providers = Files.list(copy.resolve("providers"))) {
            for (Path jar : providers.filter(path -> path.getFileName().toString().endsWith(ending)).toList()) {
                Files.delete(jar);
            }
        }
    }

    private static double best(List<Duration> measured) {
        return measured.stream().mapToLong(Duration::toMillis).min().orElseThrow();
    }

    private static Duration build(Path copy, boolean withOurJar) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("build", "--db=dev-file"));
        if (withOurJar) {
            arguments.add("--spi-two-step-sender--provider=outbox");
        }
        long began = System.nanoTime();
        Process build = launcher(copy, arguments).start();
        assertTrue(build.waitFor(READY_WITHIN.toSeconds(), TimeUnit.SECONDS), "kc.sh build did not end in time");
        assertTrue(build.exitValue() == 0, "kc.sh build failed; see " + log());
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /** Starts {@code copy} with a fresh database and stops it once the master realm answers; the time until then. */
    private static Duration start(Path copy, String... command) throws IOException, InterruptedException {
        KeycloakServer.deleteTree(copy.resolve("data"));
        int port = KeycloakServer.freePort();
        List<String> arguments = new ArrayList<>(List.of(command));
        arguments.addAll(List.of("--db=dev-file", "--http-port=" + port, "--http-management-port=" + KeycloakServer.freePort()));
        long began = System.nanoTime();
        Process server = launcher(copy, arguments).start();
        try {
            awaitMasterRealm(server, port);
            return Duration.ofNanos(System.nanoTime() - began);
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static ProcessBuilder launcher(Path copy, List<String> arguments) throws IOException {
        List<String> line = new ArrayList<>(List.of(copy.resolve("bin/kc.sh").toString()));
        line.addAll(arguments);
        Path tmp = copy.resolve("tmp");
        Files.createDirectories(tmp);
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().put("JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + tmp.toAbsolutePath());
        return builder;
    }

    private static void awaitMasterRealm(Process server, int port) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/realms/master/.well-known/openid-configuration")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("Keycloak exited with code " + server.exitValue() + "; see " + log());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Keycloak was not ready within " + READY_WITHIN + "; see " + log());
    }

    private static Path log() {
        return Path.of(System.getProperty("twostep.log"));
    }
}
