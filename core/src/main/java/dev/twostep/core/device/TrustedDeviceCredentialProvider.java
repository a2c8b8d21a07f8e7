package dev.twostep.core.device;

import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;

import dev.twostep.core.StoredCredentialProvider;

/** Stores trusted devices; the Account Console lists them so a seller can see and remove them. */
public final class TrustedDeviceCredentialProvider extends StoredCredentialProvider<TrustedDeviceCredentialModel> {
    public TrustedDeviceCredentialProvider(KeycloakSession session) {
        super(session, TrustedDeviceCredentialModel.TYPE, TrustedDeviceCredentialModel::from);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        return twoFactor("twoStepTrustedDeviceDisplayName", "twoStepTrustedDeviceHelpText",
                "kcAuthenticatorDefaultClass", true).build(session);
    }
}
