package dev.twostep.core.recovery;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderFactory;

/** Builds the {@link AccountRecovery} of a request. */
public interface AccountRecoveryFactory extends ProviderFactory<AccountRecovery> {
    /** The recovery's own limits, shown with the rest of the 2SV policy in the sign-in step's config. */
    default List<ProviderConfigProperty> policyProperties() {
        return List.of();
    }
}
