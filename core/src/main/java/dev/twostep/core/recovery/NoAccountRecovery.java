package dev.twostep.core.recovery;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A server without the recovery module: nothing to recover, so nothing stops an enrollment and nothing is
 * ever settled; a seller who asks for recovery is told it is not offered here.
 */
public final class NoAccountRecovery implements AccountRecovery {
    @Override
    public boolean available() {
        return false;
    }

    @Override
    public boolean onPages(AuthenticationFlowContext context) {
        return false;
    }

    @Override
    public void start(AuthenticationFlowContext context) {
        show(context);
    }

    @Override
    public void show(AuthenticationFlowContext context) {
        context.challenge(context.form().setError("twoStepRecoveryUnavailable")
                .createErrorPage(Response.Status.NOT_FOUND));
    }

    @Override
    public void handle(AuthenticationFlowContext context, Runnable back) {
        back.run();
    }

    @Override
    public Map<String, Object> news(AuthenticationFlowContext context) {
        return Map.of();
    }

    @Override
    public boolean admitsEnrollment(RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void settle(RealmModel realm, UserModel user) {
    }
}
