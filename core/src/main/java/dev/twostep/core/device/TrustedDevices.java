package dev.twostep.core.device;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

import dev.twostep.core.NewestCredential;
import dev.twostep.core.web.BrowserToken;
import dev.twostep.core.web.RealmCookie;

/** Trusts the current browser for a user: a credential holding the token's hash, and the cookie holding it. */
public final class TrustedDevices {
    /** Cookie name over plain http (dev); over https the {@code __Secure-} prefix is added. */
    public static final String COOKIE = "TWO_STEP_TRUSTED_DEVICE";
    /** Trusted browsers a user may have; trusting one more drops the oldest. */
    public static final int MAX_PER_USER = 20;

    private final KeycloakSession session;

    public TrustedDevices(KeycloakSession session) {
        this.session = session;
    }

    /** Creates the trusted-device credential and sets its cookie on the current response. */
    public CredentialModel trustThisBrowser(RealmModel realm, UserModel user, Duration lifetime) {
        SecureRandom random = new SecureRandom();
        String token = BrowserToken.newToken(random);
        long now = Time.currentTimeMillis();
        String label = TrustedDeviceLabel.of(session.getContext().getRequestHeaders().getHeaderString("User-Agent"),
                java.time.Instant.ofEpochMilli(now), random);
        TrustedDeviceCredentialModel model = TrustedDeviceCredentialModel.create(
                new TrustedDeviceData(now, now + lifetime.toMillis()),
                new TrustedDeviceSecret(BrowserToken.hash(token)), label);
        CredentialModel stored = user.credentialManager().createStoredCredential(model);
        dropOldestBeyondCap(user);
        new RealmCookie(session, COOKIE).set(realm, new BrowserToken(stored.getId(), token).cookieValue(), lifetime);
        return stored;
    }

    /**
     * How many browsers still pass without a code under a trust lifetime of {@code lifetime}: not those
     * trusted before the last password change, which the check revokes when they next come.
     */
    public long count(UserModel user, Duration lifetime) {
        long now = Time.currentTimeMillis();
        long passwordChanged = NewestCredential.storedAt(user, PasswordCredentialModel.TYPE);
        return user.credentialManager().getStoredCredentialsByTypeStream(TrustedDeviceCredentialModel.TYPE)
                .map(TrustedDeviceCredentialModel::from)
                .filter(device -> device.data().expiresAt() >= now
                        && device.data().trustedAt() + lifetime.toMillis() >= now
                        && device.data().trustedAt() >= passwordChanged)
                .count();
    }

    /** "Require codes on all devices": forgets every trusted browser of the user; returns how many there were. */
    public int revokeAll(UserModel user) {
        List<String> ids = user.credentialManager().getStoredCredentialsByTypeStream(TrustedDeviceCredentialModel.TYPE)
                .map(CredentialModel::getId).toList();
        ids.forEach(id -> user.credentialManager().removeStoredCredentialById(id));
        return ids.size();
    }

    private static void dropOldestBeyondCap(UserModel user) {
        List<CredentialModel> devices = user.credentialManager()
                .getStoredCredentialsByTypeStream(TrustedDeviceCredentialModel.TYPE)
                .sorted(Comparator.comparing(CredentialModel::getCreatedDate).reversed())
                .toList();
        devices.stream().skip(MAX_PER_USER)
                .forEach(old -> user.credentialManager().removeStoredCredentialById(old.getId()));
    }
}
