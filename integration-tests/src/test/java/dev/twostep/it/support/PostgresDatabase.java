package dev.twostep.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL database a test Keycloak may use instead of the dev H2: Debian's server, which {@code .ci/run}
 * installs and starts, named by {@code TWOSTEP_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD}.
 */
public record PostgresDatabase(String jdbcUrl, String user, String password) {

    /** The database the environment names, if it names one. */
    public static Optional<PostgresDatabase> fromEnvironment() {
        String url = System.getenv("TWOSTEP_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new PostgresDatabase(url, System.getenv().getOrDefault("TWOSTEP_POSTGRES_USER", "twostep"),
                System.getenv().getOrDefault("TWOSTEP_POSTGRES_PASSWORD", "twostep")));
    }

    /**
     * The database for a test that needs one, emptied: a run without one skips the test, saying why, except
     * where it is required (CI), where that is a failure.
     */
    public static PostgresDatabase forTests() {
        Optional<PostgresDatabase> database = fromEnvironment();
        if (database.isEmpty() && required()) {
            throw new IllegalStateException("TWOSTEP_POSTGRES_REQUIRED is set but TWOSTEP_POSTGRES_URL is not");
        }
        Assumptions.assumeTrue(database.isPresent(), "no PostgreSQL named by "
                + "TWOSTEP_POSTGRES_URL: skipped (.ci/run installs and starts one)");
        database.get().reset();
        return database.get();
    }

    /** True where a missing database is an error (CI), not a reason to skip. */
    public static boolean required() {
        return "1".equals(System.getenv("TWOSTEP_POSTGRES_REQUIRED"));
    }

    /** Empties the database, so that a run never sees an earlier run's realm, users or requests. */
    public void reset() {
        try (Connection connection = connect();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + jdbcUrl + " cannot be reset: " + e.getMessage(), e);
        }
    }

    /** A connection of its own, for a test that looks at or ages what Keycloak stored. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** Keycloak's options for this database. */
    public List<String> keycloakOptions() {
        return List.of("--db=postgres", "--db-url=" + jdbcUrl, "--db-username=" + user, "--db-password=" + password);
    }
}
