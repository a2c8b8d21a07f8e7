package dev.twostep.core.device;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Stores trusted devices; the Account Console lists them so a seller can see and remove them. */
public final class TrustedDeviceCredentialProvider implements CredentialProvider<TrustedDeviceCredentialModel> {
    private final KeycloakSession session;

    public TrustedDeviceCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return TrustedDeviceCredentialModel.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, TrustedDeviceCredentialModel model) {
        return user.credentialManager().createStoredCredential(model);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public TrustedDeviceCredentialModel getCredentialFromModel(CredentialModel model) {
        return TrustedDeviceCredentialModel.from(model);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName("twoStepTrustedDeviceDisplayName")
                .helpText("twoStepTrustedDeviceHelpText")
                .iconCssClass("kcAuthenticatorDefaultClass")
                .removeable(true)
                .build(session);
    }
}
