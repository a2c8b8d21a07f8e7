package dev.twostep.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Two Keycloak nodes on this machine clustered as in production: one PostgreSQL, Keycloak's embedded
 * Infinispan with its default JDBC_PING discovery (the nodes find each other through a table of the shared
 * database), different HTTP and cluster ports. Each node runs from its own copy of the distribution, since
 * a Keycloak home holds a node's build and transaction log.
 */
public final class KeycloakCluster implements AutoCloseable {
    private static final Pattern TWO_MEMBER_VIEW = Pattern.compile("ISPN000094: Received new cluster view .*\\(2\\)");
    private final List<KeycloakServer> nodes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    /** Starts node A, then node B, which joins A's cluster. */
    public static KeycloakCluster start(PostgresDatabase database) {
        return start(database, List.of());
    }

    /** The same, each node with more {@code kc.sh} options (another code sender, say). */
    public static KeycloakCluster start(PostgresDatabase database, List<String> moreOptions) {
        KeycloakCluster cluster = new KeycloakCluster();
        Path home = Path.of(System.getProperty("twostep.kc.home"));
        Path logs = Path.of(System.getProperty("twostep.log")).getParent();
        try {
            for (String name : List.of("a", "b")) {
                Path nodeHome = home.resolveSibling("cluster-node-" + name);
                KeycloakServer.copyDistribution(home, nodeHome);
                KeycloakServer node = new KeycloakServer(nodeHome, logs.resolve("outbox-node-" + name + ".jsonl"),
                        KeycloakServer.freePort());
                node.withOptions(database.keycloakOptions()).withOptions(SharedKeycloak.CACHED_THEMES).withOptions(List.of("--cache=ispn",
                        "--cache-embedded-network-bind-address=127.0.0.1",
                        "--cache-embedded-network-bind-port=" + KeycloakServer.freePort())).withOptions(moreOptions);
                cluster.nodes.add(node);
                Path log = logs.resolve("keycloak-node-" + name + ".log");
                cluster.logs.add(log);
                node.start(true, ProcessBuilder.Redirect.to(log.toFile()));
            }
            cluster.awaitBothMembers();
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            cluster.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** Node B's Infinispan must have joined A's: otherwise the tests would only show two lone servers. */
    private void awaitBothMembers() throws IOException, InterruptedException {
        for (int second = 0; second < 60; second++) {
            if (TWO_MEMBER_VIEW.matcher(Files.readString(logs.get(1))).find()) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the two nodes did not form one cluster; see " + logs);
    }

    public KeycloakServer a() {
        return nodes.get(0);
    }

    public KeycloakServer b() {
        return nodes.get(1);
    }

    @Override
    public void close() {
        nodes.forEach(KeycloakServer::close);
    }
}
