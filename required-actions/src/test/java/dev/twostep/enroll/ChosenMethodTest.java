package dev.twostep.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

import dev.twostep.core.kind.Channel;

/** The enrollment keeps chosen methods as JSON in session notes; they must come back as they went in. */
class ChosenMethodTest {
    @Test
    void phoneRoundTrips() throws Exception {
        ChosenMethod phone = ChosenMethod.phone("+393471234567", Channel.VOICE, false);
        ChosenMethod read = JsonSerialization.readValue(JsonSerialization.writeValueAsString(phone), ChosenMethod.class);
        assertEquals(phone, read);
        assertFalse(read.isApp());
    }

    @Test
    void appRoundTrips() throws Exception {
        ChosenMethod app = ChosenMethod.app("secret-value");
        String json = JsonSerialization.writeValueAsString(app);
        assertFalse(json.contains("\"app\""), json);
        ChosenMethod read = JsonSerialization.readValue(json, ChosenMethod.class);
        assertEquals(app, read);
        assertTrue(read.isApp());
    }
}
