package dev.twostep.core.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;

import org.junit.jupiter.api.Test;
import org.keycloak.storage.ReadOnlyException;

import dev.twostep.core.device.TrustedDeviceCredentialModel;
import dev.twostep.core.testing.StandInKeycloak;
import dev.twostep.core.testing.StandInUser;

/** "This wasn't me" takes sessions and trusted devices away even from a user whose attributes are read-only. */
class NotMeLockdownTest {
    @Test
    void aReadOnlyUserStillLosesEveryTrustedDevice() {
        StandInKeycloak kc = new StandInKeycloak();
        // Keycloak's EventBuilder asks for tracing; the event itself is not what this test is about.
        kc.providers.put(org.keycloak.tracing.TracingProvider.class, org.mockito.Mockito.mock(
                org.keycloak.tracing.TracingProvider.class, org.mockito.Mockito.RETURNS_DEEP_STUBS));
        StandInUser user = StandInUser.enrolled();
        user.store(TrustedDeviceCredentialModel.create(new dev.twostep.core.device.TrustedDeviceData(1L, Long.MAX_VALUE),
                new dev.twostep.core.device.TrustedDeviceSecret("hash"), "Chrome on Linux"));
        doThrow(new ReadOnlyException("federated")).when(user.model).setSingleAttribute(anyString(), anyString());

        new NotMeLockdown(kc.session).lockDown(kc.realm, user.model, "METHOD_CHANGED");

        assertEquals(0, user.count(TrustedDeviceCredentialModel.TYPE));
    }
}
