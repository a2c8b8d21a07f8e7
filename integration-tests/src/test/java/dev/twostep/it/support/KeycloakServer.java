package dev.twostep.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the real Keycloak distribution (unpacked by Maven, our JAR in {@code providers/}) with the seller
 * realm imported, on the embedded dev defaults, and stops it with every child process. Shared by the test
 * suite (free ports, fresh data) and the demo (port 8080, data kept between runs).
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    public static final String REALM = "seller";

    private final Path home;
    private final Path outbox;
    private final int port;
    private Process process;

    public KeycloakServer(Path home, Path outbox, int port) {
        this.home = home;
        this.outbox = outbox;
        this.port = port;
    }

    /** Settings from the system properties Maven passes (see integration-tests/pom.xml). */
    public static KeycloakServer fromSystemProperties(int port) {
        return new KeycloakServer(Path.of(required("twostep.kc.home")), Path.of(required("twostep.outbox")), port);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts Keycloak and waits until the seller realm answers. {@code freshData} wipes the dev database
     * and the outbox first, so a test run never sees an earlier run's users.
     */
    public void start(boolean freshData, ProcessBuilder.Redirect output) throws IOException, InterruptedException {
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + home + "; run it through Maven");
        }
        if (freshData) {
            deleteTree(home.resolve("data"));
            Files.deleteIfExists(outbox);
        }
        removeBenchProbeUnlessAsked(home);
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Files.copy(Path.of(required("twostep.realm.file")), imports.resolve("seller-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Path tmp = home.resolve("tmp");
        Files.createDirectories(tmp);

        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-management-port=" + freePort(), "--import-realm",
                "--spi-two-step-sender--outbox--file=" + outbox.toAbsolutePath()));
        command.addAll(extraOptions);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Quarkus unpacks into java.io.tmpdir; keep that inside the build folder rather than /tmp.
        // twostep.kc.javaOpts: more JVM options for the server, e.g. a flight recording while benchmarking.
        builder.environment().put("JAVA_OPTS_APPEND", ("-Djava.io.tmpdir=" + tmp.toAbsolutePath() + " "
                + System.getProperty("twostep.kc.javaOpts", "")).trim());
        process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        awaitReady(Duration.ofMinutes(4));
    }

    private final List<String> extraOptions = new ArrayList<>();

    /**
     * A copy of the distribution with our provider, fresh for each run (its data folder is the copy's own): a
     * Keycloak home holds one server's build and transaction log.
     */
    public static void copyDistribution(Path from, Path to) throws IOException {
        deleteTree(to);
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path relative = from.relativize(source);
                if (relative.startsWith("data") || relative.startsWith("tmp")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** More {@code kc.sh} options for the next start (e.g. another code sender). */
    public KeycloakServer withOptions(List<String> options) {
        extraOptions.addAll(options);
        return this;
    }

    /**
     * The benchmark's notes probe (a provider JAR {@code -Pbench} packs into {@code providers/}) stays only for
     * the benchmark's servers ({@code twostep.bench.probe=true}): the suite's servers run our JAR alone, even
     * after a benchmark left the probe in the shared distribution folder.
     */
    static void removeBenchProbeUnlessAsked(Path home) throws IOException {
        if (Boolean.getBoolean("twostep.bench.probe") || !Files.isDirectory(home.resolve("providers"))) {
            return;
        }
        try (Stream<Path> providers = Files.list(home.resolve("providers"))) {
            for (Path probe : providers.filter(path -> path.getFileName().toString().endsWith("-bench-probe.jar")).toList()) {
                Files.delete(probe);
            }
        }
    }

    /** The server's process id (kc.sh execs the JVM, so this is Keycloak's own). */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String accountUrl() {
        return realmUrl() + "/account";
    }

    public Path outbox() {
        return outbox;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(1000);
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within " + timeout);
    }

    /** Stops kc.sh and the Java process it started. */
    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : tree) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run through Maven");
        }
        return value;
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
