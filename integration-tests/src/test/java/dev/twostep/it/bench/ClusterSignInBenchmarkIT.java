package dev.twostep.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.twostep.core.delivery.twilio.TwilioStandIn;
import dev.twostep.it.support.AdminApi;
import dev.twostep.it.support.KeycloakCluster;
import dev.twostep.it.support.PostgresDatabase;
import dev.twostep.it.support.SharedKeycloak;

/**
 * The sign-in benchmark across two clustered nodes on PostgreSQL (the cluster test's set-up), each request
 * of a sign-in going to the other node than the one before, as behind a round-robin balancer. Against the
 * one-server PostgreSQL run of the same {@code -Pbench} (its saved rates): two-node throughput over one-node
 * for (b) and (c). On one 2-core machine both nodes share the cores, so this shows the cluster's overhead
 * (sessions replicated, caches invalidated across nodes), not its scaling.
 */
@BenchPart({"cluster"})
class ClusterSignInBenchmarkIT {
    @Test
    void signInsAcrossTwoNodes() throws Exception {
        Path results = Path.of(System.getProperty("twostep.log")).getParent();
        try (TwilioStandIn twilio = new TwilioStandIn(SharedKeycloak.TWILIO_ACCOUNT, SharedKeycloak.TWILIO_ACCOUNT,
                SharedKeycloak.TWILIO_TOKEN);
             KeycloakCluster cluster = KeycloakCluster.start(PostgresDatabase.forTests(),
                     SharedKeycloak.twilioOptions(twilio))) {
            new AdminApi(cluster.a()).changePolicy(SharedKeycloak.SUITE_POLICY);
            SignInBenchmark.Report twoNodes = new SignInBenchmark(List.of(cluster.a(), cluster.b()), twilio,
                    "two nodes on PostgreSQL, requests round-robin", results.resolve("bench-cluster"), 0).run();
            twoNodes.results().forEach(result -> assertEquals(SignInBenchmark.SIGN_INS, result.count(), result.name()));
            // Round-robin must not make a reload or a status check on the other node send a second text.
            assertEquals(twoNodes.results().get(3).count(), twoNodes.smsTexts(), "one text per measured SMS sign-in");
            assertEquals(twoNodes.impatientSignIns(), twoNodes.impatientTexts(), "one text per impatient sign-in");
            Map<Integer, Double> oneNode = SignInBenchmark.saved(results.resolve("bench-postgres.properties"));
            if (oneNode.isEmpty()) {
                System.out.println("[benchmark] no one-server PostgreSQL rates in " + results
                        + " (run the bench-postgres execution first): no two-node/one-node ratios");
                return;
            }
            System.out.printf("[benchmark] two nodes / one node, sign-ins per second (2 cores shared: overhead, "
                            + "not scaling): (b) Keycloak OTP form %.2f, (c) two-step app %.2f%n",
                    twoNodes.perSecond(1) / oneNode.get(1), twoNodes.perSecond(2) / oneNode.get(2));
        }
    }
}
