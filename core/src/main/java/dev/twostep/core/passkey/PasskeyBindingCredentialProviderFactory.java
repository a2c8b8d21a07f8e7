package dev.twostep.core.passkey;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Registers {@link PasskeyBindingCredentialProvider} under the credential type's own name. */
public final class PasskeyBindingCredentialProviderFactory implements CredentialProviderFactory<PasskeyBindingCredentialProvider> {
    public static final String PROVIDER_ID = PasskeyBinding.TYPE;

    @Override
    public PasskeyBindingCredentialProvider create(KeycloakSession session) {
        return new PasskeyBindingCredentialProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
