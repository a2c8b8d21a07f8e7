package dev.twostep.signin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.utils.FormMessage;

import dev.twostep.core.forms.TwoStepPages;
import dev.twostep.core.phone.PhoneNumbers;

/** Renders the sign-in pages from one {@code twoStep} model, first showing and error alike. */
final class SignInForm {
    private final AuthenticationFlowContext context;
    private final PhoneNumbers numbers = new PhoneNumbers();
    private final String deliveryStatusUrl;

    /** {@code deliveryStatusUrl}: where the code page checks on a message in flight (null: nothing to watch). */
    SignInForm(AuthenticationFlowContext context, String deliveryStatusUrl) {
        this.context = context;
        this.deliveryStatusUrl = deliveryStatusUrl;
    }

    Response render(SignInPage page, MethodOption current, List<MethodOption> options, List<FormMessage> errors,
                    String info) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", page.name());
        model.put("trustsDevices", VerifyAuthenticator.policyOf(context).trustsDevices());
        if (deliveryStatusUrl != null && page == SignInPage.CODE && !current.isApp()) {
            model.put("deliveryStatusUrl", deliveryStatusUrl);
        }
        model.put("current", describe(current));
        model.put("others", options.stream().filter(o -> !o.id().equals(current.id())).map(this::describe).toList());
        return TwoStepPages.render(context.form(), page.template(), model, errors, info);
    }

    private Map<String, Object> describe(MethodOption option) {
        Map<String, Object> described = new HashMap<>();
        described.put("id", option.id());
        described.put("role", option.role().id());
        described.put("app", option.isApp());
        option.phone().ifPresent(phone -> described.put("masked", numbers.mask(phone.number())));
        if (option.channel() != null) {
            described.put("channel", option.channel().id());
        }
        return described;
    }
}
