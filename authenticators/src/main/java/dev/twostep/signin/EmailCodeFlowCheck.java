package dev.twostep.signin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;

/**
 * Finds e-mail code authenticators in a realm's browser and direct-grant flows. Codes by e-mail defeat
 * the second step (a mailbox is reachable remotely), so such a realm is reported as breaking the policy.
 */
public final class EmailCodeFlowCheck {
    /** Provider ids of well-known e-mail OTP authenticators (Keycloak's own and popular extensions). */
    static final Set<String> KNOWN = Set.of("email-otp-authenticator", "email-authenticator", "ext-email-otp",
            "auth-email-otp-form", "email-code-authenticator");

    private EmailCodeFlowCheck() {
    }

    /** True for a provider id that sends codes by e-mail, known by name or by the look of it. */
    static boolean sendsCodesByEmail(String providerId) {
        if (providerId == null) {
            return false;
        }
        String id = providerId.toLowerCase(Locale.ROOT);
        return KNOWN.contains(id) || (id.matches(".*e-?mail.*") && id.matches(".*(otp|code|authenticator).*"));
    }

    /** "flow alias: provider id" for every e-mail code step in the realm's browser and direct-grant flows. */
    public static List<String> offending(RealmModel realm) {
        List<String> found = new ArrayList<>();
        for (AuthenticationFlowModel flow : new AuthenticationFlowModel[] {realm.getBrowserFlow(),
                realm.getDirectGrantFlow()}) {
            FlowSteps.enabled(realm, flow).stream().filter(EmailCodeFlowCheck::sendsCodesByEmail)
                    .forEach(step -> found.add(flow.getAlias() + ": " + step));
        }
        return found;
    }
}
