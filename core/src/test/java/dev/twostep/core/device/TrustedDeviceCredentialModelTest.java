package dev.twostep.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;

import dev.twostep.core.web.BrowserToken;

class TrustedDeviceCredentialModelTest {
    @Test
    void credentialStoresTheHashNotTheToken() {
        String token = BrowserToken.newToken(new SecureRandom());
        TrustedDeviceCredentialModel model = TrustedDeviceCredentialModel.create(new TrustedDeviceData(1000, 2000),
                new TrustedDeviceSecret(BrowserToken.hash(token)), "Chromium");
        assertFalse(model.getSecretData().contains(token));
        CredentialModel stored = new CredentialModel();
        stored.setCredentialData(model.getCredentialData());
        stored.setSecretData(model.getSecretData());
        TrustedDeviceCredentialModel read = TrustedDeviceCredentialModel.from(stored);
        assertEquals(2000, read.data().expiresAt());
        assertEquals(BrowserToken.hash(token), read.secret().tokenHash());
    }
}
