package dev.twostep.core.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TrustedDeviceLabelTest {
    private static final Instant WHEN = Instant.parse("2026-11-24T15:05:27Z");

    @Test
    void namesTheBrowserTheSystemAndTheTime() {
        String chromeOnLinux = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
        assertEquals("Chrome on Linux, 2026-11-24 15:05 UTC (", TrustedDeviceLabel.of(chromeOnLinux, WHEN, new Random(1))
                .substring(0, 39));
        String safariOnIphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1";
        assertTrue(TrustedDeviceLabel.of(safariOnIphone, WHEN, new Random(1)).startsWith("Safari on iOS"));
        assertTrue(TrustedDeviceLabel.of(null, WHEN, new Random(1)).startsWith("A browser on an unknown system"));
    }

    @Test
    void twoBrowsersTrustedInTheSameMinuteGetDifferentNames() {
        SecureRandom random = new SecureRandom();
        String agent = "Mozilla/5.0 (Windows NT 10.0) Firefox/130.0";
        assertNotEquals(TrustedDeviceLabel.of(agent, WHEN, random), TrustedDeviceLabel.of(agent, WHEN, random));
    }
}
