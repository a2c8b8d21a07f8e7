package dev.twostep.signin;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * This module knows account recovery only through core's {@code AccountRecovery}: the recovery module is not
 * even on its class path, so the JAR could leave it out and this module would still build and work.
 */
class NoRecoveryDependencyTest {
    @Test
    void theRecoveryModuleIsNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.twostep.recovery.RecoveryRequests"));
    }
}
