package dev.twostep.core.recovery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;

/** Sign-in and enrollment find the installed recovery, and work on without one. */
class AccountRecoveriesTest {
    private static KeycloakSession sessionWith(AccountRecovery installed) {
        return (KeycloakSession) Proxy.newProxyInstance(KeycloakSession.class.getClassLoader(),
                new Class<?>[] {KeycloakSession.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProvider") && args.length == 1 && args[0] == AccountRecovery.class) {
                        return installed;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theInstalledRecoveryIsUsed() {
        AccountRecovery installed = new NoAccountRecovery();
        assertSame(installed, AccountRecoveries.of(sessionWith(installed)));
    }

    @Test
    void withoutTheRecoveryModuleNothingBlocksEnrollmentAndRecoveryIsReportedUnavailable() {
        AccountRecovery none = AccountRecoveries.of(sessionWith(null));
        assertInstanceOf(NoAccountRecovery.class, none);
        assertFalse(none.available(), "the pages say recovery is not offered");
        assertFalse(none.onPages(null), "no sign-in is ever on its pages");
        assertTrue(none.admitsEnrollment(null, null), "no approval can wait for another browser");
        assertTrue(none.news(null).isEmpty());
        none.settle(null, null); // nothing to settle, and no database to reach
    }
}
