package dev.twostep.core.device;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Registers {@link TrustedDeviceCredentialProvider} under the credential type's own name. */
public final class TrustedDeviceCredentialProviderFactory
        implements CredentialProviderFactory<TrustedDeviceCredentialProvider> {
    public static final String PROVIDER_ID = TrustedDeviceCredentialModel.TYPE;

    @Override
    public TrustedDeviceCredentialProvider create(KeycloakSession session) {
        return new TrustedDeviceCredentialProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
