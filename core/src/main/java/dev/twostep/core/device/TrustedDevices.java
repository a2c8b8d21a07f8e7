package dev.twostep.core.device;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;

import jakarta.ws.rs.core.NewCookie;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Trusts the current browser for a user: a credential holding the token's hash, and the cookie holding it. */
public final class TrustedDevices {
    /** Cookie name over plain http (dev); over https the {@code __Secure-} prefix is added. */
    public static final String COOKIE = "TWO_STEP_TRUSTED_DEVICE";

    private final KeycloakSession session;

    public TrustedDevices(KeycloakSession session) {
        this.session = session;
    }

    /** Creates the trusted-device credential and sets its cookie on the current response. */
    public CredentialModel trustThisBrowser(RealmModel realm, UserModel user, Duration lifetime, String label) {
        String token = TrustedDeviceToken.newToken(new SecureRandom());
        long now = Time.currentTimeMillis();
        TrustedDeviceCredentialModel model = TrustedDeviceCredentialModel.create(
                new TrustedDeviceData(now, now + lifetime.toMillis()),
                new TrustedDeviceSecret(TrustedDeviceToken.hash(token)), label);
        CredentialModel stored = user.credentialManager().createStoredCredential(model);
        setCookie(realm, new TrustedDeviceToken(stored.getId(), token).cookieValue(), lifetime);
        return stored;
    }

    private void setCookie(RealmModel realm, String value, Duration lifetime) {
        URI base = session.getContext().getUri().getBaseUri();
        boolean secure = "https".equalsIgnoreCase(base.getScheme());
        String path = base.getPath().replaceAll("/$", "") + "/realms/" + realm.getName() + "/";
        NewCookie cookie = new NewCookie.Builder(secure ? "__Secure-" + COOKIE : COOKIE)
                .value(value)
                .path(path)
                .maxAge((int) lifetime.toSeconds())
                .secure(secure)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
        session.getContext().getHttpResponse().setCookieIfAbsent(cookie);
    }
}
