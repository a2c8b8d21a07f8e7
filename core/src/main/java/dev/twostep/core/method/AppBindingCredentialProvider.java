package dev.twostep.core.method;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Stores app bindings, so that an admin's import of users with 2SV (which creates credentials through their
 * providers) can carry them. No flow names the type, so the Account Console never lists it.
 */
public final class AppBindingCredentialProvider implements CredentialProvider<AppBinding> {
    private final KeycloakSession session;

    public AppBindingCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return AppBinding.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, AppBinding model) {
        return user.credentialManager().createStoredCredential(model);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public AppBinding getCredentialFromModel(CredentialModel model) {
        return AppBinding.from(model);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName("twoStepAppBindingDisplayName")
                .helpText("twoStepAppBindingHelpText")
                .iconCssClass("kcAuthenticatorDefaultClass")
                .removeable(false)
                .build(session);
    }
}
