package dev.twostep.core.method;

import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;

import dev.twostep.core.StoredCredentialProvider;

/**
 * Stores app bindings, so that an admin's import of users with 2SV (which creates credentials through their
 * providers) can carry them. No flow names the type, so the Account Console never lists it.
 */
public final class AppBindingCredentialProvider extends StoredCredentialProvider<AppBinding> {
    public AppBindingCredentialProvider(KeycloakSession session) {
        super(session, AppBinding.TYPE, AppBinding::from);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        return twoFactor("twoStepAppBindingDisplayName", "twoStepAppBindingHelpText", "kcAuthenticatorDefaultClass",
                false).build(session);
    }
}
