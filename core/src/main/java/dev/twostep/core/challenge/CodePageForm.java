package dev.twostep.core.challenge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

import dev.twostep.core.forms.TwoStepPages;
import dev.twostep.core.phone.PhoneNumbers;

/** Renders the code pages from one {@code twoStep} model, first showing and error alike. */
final class CodePageForm {
    private final LoginFormsProvider form;
    private final boolean offersTrust;
    private final boolean cancellable;
    private final boolean recoverable;
    private final String deliveryStatusUrl;
    private final Map<String, Object> recoveryNews;
    private final boolean recoveryInstalled;
    private final PhoneNumbers numbers = new PhoneNumbers();

    /**
     * {@code offersTrust}: whether "Don't require codes on this device" is offered; {@code deliveryStatusUrl}:
     * where the code page checks on a message in flight (null: nothing to watch); {@code recoveryNews}: see
     * {@link CodeChallengeHost#recoveryNews()}.
     */
    CodePageForm(LoginFormsProvider form, boolean offersTrust, boolean cancellable, boolean recoverable,
                 boolean recoveryInstalled, String deliveryStatusUrl, Map<String, Object> recoveryNews) {
        this.recoveryInstalled = recoveryInstalled;
        this.recoveryNews = recoveryNews;
        this.recoverable = recoverable;
        this.form = form;
        this.offersTrust = offersTrust;
        this.cancellable = cancellable;
        this.deliveryStatusUrl = deliveryStatusUrl;
    }

    /** {@code passkeyInput}: what the browser needs to ask for the current passkey (empty: not one). */
    Response render(CodePage page, MethodOption current, List<MethodOption> options, List<FormMessage> errors,
                    String info, Map<String, Object> passkeyInput) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", page.name());
        model.put("current", describe(current));
        model.put("others", options.stream().filter(o -> !o.id().equals(current.id())).map(this::describe).toList());
        model.put("trustsDevices", offersTrust);
        model.put("cancellable", cancellable);
        model.put("recoverable", recoverable);
        model.put("recoveryInstalled", recoveryInstalled);
        if (!recoveryNews.isEmpty()) {
            model.put("recovery", recoveryNews);
        }
        if (!passkeyInput.isEmpty()) {
            model.put("passkey", passkeyInput);
        }
        if (deliveryStatusUrl != null && page == CodePage.CODE && current.isPhone()) {
            model.put("deliveryStatusUrl", deliveryStatusUrl);
        }
        return TwoStepPages.render(form, page.template(), model, errors, info);
    }

    private Map<String, Object> describe(MethodOption option) {
        Map<String, Object> described = new HashMap<>();
        described.put("id", option.id());
        described.put("role", option.role().id());
        described.put("app", option.isApp());
        described.put("passkey", option.isPasskey());
        option.passkey().ifPresent(passkey -> described.put("label", passkey.label()));
        option.phone().ifPresent(phone -> described.put("masked", numbers.mask(phone.number())));
        if (option.channel() != null) {
            described.put("channel", option.channel().id());
        }
        return described;
    }
}
