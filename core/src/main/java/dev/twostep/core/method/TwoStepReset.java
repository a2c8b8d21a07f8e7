package dev.twostep.core.method;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

import dev.twostep.core.RequiredActionIds;
import dev.twostep.core.device.TrustedDeviceCredentialModel;
import dev.twostep.core.passkey.PasskeyBinding;
import dev.twostep.core.phone.PhoneCredentialModel;
import dev.twostep.core.session.UserSessions;

/**
 * Turns a user's 2SV off entirely: every method and trusted device goes, every session ends (offline ones
 * too, and every token issued before is stale), and the next
 * sign-in walks the enrollment. Used when the seller disables 2SV (and when a recovery is approved).
 */
public final class TwoStepReset {
    private static final Set<String> TYPES = Set.of(PhoneCredentialModel.TYPE, OTPCredentialModel.TYPE,
            AppBinding.TYPE, PasskeyBinding.TYPE, TrustedDeviceCredentialModel.TYPE);

    private final KeycloakSession session;

    public TwoStepReset(KeycloakSession session) {
        this.session = session;
    }

    /** Returns how many credentials were removed. */
    public int reset(RealmModel realm, UserModel user) {
        List<CredentialModel> stored = user.credentialManager().getStoredCredentialsStream().toList();
        List<String> ids = new ArrayList<>(stored.stream()
                .filter(credential -> TYPES.contains(credential.getType()))
                .map(CredentialModel::getId).toList());
        // Our passkeys go with their bindings; a security key Keycloak holds for another purpose stays.
        PasskeyBinding.bound(stored).forEach(passkey -> ids.add(passkey.webauthn().getId()));
        ids.forEach(id -> user.credentialManager().removeStoredCredentialById(id));
        user.addRequiredAction(RequiredActionIds.ENROLL);
        new UserSessions(session).endEverywhere(realm, user);
        return ids.size();
    }
}
