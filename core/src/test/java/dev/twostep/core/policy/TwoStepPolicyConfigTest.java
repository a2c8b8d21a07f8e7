package dev.twostep.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void aWrongValueKeepsItsDefaultAndTheOthersStay() {
        TwoStepPolicyConfig.Reading reading = TwoStepPolicyConfig.read(Map.of("codeLength", "abc",
                "maxWrongTries", "2", "trustedDeviceDays", "-1", "sendsPerIpPerHour", "0"));
        assertEquals(6, reading.policy().codeLength(), "not a number: the default");
        assertEquals(2, reading.policy().maxWrongTries(), "a right value beside wrong ones is kept");
        assertEquals(Duration.ofDays(90), reading.policy().trustedDeviceLifetime());
        assertEquals(60, reading.policy().sendsPerIpPerHour());
        assertEquals(3, reading.problems().size(), reading.problems().toString());
        assertTrue(reading.problems().get(0).contains("codeLength=abc"), reading.problems().toString());
    }

    @Test
    void anUnreadableCountryListAllowsNoCountry() {
        TwoStepPolicyConfig.Reading reading = TwoStepPolicyConfig.read(Map.of("allowedCountries", "Italy"));
        assertFalse(reading.policy().allowsCountry("IT"), "fails closed, never open");
        assertFalse(reading.policy().allowsCountry("US"));
        assertTrue(reading.problems().get(0).contains("allowedCountries"), reading.problems().toString());
    }

    @Test
    void aCodeLifetimeBeyondTenMinutesIsNotTaken() {
        assertEquals(Duration.ofMinutes(5), TwoStepPolicyConfig.from(Map.of("codeLifetimeSeconds", "3600"))
                .codeLifetime());
    }

    @Test
    void zeroTrustedDeviceDaysTurnsTrustOff() {
        TwoStepPolicy policy = TwoStepPolicyConfig.from(Map.of("trustedDeviceDays", "0"));
        assertEquals(Duration.ZERO, policy.trustedDeviceLifetime());
        assertFalse(policy.trustsDevices());
    }
}
