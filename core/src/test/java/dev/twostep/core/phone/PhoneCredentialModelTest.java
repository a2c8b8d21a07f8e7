package dev.twostep.core.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;

import dev.twostep.core.kind.Channel;
import dev.twostep.core.kind.MethodRole;

class PhoneCredentialModelTest {
    @Test
    void roundTripsThroughTheStoredForm() {
        PhoneCredentialModel created = PhoneCredentialModel.create("+393471234567", Channel.VOICE, false,
                MethodRole.BACKUP);
        assertEquals(PhoneCredentialModel.TYPE, created.getType());
        assertTrue(created.getCredentialData().contains("\"number\":\"+393471234567\""), created.getCredentialData());

        CredentialModel stored = new CredentialModel();
        stored.setId("id-1");
        stored.setType(created.getType());
        stored.setCredentialData(created.getCredentialData());
        stored.setSecretData(created.getSecretData());
        PhoneCredentialData read = PhoneCredentialModel.from(stored).data();
        assertEquals(new PhoneCredentialData("+393471234567", Channel.VOICE, false, MethodRole.BACKUP), read);
        assertEquals("id-1", PhoneCredentialModel.from(stored).getId());
    }

    @Test
    void theLabelShownInTheAccountConsoleIsMasked() {
        PhoneCredentialModel created = PhoneCredentialModel.create("+393471234567", Channel.SMS, true,
                MethodRole.PRIMARY);
        assertTrue(created.getUserLabel().endsWith("4567"));
        assertTrue(!created.getUserLabel().contains("3471"));
    }
}
