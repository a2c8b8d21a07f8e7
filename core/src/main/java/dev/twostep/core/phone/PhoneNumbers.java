package dev.twostep.core.phone;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import dev.twostep.core.policy.TwoStepPolicy;

/**
 * Phone numbers as libphonenumber understands them: parsing what a seller typed for the country they
 * chose, the E.164 form we store, the masked form we show, and the list of countries for the picker.
 */
public final class PhoneNumbers {
    private static final String MASK = "\u2022\u2022\u2022-\u2022\u2022\u2022-";

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    /**
     * A country in the picker: ISO region, calling code, its name in the page's language, and how its numbers
     * are typed after the calling code ({@link #typingFormat}).
     */
    public record Country(String region, int callingCode, String name, String format) {
    }

    /**
     * The E.164 form of {@code typed} if it is a valid number of {@code region}; empty otherwise, also for
     * a valid number of another country, so that the chosen country code always means something.
     */
    public Optional<String> parse(String typed, String region) {
        if (typed == null || typed.isBlank() || region == null || !util.getSupportedRegions().contains(region)) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = util.parse(typed.trim(), region);
            if (!util.isValidNumberForRegion(number, region)) {
                return Optional.empty();
            }
            return Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Why codes may not go to {@code e164} under {@code policy} (a message key), or empty when they may: a
     * country outside the allowed list, or a premium-rate or shared-cost number (toll fraud pumps those).
     */
    public Optional<String> refusal(String e164, TwoStepPolicy policy) {
        try {
            PhoneNumber number = util.parse(e164, null);
            if (!policy.allowsCountry(util.getRegionCodeForNumber(number))) {
                return Optional.of("twoStepErrorCountryNotAllowed");
            }
            PhoneNumberUtil.PhoneNumberType type = util.getNumberType(number);
            if (type == PhoneNumberUtil.PhoneNumberType.PREMIUM_RATE
                    || type == PhoneNumberUtil.PhoneNumberType.SHARED_COST) {
                return Optional.of("twoStepErrorPremiumNumber");
            }
            return Optional.empty();
        } catch (NumberParseException e) {
            return Optional.of("twoStepErrorInvalidNumber");
        }
    }

    /** Shows only the last four digits, e.g. {@code +39 •••-•••-4567}: enough to recognise, not to call. */
    public String mask(String e164) {
        try {
            PhoneNumber number = util.parse(e164, null);
            String national = util.getNationalSignificantNumber(number);
            String tail = national.length() <= 4 ? national : national.substring(national.length() - 4);
            return "+" + number.getCountryCode() + " " + MASK + tail;
        } catch (NumberParseException e) {
            return MASK + "????";
        }
    }

    /** Every region libphonenumber knows, sorted by its name in {@code locale}. */
    public List<Country> countries(Locale locale) {
        return util.getSupportedRegions().stream()
                .map(region -> new Country(region, util.getCountryCodeForRegion(region),
                        new Locale("", region).getDisplayCountry(locale), typingFormat(region)))
                .sorted(Comparator.comparing(Country::name, java.text.Collator.getInstance(locale)))
                .toList();
    }

    /**
     * How a mobile number of {@code region} is written after its calling code, each digit an X: XXX-XXX-XXXX
     * for the US, XXX XXX XXXX for Italy. Empty where libphonenumber has no example.
     */
    public String typingFormat(String region) {
        if (region == null || !util.getSupportedRegions().contains(region)) {
            return "";
        }
        PhoneNumber example = util.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.MOBILE);
        if (example == null) {
            example = util.getExampleNumber(region);
        }
        if (example == null) {
            return "";
        }
        String international = util.format(example, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        String callingCode = "+" + example.getCountryCode();
        String national = international.startsWith(callingCode)
                ? international.substring(callingCode.length()).trim() : international;
        return national.replaceAll("\\d", "X");
    }

    /** The country to preselect: the one of the page's language, when it names one. */
    public String defaultRegion(Locale locale) {
        String country = locale.getCountry();
        if (!country.isEmpty() && util.getSupportedRegions().contains(country)) {
            return country;
        }
        return "it".equals(locale.getLanguage()) ? "IT" : "US";
    }
}
