package dev.twostep.signin;

import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderQuery;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import dev.twostep.core.AuthenticatorIds;
import dev.twostep.core.policy.RealmPolicy;

/**
 * What the server log says about one realm at start and after each admin change of its flows, clients,
 * identity providers or policy: every way in that skips the code, wrong policy settings, e-mailed codes.
 * An identity provider without a post-login flow is first given ours ({@link PostBrokerBinding}).
 */
public final class RealmGapReport {
    private static final Logger LOG = Logger.getLogger(RealmGapReport.class);

    private RealmGapReport() {
    }

    public static void run(KeycloakSession session, RealmModel realm) {
        RealmModel before = session.getContext().getRealm();
        // The identity provider store answers for the session's realm.
        session.getContext().setRealm(realm);
        try {
            report(session, realm);
        } finally {
            session.getContext().setRealm(before);
        }
    }

    private static void report(KeycloakSession session, RealmModel realm) {
        // Reading each config of the step logs what is wrong in it.
        RealmPolicy.allConfigs(realm).forEach(config -> RealmPolicy.read(realm, config));
        EmailCodeFlowCheck.offending(realm).forEach(step -> LOG.warnf("two-step: realm %s breaks the "
                + "no-e-mail-codes policy: flow %s sends codes by e-mail; remove that step", realm.getName(), step));
        if (!FlowCoverageCheck.usesTwoStep(realm)) {
            return;
        }
        List<IdentityProviderModel> providers = session.identityProviders()
                .getAllStream(IdentityProviderQuery.userAuthentication()).toList();
        PostBrokerBinding.bindMissing(session, realm, providers);
        List<WayIn> ways = FlowCoverageCheck.waysIn(realm, realm.getClientsStream(), providers);
        FlowCoverageCheck.uncovered(realm, ways)
                .forEach(way -> LOG.warnf("two-step: realm %s lets users sign in without a code through the %s: add "
                        + "the step \"%s\" to that flow (see the README)", realm.getName(), way, AuthenticatorIds.VERIFY));
        FlowCoverageCheck.sidesteps(realm, ways)
                .forEach(way -> LOG.warnf("two-step: realm %s has one of Keycloak's own second steps in the %s, which "
                        + "accepts credentials our enrollment never made: remove it, \"%s\" is the second step (see the README)",
                        realm.getName(), way, AuthenticatorIds.VERIFY));
        if (ResetFlowCheck.skipsTheCode(realm)) {
            LOG.warnf("two-step: realm %s lets \"Forgot password\" sign users in without a code: add the step "
                    + "\"%s\" to its reset credentials flow after the e-mail (see the README)", realm.getName(),
                    AuthenticatorIds.VERIFY);
        }
        if (TotpSetupCheck.offersKeycloakTotpSetup(realm)) {
            LOG.warnf("two-step: realm %s offers Keycloak's own authenticator-app set-up (required action %s): "
                    + "an app added there is never accepted as a 2SV method; disable that action (see the README)",
                    realm.getName(), UserModel.RequiredAction.CONFIGURE_TOTP.name());
        }
    }
}
