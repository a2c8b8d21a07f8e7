package dev.twostep.core;

import java.util.Objects;
import java.util.Set;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;

/** When a user's newest credential of some types was stored: Keycloak stamps each one as it is set. */
public final class NewestCredential {
    private NewestCredential() {
    }

    /** The newest creation time among the user's credentials of {@code types}, 0 when there is none. */
    public static long storedAt(UserModel user, String... types) {
        Set<String> wanted = Set.of(types);
        return user.credentialManager().getStoredCredentialsStream()
                .filter(credential -> wanted.contains(credential.getType()))
                .map(CredentialModel::getCreatedDate).filter(Objects::nonNull).mapToLong(Long::longValue)
                .max().orElse(0);
    }
}
