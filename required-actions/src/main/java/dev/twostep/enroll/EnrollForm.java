package dev.twostep.enroll;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.OTPPolicy;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.utils.TotpUtils;

import dev.twostep.core.RequiredActionIds;
import dev.twostep.core.forms.TwoStepPages;
import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.passkey.PasskeyRegistration;
import dev.twostep.core.phone.PhoneNumbers;
import dev.twostep.core.policy.LoginPolicy;
import dev.twostep.core.policy.TwoStepPolicy;

/**
 * Renders an enrollment page: the one place that fills the {@code twoStep} model the templates read, for a
 * first showing and for a re-showing with an error alike.
 */
final class EnrollForm {
    private final RequiredActionContext context;
    private final EnrollmentState state;
    private final PhoneNumbers numbers;

    EnrollForm(RequiredActionContext context, EnrollmentState state, PhoneNumbers numbers) {
        this.context = context;
        this.state = state;
        this.numbers = numbers;
    }

    /**
     * A page with the values the seller typed (number, country, channel) kept; {@code deliveryStatusUrl} is
     * where the code page checks on its message (null: nothing to watch).
     */
    Response render(EnrollPage page, Map<String, String> typed, List<FormMessage> errors, String info,
                    String deliveryStatusUrl) {
        Locale locale = context.getSession().getContext().resolveLocale(context.getUser());
        Map<String, Object> model = new HashMap<>();
        MethodRole role = state.role();
        model.put("role", role.id());
        model.put("changing", state.changing().isPresent());
        model.put("page", page.name());
        TwoStepPolicy policy = LoginPolicy.of(context.getAuthenticationSession(), context.getRealm());
        model.put("trustsDevices", policy.trustsDevices());
        // The app asked for the settings: the seller meets the enrollment as the settings' "Get Started".
        model.put("fromSettings", RequiredActionIds.SETTINGS.equals(
                context.getAuthenticationSession().getClientNote(Constants.KC_ACTION)));
        state.chosen(MethodRole.PRIMARY).ifPresent(primary -> model.put("primary", describe(primary)));
        state.chosen(MethodRole.BACKUP).ifPresent(backup -> model.put("backup", describe(backup)));

        if (page == EnrollPage.PHONE) {
            // Only countries codes may go to: a seller should not find out after typing the whole number.
            List<PhoneNumbers.Country> countries = numbers.countries(locale).stream()
                    .filter(c -> policy.allowsCountry(c.region())).toList();
            model.put("countries", countries.stream()
                    .map(c -> Map.of("region", c.region(), "callingCode", c.callingCode(), "name", c.name(),
                            "format", c.format()))
                    .toList());
            String preferred = numbers.defaultRegion(locale);
            boolean offered = countries.isEmpty() || countries.stream().anyMatch(c -> c.region().equals(preferred));
            String fallback = offered ? preferred : countries.get(0).region();
            String country = Optional.ofNullable(typed.get("country")).orElse(fallback);
            model.put("country", country);
            model.put("format", numbers.typingFormat(country));
            model.put("number", typed.getOrDefault("number", ""));
            model.put("channel", typed.getOrDefault("channel", "sms"));
            model.put("skipAllowed", role == MethodRole.BACKUP);
        }
        if (page == EnrollPage.PHONE_CODE) {
            state.pendingPhone().ifPresent(phone -> {
                model.put("target", numbers.mask(phone.number()));
                model.put("channel", phone.channel().id());
            });
            if (deliveryStatusUrl != null) {
                model.put("deliveryStatusUrl", deliveryStatusUrl);
            }
        }
        if (page == EnrollPage.APP) {
            String secret = state.otpSecret().orElseThrow();
            OTPPolicy otp = context.getRealm().getOTPPolicy();
            model.put("qrCode", TotpUtils.qrCode(context.getSession(), secret, context.getRealm(), context.getUser()));
            model.put("secretKey", TotpUtils.encode(secret));
            // The same account as the QR code, for an authenticator app on the phone showing this page.
            model.put("otpauthUri", otp.getKeyURI(context.getRealm(), context.getUser(), secret));
            model.put("digits", otp.getDigits());
            model.put("period", otp.getPeriod());
            model.put("algorithm", otp.getAlgorithmKey());
        }

        if (page == EnrollPage.PASSKEY) {
            model.put("passkey", new PasskeyRegistration(context.getSession(), context.getRealm(),
                    context.getAuthenticationSession(), state.passkeySlot()).begin(context.getUser()));
        }
        return TwoStepPages.render(context.form(), page.template(), model, errors, info);
    }

    Response render(EnrollPage page) {
        return render(page, Map.of(), List.of(), null, null);
    }

    private Map<String, Object> describe(ChosenMethod method) {
        Map<String, Object> described = new HashMap<>();
        described.put("app", method.isApp());
        described.put("passkey", method.isPasskey());
        if (method.isPasskey()) {
            described.put("label", method.passkey().label());
        }
        if (method.isPhone()) {
            described.put("masked", numbers.mask(method.number()));
            described.put("channel", method.channel().id());
            described.put("verified", method.verified());
        }
        return described;
    }
}
