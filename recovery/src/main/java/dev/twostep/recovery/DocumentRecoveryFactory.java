package dev.twostep.recovery;

import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import dev.twostep.core.NoLifecycle;
import dev.twostep.core.recovery.AccountRecovery;
import dev.twostep.core.recovery.AccountRecoveryFactory;
import dev.twostep.recovery.request.RecoveryPolicy;

/** Installs {@link DocumentRecovery} as the account recovery of the sign-in and the enrollment. */
public final class DocumentRecoveryFactory implements AccountRecoveryFactory, NoLifecycle<AccountRecovery> {
    public static final String PROVIDER_ID = "documents";

    @Override
    public AccountRecovery create(KeycloakSession session) {
        return new DocumentRecovery(session);
    }

    @Override
    public List<ProviderConfigProperty> policyProperties() {
        return RecoveryPolicy.properties();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
