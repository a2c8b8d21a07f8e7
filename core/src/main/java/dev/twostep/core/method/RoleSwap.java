package dev.twostep.core.method;

import java.util.List;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;

import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.passkey.PasskeyBinding;
import dev.twostep.core.phone.PhoneCredentialModel;

/**
 * Makes the backup the primary and the primary the backup in one step. Phones and passkeys carry a role;
 * the app follows by taking whichever role they leave.
 */
public final class RoleSwap {
    public enum Result {
        SWAPPED,
        /** A backup saved without a code cannot become the method every sign-in relies on. */
        BACKUP_UNVERIFIED,
        /** Nothing to swap: 2SV is not set up. */
        INCOMPLETE
    }

    public Result swap(UserModel user) {
        UserMethods methods = UserMethods.of(user);
        if (!methods.isComplete()) {
            return Result.INCOMPLETE;
        }
        boolean backupUnverified = methods.inRole(MethodRole.BACKUP).flatMap(UserMethods.Method::phone)
                .map(phone -> !phone.verified()).orElse(false);
        if (backupUnverified) {
            return Result.BACKUP_UNVERIFIED;
        }
        List<CredentialModel> phones = user.credentialManager()
                .getStoredCredentialsByTypeStream(PhoneCredentialModel.TYPE).toList();
        for (CredentialModel stored : phones) {
            PhoneCredentialModel phone = PhoneCredentialModel.from(stored);
            user.credentialManager().updateStoredCredential(phone.withRole(phone.data().role().other()));
        }
        List<CredentialModel> passkeys = user.credentialManager()
                .getStoredCredentialsByTypeStream(PasskeyBinding.TYPE).toList();
        for (CredentialModel stored : passkeys) {
            // An unreadable binding binds nothing, so it has no role to swap.
            if (PasskeyBinding.readable(stored).isPresent()) {
                PasskeyBinding binding = PasskeyBinding.from(stored);
                user.credentialManager().updateStoredCredential(binding.withRole(binding.data().role().other()));
            }
        }
        return Result.SWAPPED;
    }
}
