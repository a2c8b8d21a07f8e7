package dev.twostep.core.phone;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Registers {@link PhoneCredentialProvider} under the credential type's own name. */
public final class PhoneCredentialProviderFactory implements CredentialProviderFactory<PhoneCredentialProvider> {
    public static final String PROVIDER_ID = PhoneCredentialModel.TYPE;

    @Override
    public PhoneCredentialProvider create(KeycloakSession session) {
        return new PhoneCredentialProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
