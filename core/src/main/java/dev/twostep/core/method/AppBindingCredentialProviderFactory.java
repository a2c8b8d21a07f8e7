package dev.twostep.core.method;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Registers {@link AppBindingCredentialProvider} under the credential type's own name. */
public final class AppBindingCredentialProviderFactory implements CredentialProviderFactory<AppBindingCredentialProvider> {
    public static final String PROVIDER_ID = AppBinding.TYPE;

    @Override
    public AppBindingCredentialProvider create(KeycloakSession session) {
        return new AppBindingCredentialProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
