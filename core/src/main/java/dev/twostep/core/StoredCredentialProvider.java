package dev.twostep.core;

import java.util.function.Function;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A provider for a credential type of ours that Keycloak only stores: its codes (if any) are checked by our
 * steps, never through the provider. Keycloak needs one per type to import users with such credentials and
 * to describe the type to the Account Console; subclasses say only how.
 */
public abstract class StoredCredentialProvider<T extends CredentialModel> implements CredentialProvider<T> {
    protected final KeycloakSession session;
    private final String type;
    private final Function<CredentialModel, T> reader;

    protected StoredCredentialProvider(KeycloakSession session, String type, Function<CredentialModel, T> reader) {
        this.session = session;
        this.type = type;
        this.reader = reader;
    }

    @Override
    public final String getType() {
        return type;
    }

    @Override
    public final CredentialModel createCredential(RealmModel realm, UserModel user, T model) {
        return user.credentialManager().createStoredCredential(model);
    }

    @Override
    public final boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public final T getCredentialFromModel(CredentialModel model) {
        return reader.apply(model);
    }

    /** The type's metadata as a 2SV credential, with its message keys; subclasses add actions and build it. */
    protected final CredentialTypeMetadata.CredentialTypeMetadataBuilder twoFactor(String displayName, String helpText,
                                                                                   String iconCssClass, boolean removeable) {
        return CredentialTypeMetadata.builder()
                .type(type)
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName(displayName)
                .helpText(helpText)
                .iconCssClass(iconCssClass)
                .removeable(removeable);
    }
}
