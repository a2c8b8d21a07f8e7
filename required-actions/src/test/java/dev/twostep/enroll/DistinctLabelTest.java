package dev.twostep.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;

import dev.twostep.core.testing.StandInUser;

/** Labels as Keycloak compares them (case and surrounding spaces ignored), so the last step never fails on one. */
class DistinctLabelTest {
    private final StandInUser user = new StandInUser();

    private void has(String type, String label) {
        CredentialModel stored = new CredentialModel();
        stored.setType(type);
        stored.setUserLabel(label);
        user.store(stored);
    }

    @Test
    void aFreeLabelStaysAsItIs() {
        has("webauthn", "Work laptop");
        assertEquals("Blue key", DistinctLabel.of(user.model, "webauthn", "Blue key"));
        assertEquals("Work laptop", DistinctLabel.of(user.model, "otp", "Work laptop"), "another type's label is free");
    }

    @Test
    void aLabelTakenInAnyCaseOrSpacingGetsTheFirstFreeNumber() {
        has("webauthn", " YubiKey");
        has("webauthn", "yubikey (2)");
        has("webauthn", "Unlabelled key without a name");
        has("webauthn", null);
        assertEquals("yubikey (3)", DistinctLabel.of(user.model, "webauthn", "yubikey"));
    }
}
