package dev.twostep.core.forms;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/** Renders one of our templates: the {@code twoStep} model every template reads, errors and an info line. */
public final class TwoStepPages {
    private TwoStepPages() {
    }

    public static Response render(LoginFormsProvider form, String template, Map<String, Object> model,
                                  List<FormMessage> errors, String info) {
        form.setAttribute("twoStep", model);
        if (!errors.isEmpty()) {
            form.setErrors(errors);
        }
        if (info != null) {
            form.setInfo(info);
        }
        return form.createForm(template);
    }
}
