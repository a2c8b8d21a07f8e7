package dev.twostep.core.method;

import java.util.List;
import java.util.Optional;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;

import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.passkey.KeyStorage;
import dev.twostep.core.passkey.PasskeyBinding;
import dev.twostep.core.phone.PhoneCredentialData;
import dev.twostep.core.phone.PhoneCredentialModel;

/**
 * The 2SV methods a user has and the role each plays. Phones and passkeys carry their role; the
 * authenticator app (the Keycloak {@code otp} credential our enrollment bound, see {@link AppBinding}; it has
 * no place for a role) takes whichever role nothing else holds. An {@code otp} or {@code webauthn} credential
 * nobody bound is no method at all. 2SV is on only when both roles are filled.
 */
public final class UserMethods {
    /** A passkey or security key in a role: its {@code webauthn} credential's id, name and date. */
    public record Passkey(MethodRole role, String credentialId, String label, Long createdDate, KeyStorage storage) {
    }

    /** A method in a role: a phone (with its data), a passkey, or the authenticator app (neither). */
    public record Method(MethodRole role, Optional<PhoneCredentialData> phone, Optional<Passkey> passkey) {
        public Method(MethodRole role, Optional<PhoneCredentialData> phone) {
            this(role, phone, Optional.empty());
        }

        public boolean isApp() {
            return phone.isEmpty() && passkey.isEmpty();
        }

        public boolean isPasskey() {
            return passkey.isPresent();
        }
    }

    private final List<PhoneCredentialData> phones;
    private final List<Passkey> passkeys;
    private final boolean hasApp;

    public UserMethods(List<PhoneCredentialData> phones, boolean hasApp) {
        this(phones, List.of(), hasApp);
    }

    public UserMethods(List<PhoneCredentialData> phones, List<Passkey> passkeys, boolean hasApp) {
        this.phones = List.copyOf(phones);
        this.passkeys = List.copyOf(passkeys);
        this.hasApp = hasApp;
    }

    public static UserMethods of(UserModel user) {
        List<CredentialModel> stored = user.credentialManager().getStoredCredentialsStream().toList();
        List<PhoneCredentialData> phones = stored.stream()
                .filter(credential -> PhoneCredentialModel.TYPE.equals(credential.getType()))
                .map(credential -> PhoneCredentialModel.from(credential).data())
                .toList();
        List<Passkey> passkeys = PasskeyBinding.bound(stored).stream()
                .map(bound -> new Passkey(bound.binding().role(), bound.webauthn().getId(),
                        bound.webauthn().getUserLabel(), bound.webauthn().getCreatedDate(), bound.binding().storage()))
                .toList();
        return new UserMethods(phones, passkeys, AppBinding.boundApp(stored).isPresent());
    }

    public Optional<Method> inRole(MethodRole role) {
        Optional<PhoneCredentialData> phone = phones.stream().filter(p -> p.role() == role).findFirst();
        if (phone.isPresent()) {
            return Optional.of(new Method(role, phone, Optional.empty()));
        }
        Optional<Passkey> passkey = passkeys.stream().filter(p -> p.role() == role).findFirst();
        if (passkey.isPresent()) {
            return Optional.of(new Method(role, Optional.empty(), passkey));
        }
        if (!hasApp) {
            return Optional.empty();
        }
        // Reached only when nothing with a role holds this one: the app holds the primary role then, and the
        // backup role when a phone or passkey is the primary (the app cannot be both).
        boolean appTakesRole = role == MethodRole.PRIMARY || holds(MethodRole.PRIMARY);
        return appTakesRole ? Optional.of(new Method(role, Optional.empty(), Optional.empty())) : Optional.empty();
    }

    private boolean holds(MethodRole role) {
        return phones.stream().anyMatch(p -> p.role() == role) || passkeys.stream().anyMatch(p -> p.role() == role);
    }

    /** True when any method is left, even if 2SV is incomplete. */
    public boolean hasAny() {
        return !phones.isEmpty() || !passkeys.isEmpty() || hasApp;
    }

    /** True when a primary and a different backup are both set: the user has 2SV. */
    public boolean isComplete() {
        Optional<Method> primary = inRole(MethodRole.PRIMARY);
        Optional<Method> backup = inRole(MethodRole.BACKUP);
        if (primary.isEmpty() || backup.isEmpty()) {
            return false;
        }
        if (primary.get().isPasskey() && backup.get().isPasskey()) {
            // A passkey backs up the app or a phone, not another passkey (one keychain lost takes both).
            return false;
        }
        String primaryNumber = primary.get().phone().map(PhoneCredentialData::number).orElse(null);
        String backupNumber = backup.get().phone().map(PhoneCredentialData::number).orElse(null);
        return primaryNumber == null || !primaryNumber.equals(backupNumber);
    }
}
