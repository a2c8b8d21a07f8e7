package dev.twostep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * What the real runs (ComposeIT, ContainerSignInIT) cannot see, checked without an engine: the image is the
 * Keycloak version the rest of the build tests against (the container run builds whatever the Dockerfile
 * names), the published ports stay on loopback unless an admin says otherwise, and every setting the compose
 * file passes, and the sender build argument, is one the README documents.
 */
class DockerFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }

    private static String keycloakVersion() throws IOException {
        Matcher version = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>").matcher(read("pom.xml"));
        assertTrue(version.find(), "the parent POM names the Keycloak version");
        return version.group(1);
    }

    @Test
    void theImageIsTheKeycloakWeTestAgainst() throws IOException {
        String dockerfile = read("docker/Dockerfile");
        assertTrue(dockerfile.contains("ARG KEYCLOAK_VERSION=" + keycloakVersion() + "\n"), "Dockerfile Keycloak version");
        assertEquals(2, dockerfile.lines().filter(line -> line.startsWith("FROM ")).count(), "kc.sh build, runtime");
        assertTrue(dockerfile.contains("FROM quay.io/keycloak/keycloak:${KEYCLOAK_VERSION}"));
    }

    @Test
    void theJarIsInstalledBeforeKeycloaksBuildStep() throws IOException {
        String dockerfile = read("docker/Dockerfile");
        int copy = dockerfile.indexOf("/opt/keycloak/providers/two-step.jar");
        int build = dockerfile.indexOf("/opt/keycloak/bin/kc.sh build");
        assertTrue(copy > 0 && build > copy, "the JAR goes to /opt/keycloak/providers/ before kc.sh build");
        assertTrue(dockerfile.contains("--optimized"), "the runtime starts the built server");
        String ignored = read(".dockerignore");
        assertTrue(ignored.contains("!provider/target/two-step-*.jar") && ignored.contains("!realm-config/seller-realm.json"),
                "the build context holds the JAR and the realm, and nothing else");
    }

    @Test
    void publishedPortsStayOnLoopbackByDefault() throws IOException {
        List<String> ports = Pattern.compile("(?m)^\\s+- \"([^\"]+:\\d+)\"$").matcher(read("docker/compose.yaml")).results()
                .map(match -> match.group(1)).toList();
        assertEquals(2, ports.size(), ports.toString());
        ports.forEach(port -> assertTrue(port.startsWith("${KEYCLOAK_PUBLISH_ADDRESS:-127.0.0.1}:")
                || port.startsWith("127.0.0.1:"), port));
    }

    @Test
    void composeRunsPostgresWithHealthChecksAndDocumentedSettings() throws IOException {
        String compose = read("docker/compose.yaml");
        String readme = read("README.md");
        assertEquals(2, Pattern.compile("(?m)^    healthcheck:").matcher(compose).results().count(),
                "both services have health checks");
        assertTrue(compose.contains("condition: service_healthy"), "Keycloak waits for PostgreSQL");
        assertTrue(compose.contains("image: postgres:"));
        List<String> settings = Pattern.compile("(?m)^\\s+(KC_[A-Z_]+):").matcher(compose).results()
                .map(match -> match.group(1)).toList();
        assertTrue(settings.contains("KC_SPI_TWO_STEP_SENDER__TWILIO__AUTH_TOKEN"), settings.toString());
        assertTrue(compose.contains("TWO_STEP_SENDER: ${TWO_STEP_SENDER:-twilio}"), "twilio unless told otherwise");
        settings = new java.util.ArrayList<>(settings);
        settings.addAll(List.of("TWO_STEP_SENDER", "KEYCLOAK_PUBLISH_ADDRESS", "KEYCLOAK_MANAGEMENT_PORT"));
        for (String setting : settings) {
            assertTrue(readme.contains(setting), setting + " is used by compose.yaml but not documented in the README");
        }
    }
}
