package dev.twostep.core.recovery;

import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Finds the installed account recovery. */
public final class AccountRecoveries {
    private AccountRecoveries() {
    }

    /** The recovery of this request: the installed provider, or {@link NoAccountRecovery} without one. */
    public static AccountRecovery of(KeycloakSession session) {
        AccountRecovery recovery = session.getProvider(AccountRecovery.class);
        return recovery == null ? new NoAccountRecovery() : recovery;
    }

    /** The config fields of every installed recovery, for the sign-in step's policy form. */
    public static List<ProviderConfigProperty> policyProperties(KeycloakSessionFactory factory) {
        return factory.getProviderFactoriesStream(AccountRecovery.class)
                .map(AccountRecoveryFactory.class::cast)
                .flatMap(recovery -> recovery.policyProperties().stream())
                .toList();
    }
}
