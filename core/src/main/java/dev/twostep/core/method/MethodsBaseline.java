package dev.twostep.core.method;

import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import dev.twostep.core.passkey.PasskeyBinding;
import dev.twostep.core.phone.PhoneCredentialModel;

/**
 * The user's methods as they were when this login went on to the enrollment, kept in a login note. An
 * enrollment may only store what it collected if the methods are still those: when someone else (the real
 * seller, in another browser) set up 2SV meanwhile, this login has proven nothing about the new methods.
 */
public final class MethodsBaseline {
    static final String NOTE = "two-step.methods-baseline";
    private static final Set<String> TYPES = Set.of(PhoneCredentialModel.TYPE, OTPCredentialModel.TYPE, AppBinding.TYPE,
            PasskeyBinding.TYPE, PasskeyBinding.WEBAUTHN_TYPE);

    private MethodsBaseline() {
    }

    /** Records the methods now (the sign-in step, as it hands the login to the enrollment). */
    public static void record(AuthenticationSessionModel login, UserModel user) {
        login.setAuthNote(NOTE, of(user));
    }

    /** Records the methods now unless this login already has a record (an enrollment an app asked for). */
    public static void recordIfAbsent(AuthenticationSessionModel login, UserModel user) {
        if (login.getAuthNote(NOTE) == null) {
            record(login, user);
        }
    }

    /** True when the user's methods are no longer those recorded for this login. */
    public static boolean changedSince(AuthenticationSessionModel login, UserModel user) {
        String recorded = login.getAuthNote(NOTE);
        return recorded != null && !recorded.equals(of(user));
    }

    /** Every stored method credential's id, in order: a new, changed or removed method changes it. */
    static String of(UserModel user) {
        return user.credentialManager().getStoredCredentialsStream()
                .filter(credential -> TYPES.contains(credential.getType()))
                .map(credential -> credential.getId()).sorted().collect(Collectors.joining(","));
    }
}
