package dev.twostep.signin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.keycloak.models.AuthenticationFlowBindings;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;

import dev.twostep.core.AuthenticatorIds;
import dev.twostep.core.RealmActions;

/**
 * Finds every way into a realm that uses 2SV where a user can finish without the code: the realm's browser
 * and password-grant flows, each client's flow overrides, and each identity provider's post-broker-login flow
 * (a returning brokered user runs only that one, never the browser flow).
 */
public final class FlowCoverageCheck {
    private FlowCoverageCheck() {
    }

    /** A realm whose browser flow asks for the code or whose users are sent to our enrollment. */
    public static boolean usesTwoStep(RealmModel realm) {
        return RealmActions.enrolls(realm)
                || FlowSteps.enabled(realm, realm.getBrowserFlow()).contains(AuthenticatorIds.VERIFY);
    }

    /** Every way into the realm, named as an admin finds it in the admin console. */
    public static List<WayIn> waysIn(RealmModel realm, Stream<ClientModel> clients, List<IdentityProviderModel> providers) {
        List<WayIn> ways = new ArrayList<>();
        ways.add(WayIn.browser("browser flow", idOf(realm.getBrowserFlow())));
        ways.add(WayIn.passwordGrant("direct grant flow", idOf(realm.getDirectGrantFlow())));
        clients.forEach(client -> {
            Map<String, String> overrides = client.getAuthenticationFlowBindingOverrides();
            String browser = overrides.get(AuthenticationFlowBindings.BROWSER_BINDING);
            if (browser != null && !browser.isBlank()) {
                ways.add(WayIn.browser("client " + client.getClientId() + ", browser flow override", browser));
            }
            String grant = overrides.get(AuthenticationFlowBindings.DIRECT_GRANT_BINDING);
            if (grant != null && !grant.isBlank()) {
                ways.add(WayIn.passwordGrant("client " + client.getClientId() + ", direct grant flow override", grant));
            }
        });
        providers.forEach(provider -> ways.add(WayIn.browser(
                "identity provider " + provider.getAlias() + ", post login flow", provider.getPostBrokerLoginFlowId())));
        return ways;
    }

    /** "way (flow alias)" for each way that never runs a second step. */
    public static List<String> uncovered(RealmModel realm, List<WayIn> ways) {
        List<String> found = new ArrayList<>();
        for (WayIn way : ways) {
            AuthenticationFlowModel flow = way.flowId() == null || way.flowId().isBlank() ? null
                    : realm.getAuthenticationFlowById(way.flowId());
            if (flow == null) {
                found.add(way.name() + " (none)");
            } else if (FlowSteps.enabled(realm, flow).stream().noneMatch(way.secondSteps()::contains)) {
                found.add(way.name() + " (" + flow.getAlias() + ")");
            }
        }
        return found;
    }

    /**
     * Keycloak's own second steps and passkey sign-in: each accepts credentials our enrollment never made
     * (an app or a security key added in the Account Console, recovery codes), so beside ours, as an
     * alternative, it is a way round 2SV.
     */
    static final Set<String> OTHER_SECOND_STEPS = Set.of("auth-otp-form", "webauthn-authenticator",
            "webauthn-authenticator-passwordless", "auth-recovery-authn-code-form", "direct-grant-validate-otp");

    /** "way (flow alias): step" for each way whose flow, beside the code, also holds one of those steps. */
    public static List<String> sidesteps(RealmModel realm, List<WayIn> ways) {
        List<String> found = new ArrayList<>();
        for (WayIn way : ways) {
            AuthenticationFlowModel flow = way.flowId() == null || way.flowId().isBlank() ? null
                    : realm.getAuthenticationFlowById(way.flowId());
            if (flow != null) {
                FlowSteps.enabled(realm, flow).stream().filter(OTHER_SECOND_STEPS::contains).distinct()
                        .forEach(step -> found.add(way.name() + " (" + flow.getAlias() + "): " + step));
            }
        }
        return found;
    }

    private static String idOf(AuthenticationFlowModel flow) {
        return flow == null ? null : flow.getId();
    }
}
