package dev.twostep.core.policy;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

import dev.twostep.core.AuthenticatorIds;

/**
 * The realm's 2SV policy for flows that have no config of their own (enrollment, the password grant): the
 * config of the sign-in step in the realm's browser flow, so an admin sets every limit in one place.
 */
public final class RealmPolicy {
    private static final Logger LOG = Logger.getLogger(RealmPolicy.class);

    private RealmPolicy() {
    }

    public static TwoStepPolicy of(RealmModel realm) {
        AuthenticationFlowModel browser = realm.getBrowserFlow();
        Optional<AuthenticatorConfigModel> config = browser == null ? Optional.empty() : configIn(realm, browser.getId());
        if (config.isEmpty()) {
            return TwoStepPolicy.defaults();
        }
        return read(realm, config.get());
    }

    /** The policy of one config of the sign-in step, each wrong setting reported in the server log. */
    public static TwoStepPolicy read(RealmModel realm, AuthenticatorConfigModel config) {
        TwoStepPolicyConfig.Reading reading = TwoStepPolicyConfig.read(config.getConfig());
        reading.problems().forEach(problem -> LOG.warnf("two-step: policy '%s' of realm %s: %s", config.getAlias(),
                realm.getName(), problem));
        return reading.policy();
    }

    /** Every config of the sign-in step in the realm, in any flow: what the start-up check reads. */
    public static java.util.List<AuthenticatorConfigModel> allConfigs(RealmModel realm) {
        return realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(execution -> AuthenticatorIds.VERIFY.equals(execution.getAuthenticator())
                        && execution.getAuthenticatorConfig() != null)
                .map(execution -> realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig()))
                .filter(java.util.Objects::nonNull).toList();
    }

    /** The raw config map of the sign-in step (empty when it has none), for settings kept by other modules. */
    public static java.util.Map<String, String> config(RealmModel realm) {
        AuthenticationFlowModel browser = realm.getBrowserFlow();
        return (browser == null ? Optional.<AuthenticatorConfigModel>empty() : configIn(realm, browser.getId()))
                .map(AuthenticatorConfigModel::getConfig).map(java.util.Map::copyOf).orElse(java.util.Map.of());
    }

    private static Optional<AuthenticatorConfigModel> configIn(RealmModel realm, String flowId) {
        return realm.getAuthenticationExecutionsStream(flowId)
                .map(execution -> configOf(realm, execution))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<AuthenticatorConfigModel> configOf(RealmModel realm, AuthenticationExecutionModel execution) {
        if (execution.isAuthenticatorFlow()) {
            return configIn(realm, execution.getFlowId());
        }
        if (AuthenticatorIds.VERIFY.equals(execution.getAuthenticator()) && execution.getAuthenticatorConfig() != null) {
            return Optional.ofNullable(realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig()));
        }
        return Optional.empty();
    }
}
