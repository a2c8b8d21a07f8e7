package dev.twostep.core.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import dev.twostep.core.policy.TwoStepPolicy;
import dev.twostep.core.policy.TwoStepPolicyConfig;

class PhoneNumbersTest {
    private final PhoneNumbers numbers = new PhoneNumbers();

    @Test
    void validNumbersBecomeE164ForTheirCountry() {
        assertEquals(Optional.of("+393471234567"), numbers.parse("347 123 4567", "IT"));
        assertEquals(Optional.of("+12015550123"), numbers.parse("201-555-0123", "US"));
    }

    @Test
    void invalidOrForeignNumbersAreRefused() {
        assertEquals(Optional.empty(), numbers.parse("12", "IT"));
        assertEquals(Optional.empty(), numbers.parse("not a number", "US"));
        assertEquals(Optional.empty(), numbers.parse("+393471234567", "US"));
        assertEquals(Optional.empty(), numbers.parse("3471234567", "XX"));
        assertEquals(Optional.empty(), numbers.parse("", "IT"));
    }

    @Test
    void premiumRateAndSharedCostNumbersAreRefused() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String premium = e164(util.getExampleNumberForType("GB", PhoneNumberUtil.PhoneNumberType.PREMIUM_RATE));
        String shared = e164(util.getExampleNumberForType("FR", PhoneNumberUtil.PhoneNumberType.SHARED_COST));
        TwoStepPolicy anyCountry = TwoStepPolicy.defaults();
        assertEquals(Optional.of("twoStepErrorPremiumNumber"), numbers.refusal(premium, anyCountry));
        assertEquals(Optional.of("twoStepErrorPremiumNumber"), numbers.refusal(shared, anyCountry));
        assertEquals(Optional.empty(), numbers.refusal("+393471234567", anyCountry));
    }

    @Test
    void onlyAllowedCountriesGetCodes() {
        TwoStepPolicy italyAndGermany = TwoStepPolicyConfig.from(Map.of(TwoStepPolicyConfig.ALLOWED_COUNTRIES, "it, DE"));
        assertEquals(Optional.empty(), numbers.refusal("+393471234567", italyAndGermany));
        assertEquals(Optional.of("twoStepErrorCountryNotAllowed"), numbers.refusal("+12015550123", italyAndGermany));
        assertEquals(Optional.of("twoStepErrorInvalidNumber"), numbers.refusal("garbage", italyAndGermany));
    }

    private static String e164(com.google.i18n.phonenumbers.Phonenumber.PhoneNumber number) {
        return PhoneNumberUtil.getInstance().format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    @Test
    void maskShowsOnlyTheLastFourDigits() {
        String masked = numbers.mask("+393471234567");
        assertEquals("+39 \u2022\u2022\u2022-\u2022\u2022\u2022-4567", masked);
        assertTrue(!masked.contains("347"));
    }

    @Test
    void countriesAreNamedInThePageLanguage() {
        assertTrue(numbers.countries(Locale.ITALIAN).stream()
                .anyMatch(c -> c.region().equals("DE") && c.name().equals("Germania") && c.callingCode() == 49));
        assertTrue(numbers.countries(Locale.ENGLISH).stream()
                .anyMatch(c -> c.region().equals("DE") && c.name().equals("Germany")));
        assertEquals("IT", numbers.defaultRegion(Locale.ITALIAN));
        assertEquals("US", numbers.defaultRegion(Locale.ENGLISH));
    }

    @Test
    void theTypingFormatIsTheSeedsForTheUsAndEachCountrysOwnElsewhere() {
        assertEquals("XXX-XXX-XXXX", numbers.typingFormat("US"));
        assertEquals("XXX XXX XXXX", numbers.typingFormat("IT"));
        assertTrue(numbers.countries(Locale.ENGLISH).stream().allMatch(c -> c.format().matches("[X .\\-()]*")),
                "digits only as X, never a real example number");
    }
}
