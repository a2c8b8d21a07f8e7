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

    @Test
    void lookupRulesAreReadAndAMisspeltOneRefuses() {
        TwoStepPolicyConfig.Reading reading = TwoStepPolicyConfig.read(Map.of("voipNumbers", "Voice",
                "tollFreeNumbers", "alow", "smsPumpingRiskMax", "60", "simSwapWindowHours", "0",
                "lookupCacheHours", "6"));
        LookupPolicy lookup = reading.policy().lookup();
        assertEquals(LookupPolicy.LineRule.VOICE_ONLY, lookup.voip());
        assertEquals(LookupPolicy.LineRule.REFUSE, lookup.tollFree(), "a misspelt rule restricts, never opens");
        assertEquals(LookupPolicy.LineRule.REFUSE, lookup.pager(), "the default");
        assertEquals(60, lookup.pumpingRiskMax());
        assertFalse(lookup.checksSimSwaps());
        assertEquals(Duration.ofHours(6), lookup.cacheFor());
        assertEquals(1, reading.problems().size(), reading.problems().toString());
        assertTrue(reading.problems().get(0).contains("tollFreeNumbers=alow"), reading.problems().toString());
    }

    @Test
    void landlinesTakeCallsOnlyWhateverTheSettings() {
        LookupPolicy lookup = TwoStepPolicyConfig.from(Map.of("unknownLineNumbers", "allow")).lookup();
        assertEquals(LookupPolicy.LineRule.VOICE_ONLY, lookup.ruleFor(dev.twostep.core.lookup.LineType.LANDLINE));
        assertEquals(LookupPolicy.LineRule.REFUSE, lookup.ruleFor(dev.twostep.core.lookup.LineType.PREMIUM));
        assertEquals(LookupPolicy.LineRule.ALLOW, lookup.ruleFor(dev.twostep.core.lookup.LineType.MOBILE));
    }
}
