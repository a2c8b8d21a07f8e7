package dev.twostep.signin;

import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import dev.twostep.core.AuthenticatorIds;

/**
 * Gives every identity provider of a realm that uses 2SV a post-login flow with the code step when it has
 * none: a returning brokered user runs only that flow, so an identity provider added without one would sign
 * users in on the other site's word alone. The realm must carry the flow {@value #FLOW_ALIAS} (the shipped
 * realm does); a post-login flow an admin chose is left as it is (the start-up report names it if it skips
 * the code).
 */
public final class PostBrokerBinding {
    public static final String FLOW_ALIAS = "two-step post login";
    private static final Logger LOG = Logger.getLogger(PostBrokerBinding.class);

    private PostBrokerBinding() {
    }

    /**
     * Binds the flow to each of {@code providers} (the realm's) that has no post-login flow, updating the
     * models given as well as the store, so the caller's list shows the bindings.
     */
    public static void bindMissing(KeycloakSession session, RealmModel realm, List<IdentityProviderModel> providers) {
        AuthenticationFlowModel flow = realm.getFlowByAlias(FLOW_ALIAS);
        if (flow == null || !FlowSteps.enabled(realm, flow).contains(AuthenticatorIds.VERIFY)) {
            return;
        }
        for (IdentityProviderModel provider : providers) {
            if (provider.getPostBrokerLoginFlowId() == null || provider.getPostBrokerLoginFlowId().isBlank()) {
                provider.setPostBrokerLoginFlowId(flow.getId());
                session.identityProviders().update(provider);
                LOG.infof("two-step: realm %s: identity provider %s now runs the post login flow '%s' so that its "
                        + "users give a code too", realm.getName(), provider.getAlias(), FLOW_ALIAS);
            }
        }
    }
}
