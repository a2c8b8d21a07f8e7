package dev.twostep.settings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.utils.FormMessage;

import dev.twostep.core.device.TrustedDeviceLabel;
import dev.twostep.core.device.TrustedDevices;
import dev.twostep.core.forms.TwoStepPages;
import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.method.UserMethods;
import dev.twostep.core.phone.PhoneNumbers;
import dev.twostep.core.policy.TwoStepPolicy;

/** Renders the settings pages from what is stored now: methods (masked) and the trusted-device count. */
final class SettingsForm {
    private final RequiredActionContext context;
    private final TwoStepPolicy policy;
    private final boolean offerSignOut;
    private final boolean acted;
    private final PhoneNumbers numbers = new PhoneNumbers();

    /**
     * {@code offerSignOut}: a method changed, so ending the seller's other sessions is offered; {@code acted}:
     * something was done in this visit, which "Cancel" cannot undo.
     */
    SettingsForm(RequiredActionContext context, TwoStepPolicy policy, boolean offerSignOut, boolean acted) {
        this.context = context;
        this.policy = policy;
        this.offerSignOut = offerSignOut;
        this.acted = acted;
    }

    Response render(SettingsPage page, List<FormMessage> errors, String info) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", page.name());
        UserMethods methods = UserMethods.of(context.getUser());
        methods.inRole(MethodRole.PRIMARY).ifPresent(method -> model.put("primary", describe(method)));
        methods.inRole(MethodRole.BACKUP).ifPresent(method -> model.put("backup", describe(method)));
        model.put("offerSignOut", offerSignOut);
        model.put("acted", acted);
        if (page == SettingsPage.DISABLED) {
            String again = FreshSignIn.url(context.getSession(), context.getAuthenticationSession());
            if (again != null) {
                model.put("signInAgainUrl", again);
            }
        }
        model.put("swappable", methods.inRole(MethodRole.BACKUP).flatMap(UserMethods.Method::phone)
                .map(phone -> phone.verified()).orElse(true));
        model.put("trustedDevices", new TrustedDevices(context.getSession())
                .count(context.getUser(), policy.trustedDeviceLifetime()));
        return TwoStepPages.render(context.form(), page.template(), model, errors, info);
    }

    private Map<String, Object> describe(UserMethods.Method method) {
        Map<String, Object> described = new HashMap<>();
        described.put("app", method.isApp());
        described.put("passkey", method.isPasskey());
        method.passkey().ifPresent(passkey -> {
            described.put("label", passkey.label());
            if (passkey.createdDate() != null) {
                described.put("added", TrustedDeviceLabel.when(java.time.Instant.ofEpochMilli(passkey.createdDate())));
            }
        });
        method.phone().ifPresent(phone -> {
            described.put("masked", numbers.mask(phone.number()));
            described.put("channel", phone.channel().id());
        });
        described.put("verified", method.phone().map(phone -> phone.verified()).orElse(true));
        return described;
    }
}
