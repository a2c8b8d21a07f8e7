package dev.twostep.core.device;

import java.time.Duration;
import java.util.Optional;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

import dev.twostep.core.NewestCredential;
import dev.twostep.core.web.BrowserToken;
import dev.twostep.core.web.RealmCookie;

/**
 * Decides whether this browser is a trusted device of this user. Anything off (no cookie, a forged or
 * truncated value, another user's device, an expired or revoked one) is simply "not trusted": the seller
 * is asked for a code, never shown an error. A password change revokes every device trusted before it.
 */
public final class TrustedDeviceCheck {
    private final KeycloakSession session;

    public TrustedDeviceCheck(KeycloakSession session) {
        this.session = session;
    }

    /**
     * The trusted device this browser proves, if any. {@code lifetime} is the policy's: a device trusted
     * longer ago than that no longer passes, even if it was trusted under a longer policy.
     */
    public Optional<CredentialModel> trustedDevice(UserModel user, Duration lifetime) {
        return cookiesDevice(user).filter(stored -> {
            TrustedDeviceCredentialModel device = TrustedDeviceCredentialModel.from(stored);
            long now = Time.currentTimeMillis();
            if (device.data().expiresAt() < now || device.data().trustedAt() + lifetime.toMillis() < now) {
                return false;
            }
            long passwordChanged = NewestCredential.storedAt(user, PasswordCredentialModel.TYPE);
            if (device.data().trustedAt() < passwordChanged) {
                revokeTrustedBefore(user, passwordChanged);
                return false;
            }
            return true;
        });
    }

    /**
     * Whether this browser holds the cookie of a device this user trusted once, expired or revoked by a password
     * change since: a browser the seller has used. A cookie that names no device of theirs, or fails its
     * hash, proves nothing (anyone can set a cookie of that name).
     */
    public boolean onceTrusted(UserModel user) {
        return cookiesDevice(user).isPresent();
    }

    /** The stored trusted device of {@code user} that this browser's cookie names and whose hash it matches. */
    private Optional<CredentialModel> cookiesDevice(UserModel user) {
        return new RealmCookie(session, TrustedDevices.COOKIE).value().flatMap(BrowserToken::parse).flatMap(token ->
                Optional.ofNullable(user.credentialManager().getStoredCredentialById(token.recordId()))
                        .filter(stored -> TrustedDeviceCredentialModel.TYPE.equals(stored.getType()))
                        .filter(stored -> token.matches(TrustedDeviceCredentialModel.from(stored).secret().tokenHash())));
    }

    private static void revokeTrustedBefore(UserModel user, long instant) {
        user.credentialManager().getStoredCredentialsByTypeStream(TrustedDeviceCredentialModel.TYPE)
                .filter(device -> TrustedDeviceCredentialModel.from(device).data().trustedAt() < instant)
                .map(CredentialModel::getId).toList()
                .forEach(id -> user.credentialManager().removeStoredCredentialById(id));
    }
}
