package dev.twostep.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;

class TrustedDeviceTokenTest {
    private static final String ID = "0b6a4c9e-3f1d-4e55-9c2a-6f4b1e2d7a10";

    @Test
    void cookieValueRoundTripsAndMatchesOnlyItsHash() {
        String token = TrustedDeviceToken.newToken(new SecureRandom());
        TrustedDeviceToken parsed = TrustedDeviceToken.parse(new TrustedDeviceToken(ID, token).cookieValue())
                .orElseThrow();
        assertEquals(ID, parsed.credentialId());
        assertTrue(parsed.matches(TrustedDeviceToken.hash(token)));
        assertFalse(parsed.matches(TrustedDeviceToken.hash(TrustedDeviceToken.newToken(new SecureRandom()))));
        assertFalse(parsed.matches(null));
    }

    @Test
    void forgedOrTruncatedValuesAreIgnored() {
        String token = TrustedDeviceToken.newToken(new SecureRandom());
        assertEquals(Optional.empty(), TrustedDeviceToken.parse(null));
        assertEquals(Optional.empty(), TrustedDeviceToken.parse(ID + "." + token.substring(1)));
        assertEquals(Optional.empty(), TrustedDeviceToken.parse(ID));
        assertEquals(Optional.empty(), TrustedDeviceToken.parse("<script>." + token));
    }

    @Test
    void credentialStoresTheHashNotTheToken() {
        String token = TrustedDeviceToken.newToken(new SecureRandom());
        TrustedDeviceCredentialModel model = TrustedDeviceCredentialModel.create(new TrustedDeviceData(1000, 2000),
                new TrustedDeviceSecret(TrustedDeviceToken.hash(token)), "Chromium");
        assertFalse(model.getSecretData().contains(token));
        CredentialModel stored = new CredentialModel();
        stored.setCredentialData(model.getCredentialData());
        stored.setSecretData(model.getSecretData());
        TrustedDeviceCredentialModel read = TrustedDeviceCredentialModel.from(stored);
        assertEquals(2000, read.data().expiresAt());
        assertEquals(TrustedDeviceToken.hash(token), read.secret().tokenHash());
    }
}
