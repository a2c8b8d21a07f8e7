package dev.twostep.core.phone;

import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;

import dev.twostep.core.RequiredActionIds;
import dev.twostep.core.StoredCredentialProvider;

/** Stores phone methods, and describes them to the Account Console's "Signing in" page. */
public final class PhoneCredentialProvider extends StoredCredentialProvider<PhoneCredentialModel> {
    public PhoneCredentialProvider(KeycloakSession session) {
        super(session, PhoneCredentialModel.TYPE, PhoneCredentialModel::from);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        CredentialTypeMetadata.CredentialTypeMetadataBuilder metadata = twoFactor("twoStepPhoneDisplayName",
                "twoStepPhoneHelpText", "kcAuthenticatorOTPClass", false);
        // Keycloak takes one action per type: set up 2SV when the user has no phone yet; otherwise "Update"
        // opens Advanced Security Settings, which asks for a code first.
        boolean hasPhone = context.getUser() != null && context.getUser().credentialManager()
                .getStoredCredentialsByTypeStream(getType()).findAny().isPresent();
        return (hasPhone ? metadata.updateAction(RequiredActionIds.SETTINGS)
                : metadata.createAction(RequiredActionIds.ENROLL)).build(session);
    }
}
