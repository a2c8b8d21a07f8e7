package dev.twostep.core.passkey;

import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;

import dev.twostep.core.StoredCredentialProvider;

/**
 * Stores passkey bindings, so that an admin's import of users with 2SV (which creates credentials through their
 * providers) can carry them. No flow names the type, so the Account Console never lists it.
 */
public final class PasskeyBindingCredentialProvider extends StoredCredentialProvider<PasskeyBinding> {
    public PasskeyBindingCredentialProvider(KeycloakSession session) {
        super(session, PasskeyBinding.TYPE, PasskeyBinding::from);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        return twoFactor("twoStepPasskeyBindingDisplayName", "twoStepPasskeyBindingHelpText", "kcAuthenticatorDefaultClass",
                false).build(session);
    }
}
