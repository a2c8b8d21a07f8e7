package dev.twostep.core.phone;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import dev.twostep.core.RequiredActionIds;

/** Stores phone methods, and describes them to the Account Console's "Signing in" page. */
public final class PhoneCredentialProvider implements CredentialProvider<PhoneCredentialModel> {
    private final KeycloakSession session;

    public PhoneCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return PhoneCredentialModel.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, PhoneCredentialModel model) {
        return user.credentialManager().createStoredCredential(model);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public PhoneCredentialModel getCredentialFromModel(CredentialModel model) {
        return PhoneCredentialModel.from(model);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        CredentialTypeMetadata.CredentialTypeMetadataBuilder metadata = CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName("twoStepPhoneDisplayName")
                .helpText("twoStepPhoneHelpText")
                .iconCssClass("kcAuthenticatorOTPClass")
                .removeable(false);
        // Keycloak takes one action per type: set up 2SV when the user has no phone yet; otherwise "Update"
        // opens Advanced Security Settings, which asks for a code first.
        boolean hasPhone = context.getUser() != null && context.getUser().credentialManager()
                .getStoredCredentialsByTypeStream(getType()).findAny().isPresent();
        return (hasPhone ? metadata.updateAction(RequiredActionIds.SETTINGS)
                : metadata.createAction(RequiredActionIds.ENROLL)).build(session);
    }
}
