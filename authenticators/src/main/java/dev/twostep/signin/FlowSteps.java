package dev.twostep.signin;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;

/** What a flow will run: the provider ids of its enabled steps, sub-flows included. */
final class FlowSteps {
    private FlowSteps() {
    }

    static List<String> enabled(RealmModel realm, AuthenticationFlowModel flow) {
        List<String> found = new ArrayList<>();
        if (flow != null) {
            collect(realm, flow.getId(), found);
        }
        return found;
    }

    private static void collect(RealmModel realm, String flowId, List<String> found) {
        realm.getAuthenticationExecutionsStream(flowId)
                .filter(execution -> execution.getRequirement() != AuthenticationExecutionModel.Requirement.DISABLED)
                .forEach(execution -> {
                    if (execution.isAuthenticatorFlow()) {
                        collect(realm, execution.getFlowId(), found);
                    } else {
                        found.add(execution.getAuthenticator());
                    }
                });
    }
}
