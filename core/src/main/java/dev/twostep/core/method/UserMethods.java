package dev.twostep.core.method;

import java.util.List;
import java.util.Optional;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;

import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.phone.PhoneCredentialData;
import dev.twostep.core.phone.PhoneCredentialModel;

/**
 * The 2SV methods a user has and the role each plays. Phones carry their role; the authenticator app (the
 * Keycloak {@code otp} credential our enrollment bound, see {@link AppBinding}; it has no place for a role)
 * takes whichever role no phone holds. An {@code otp} credential nobody bound is no method at all. 2SV is on
 * only when both roles are filled.
 */
public final class UserMethods {
    /** A method in a role: a phone (with its data) or the authenticator app ({@code phone} empty). */
    public record Method(MethodRole role, Optional<PhoneCredentialData> phone) {
        public boolean isApp() {
            return phone.isEmpty();
        }
    }

    private final List<PhoneCredentialData> phones;
    private final boolean hasApp;

    public UserMethods(List<PhoneCredentialData> phones, boolean hasApp) {
        this.phones = List.copyOf(phones);
        this.hasApp = hasApp;
    }

    public static UserMethods of(UserModel user) {
        List<CredentialModel> stored = user.credentialManager().getStoredCredentialsStream().toList();
        List<PhoneCredentialData> phones = stored.stream()
                .filter(credential -> PhoneCredentialModel.TYPE.equals(credential.getType()))
                .map(credential -> PhoneCredentialModel.from(credential).data())
                .toList();
        return new UserMethods(phones, AppBinding.boundApp(stored).isPresent());
    }

    public Optional<Method> inRole(MethodRole role) {
        Optional<PhoneCredentialData> phone = phones.stream().filter(p -> p.role() == role).findFirst();
        if (phone.isPresent()) {
            return Optional.of(new Method(role, phone));
        }
        if (!hasApp) {
            return Optional.empty();
        }
        // Reached only when no phone holds this role: the app holds the primary role then, and the backup
        // role when a phone is the primary (the app cannot be both).
        boolean appTakesRole = role == MethodRole.PRIMARY
                || phones.stream().anyMatch(p -> p.role() == MethodRole.PRIMARY);
        return appTakesRole ? Optional.of(new Method(role, Optional.empty())) : Optional.empty();
    }

    /** True when any method is left, even if 2SV is incomplete. */
    public boolean hasAny() {
        return !phones.isEmpty() || hasApp;
    }

    /** True when a primary and a different backup are both set: the user has 2SV. */
    public boolean isComplete() {
        Optional<Method> primary = inRole(MethodRole.PRIMARY);
        Optional<Method> backup = inRole(MethodRole.BACKUP);
        if (primary.isEmpty() || backup.isEmpty()) {
            return false;
        }
        String primaryNumber = primary.get().phone().map(PhoneCredentialData::number).orElse(null);
        String backupNumber = backup.get().phone().map(PhoneCredentialData::number).orElse(null);
        return primaryNumber == null || !primaryNumber.equals(backupNumber);
    }
}
