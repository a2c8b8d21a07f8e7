package dev.twostep.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TwoStepPolicyConfigTest {
    @Test
    void anEmptyConfigIsTheDefaultPolicy() {
        assertEquals(TwoStepPolicy.defaults(), TwoStepPolicyConfig.from(Map.of()));
        assertTrue(TwoStepPolicy.defaults().allowsCountry("BR"), "every country by default");
    }

    @Test
    void countriesAreReadLeniently() {
        TwoStepPolicy policy = TwoStepPolicyConfig.from(Map.of("allowedCountries", " it,de  fr "));
        assertEquals(Set.of("IT", "DE", "FR"), policy.allowedCountries());
        assertFalse(policy.allowsCountry("US"));
    }

    @Test
    void badValuesAreRefusedWithTheKeyNamed() {
        IllegalArgumentException country = assertThrows(IllegalArgumentException.class,
                () -> TwoStepPolicyConfig.from(Map.of("allowedCountries", "Italy")));
        assertTrue(country.getMessage().contains("allowedCountries"));
        assertThrows(IllegalArgumentException.class, () -> TwoStepPolicyConfig.from(Map.of("trustedDeviceDays", "-1")));
        assertThrows(IllegalArgumentException.class, () -> TwoStepPolicyConfig.from(Map.of("sendsPerIpPerHour", "0")));
    }

    @Test
    void zeroTrustedDeviceDaysTurnsTrustOff() {
        TwoStepPolicy policy = TwoStepPolicyConfig.from(Map.of("trustedDeviceDays", "0"));
        assertEquals(Duration.ZERO, policy.trustedDeviceLifetime());
        assertFalse(policy.trustsDevices());
    }
}
