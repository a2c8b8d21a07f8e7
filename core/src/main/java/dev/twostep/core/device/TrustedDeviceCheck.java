package dev.twostep.core.device;

import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Cookie;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Decides whether this browser is a trusted device of this user. Anything off (no cookie, a forged or
 * truncated value, another user's device, an expired or revoked one) is simply "not trusted": the seller
 * is asked for a code, never shown an error.
 */
public final class TrustedDeviceCheck {
    private final KeycloakSession session;

    public TrustedDeviceCheck(KeycloakSession session) {
        this.session = session;
    }

    public Optional<CredentialModel> trustedDevice(UserModel user) {
        Map<String, Cookie> cookies = session.getContext().getRequestHeaders().getCookies();
        Cookie cookie = cookies.getOrDefault("__Secure-" + TrustedDevices.COOKIE, cookies.get(TrustedDevices.COOKIE));
        if (cookie == null) {
            return Optional.empty();
        }
        return TrustedDeviceToken.parse(cookie.getValue()).flatMap(token -> {
            CredentialModel stored = user.credentialManager().getStoredCredentialById(token.credentialId());
            if (stored == null || !TrustedDeviceCredentialModel.TYPE.equals(stored.getType())) {
                return Optional.empty();
            }
            TrustedDeviceCredentialModel device = TrustedDeviceCredentialModel.from(stored);
            if (device.data().expiresAt() < Time.currentTimeMillis() || !token.matches(device.secret().tokenHash())) {
                return Optional.empty();
            }
            return Optional.of(stored);
        });
    }
}
