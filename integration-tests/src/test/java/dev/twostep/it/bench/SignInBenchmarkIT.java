package dev.twostep.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.twostep.it.support.SharedKeycloak;

/**
 * The sign-in benchmark ({@link SignInBenchmark}) on the one server of this failsafe execution: the dev H2
 * database, or PostgreSQL where the execution says {@code twostep.db=postgres}. Its rates are saved for the
 * two-node run to compare against ({@link ClusterSignInBenchmarkIT}).
 */
@BenchPart({"h2", "postgres"})
@ExtendWith(SharedKeycloak.class)
class SignInBenchmarkIT {
    @Test
    void signInsPerSecondByFlow() {
        String database = System.getProperty("twostep.db", "h2");
        Path results = Path.of(System.getProperty("twostep.log")).getParent();
        SignInBenchmark.Report report = new SignInBenchmark(List.of(SharedKeycloak.server()), SharedKeycloak.twilio(),
                "one server on " + ("h2".equals(database) ? "dev H2" : "PostgreSQL"),
                results.resolve("bench-" + database), Integer.getInteger("bench.memorySignIns", 0)).run();
        report.results().forEach(result -> assertEquals(SignInBenchmark.SIGN_INS, result.count(), result.name()));
        assertEquals(report.results().get(3).count(), report.smsTexts(), "one text per measured SMS sign-in");
        assertEquals(report.impatientSignIns(), report.impatientTexts(), "one text per impatient sign-in");
        Path rates = results.resolve("bench-" + database + ".properties");
        SignInBenchmark.save(report, rates);
        assertEquals(report.results().size(), SignInBenchmark.saved(rates).size(), "rates saved for the cluster part");
    }
}
