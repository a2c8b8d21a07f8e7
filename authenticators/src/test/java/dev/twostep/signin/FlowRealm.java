package dev.twostep.signin;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;

/**
 * Just enough of a realm for the flow checks: flows with their steps, required actions, and "Forgot password". A stand-in for a
 * unit test; the realms of the integration tests are real.
 */
final class FlowRealm {
    private final Map<String, List<AuthenticationExecutionModel>> executions = new HashMap<>();
    private final Map<String, AuthenticationFlowModel> flows = new HashMap<>();
    private boolean resetAllowed;
    private final Map<String, Boolean> requiredActions = new HashMap<>();

    /** A flow of enabled (REQUIRED) steps; a step named "flow:alias" is the sub-flow of that alias. */
    AuthenticationFlowModel flow(String alias, String... steps) {
        AuthenticationFlowModel flow = new AuthenticationFlowModel();
        flow.setId("id-" + alias);
        flow.setAlias(alias);
        flows.put(alias, flow);
        List<AuthenticationExecutionModel> list = new ArrayList<>();
        for (String step : steps) {
            list.add(step(step, AuthenticationExecutionModel.Requirement.REQUIRED));
        }
        executions.put(flow.getId(), list);
        return flow;
    }

    /** Adds a DISABLED step to a flow. */
    void disabled(AuthenticationFlowModel flow, String step) {
        executions.get(flow.getId()).add(step(step, AuthenticationExecutionModel.Requirement.DISABLED));
    }

    /** Registers a required action, enabled or not. */
    void requiredAction(String alias, boolean enabled) {
        requiredActions.put(alias, enabled);
    }

    private RequiredActionProviderModel requiredAction(String alias) {
        if (!requiredActions.containsKey(alias)) {
            return null;
        }
        RequiredActionProviderModel action = new RequiredActionProviderModel();
        action.setAlias(alias);
        action.setEnabled(requiredActions.get(alias));
        return action;
    }

    void resetAllowed(boolean allowed) {
        resetAllowed = allowed;
    }

    private static AuthenticationExecutionModel step(String step, AuthenticationExecutionModel.Requirement requirement) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setRequirement(requirement);
        if (step.startsWith("flow:")) {
            execution.setAuthenticatorFlow(true);
            execution.setFlowId("id-" + step.substring("flow:".length()));
        } else {
            execution.setAuthenticator(step);
        }
        return execution;
    }

    RealmModel realm() {
        return (RealmModel) Proxy.newProxyInstance(RealmModel.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> "test";
                    case "getBrowserFlow" -> flows.get("browser");
                    case "getDirectGrantFlow" -> flows.get("direct grant");
                    case "getResetCredentialsFlow" -> flows.get("reset credentials");
                    case "isResetPasswordAllowed" -> resetAllowed;
                    case "getRequiredActionProviderByAlias" -> requiredAction((String) args[0]);
                    case "getAuthenticationFlowById" -> flows.values().stream()
                            .filter(flow -> flow.getId().equals(args[0])).findFirst().orElse(null);
                    case "getAuthenticationExecutionsStream" ->
                            executions.getOrDefault((String) args[0], List.of()).stream();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
