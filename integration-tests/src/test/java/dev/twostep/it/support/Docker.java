package dev.twostep.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The {@code docker} and compose command-line clients, run as an admin types them, against the engine
 * {@code DOCKER_HOST} names (CI starts a private one: {@code docker/engine.sh}). Without an engine the
 * container tests are skipped, unless {@code TWOSTEP_DOCKER_REQUIRED=1} (CI) makes that a failure.
 */
public final class Docker {
    /** The repository's root: the build context of {@code docker/Dockerfile}. */
    public static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    /** What a command printed (standard output and error together) and how it ended. */
    public record Run(List<String> command, int exit, String output) {
        public boolean succeeded() {
            return exit == 0;
        }

        /** The output, or an error that carries the command and its output. */
        public String orFail() {
            if (!succeeded()) {
                throw new AssertionError(String.join(" ", command) + " ended with " + exit + ":\n" + output);
            }
            return output;
        }
    }

    private Docker() {
    }

    /** Skips the calling test when no engine answers; fails it instead where the run requires Docker. */
    public static void assumeEngine() {
        Run version = run(Duration.ofSeconds(30), Map.of(), "docker", "version", "--format", "{{.Server.Version}}");
        String why = "no Docker engine answers (" + version.output().strip() + ")";
        if ("1".equals(System.getenv("TWOSTEP_DOCKER_REQUIRED"))) {
            if (!version.succeeded()) {
                throw new AssertionError(why + ", and TWOSTEP_DOCKER_REQUIRED=1");
            }
        }
        Assumptions.assumeTrue(version.succeeded(), why);
    }

    /**
     * Where the base images are still being made while the suite runs ({@code .ci/run} starts
     * {@code docker/base-images/build.sh} beside Maven and names its log in {@code TWOSTEP_BASE_IMAGES_LOG}),
     * waits for it to end; fails with its log when it failed. Without that variable there is nothing to wait for.
     */
    public static void awaitBaseImages() {
        String log = System.getenv("TWOSTEP_BASE_IMAGES_LOG");
        if (log == null || log.isBlank()) {
            return;
        }
        Path file = Path.of(log);
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (true) {
            String written = read(file);
            if (written.contains(BASE_IMAGES_READY)) {
                return;
            }
            if (written.contains(BASE_IMAGES_FAILED) || System.nanoTime() > deadline) {
                throw new AssertionError("the base images are not there; " + file + " says:\n" + written);
            }
            Pause.millis(2_000);
        }
    }

    /** The last lines {@code .ci/run} writes to the base images' log. */
    private static final String BASE_IMAGES_READY = "base images: ready";
    private static final String BASE_IMAGES_FAILED = "base images: failed";

    private static String read(Path file) {
        try {
            return java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Run run(Duration timeout, Map<String, String> environment, String... command) {
        return run(timeout, environment, List.of(command));
    }

    /** Runs {@code command} in the repository's root with {@code environment} added to this JVM's. */
    public static Run run(Duration timeout, Map<String, String> environment, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Run(command, -1, e.getMessage());
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), "docker-output");
        reader.start();
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                reader.join(5_000);
                return new Run(command, -2, "timed out after " + timeout + ":\n" + output.toString(StandardCharsets.UTF_8));
            }
            reader.join(5_000);
            return new Run(command, process.exitValue(), output.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /**
     * The compose client: Docker's plugin ({@code docker compose}) where it is installed, else the
     * stand-alone {@code docker-compose} (Debian's package).
     */
    public static List<String> compose() {
        boolean plugin = run(Duration.ofSeconds(20), Map.of(), "docker", "compose", "version").succeeded();
        return plugin ? List.of("docker", "compose") : List.of("docker-compose");
    }

    /**
     * The address the host has on Docker's default bridge: where containers reach a server of the tests. An
     * engine that made its bridge just now may name no gateway in the network's settings (seen on a fresh
     * machine: a stand-in then bound to loopback, out of the containers' reach); the bridge's own interface
     * has it.
     */
    public static String bridgeGateway() {
        String configured = run(Duration.ofSeconds(20), Map.of(), "docker", "network", "inspect", "bridge", "--format",
                "{{range .IPAM.Config}}{{.Gateway}} {{end}}").orFail().strip();
        for (String candidate : configured.split("\\s+")) {
            if (candidate.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                return candidate;
            }
        }
        try {
            java.net.NetworkInterface bridge = java.net.NetworkInterface.getByName("docker0");
            if (bridge != null) {
                for (java.net.InetAddress address : java.util.Collections.list(bridge.getInetAddresses())) {
                    if (address instanceof java.net.Inet4Address) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (java.net.SocketException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no address of Docker's bridge: the network says '" + configured
                + "' and there is no docker0 interface with an IPv4 address");
    }

    /** The health a container's health check last reported: starting, healthy or unhealthy. */
    public static String health(String container) {
        return run(Duration.ofSeconds(20), Map.of(), "docker", "inspect", "--format", "{{.State.Health.Status}}",
                container).orFail().strip();
    }

    /** Waits until {@code container}'s health check says healthy; fails at once when it says unhealthy. */
    public static void awaitHealthy(String container, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String health = health(container);
        while (!"healthy".equals(health)) {
            if ("unhealthy".equals(health) || System.nanoTime() > deadline) {
                throw new AssertionError(container + " is " + health + "; its log ends:\n" + logTail(container));
            }
            Pause.millis(1_000);
            health = health(container);
        }
    }

    public static String logTail(String container) {
        return run(Duration.ofSeconds(20), Map.of(), "docker", "logs", "--tail", "60", container).output();
    }

    /** Containers, or volumes, that carry {@code label}: what a project left behind. */
    public static List<String> withLabel(String kind, String label) {
        List<String> command = new ArrayList<>(List.of("docker", kind, "ls", "--quiet", "--filter", "label=" + label));
        if (kind.equals("container")) {
            command.add(3, "--all");
        }
        return run(Duration.ofSeconds(20), Map.of(), command).orFail().lines().filter(line -> !line.isBlank()).toList();
    }

    private static void copy(InputStream from, ByteArrayOutputStream to) {
        try (from) {
            from.transferTo(to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
