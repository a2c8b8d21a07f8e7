package dev.twostep.recovery;

import java.util.Map;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import dev.twostep.core.recovery.AccountRecovery;

/** Account recovery by identity documents that a reviewer approves or rejects. */
final class DocumentRecovery implements AccountRecovery {
    private final KeycloakSession session;

    DocumentRecovery(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public boolean onPages(AuthenticationFlowContext context) {
        return new RecoveryPages(context).active();
    }

    @Override
    public void start(AuthenticationFlowContext context) {
        new RecoveryPages(context).start();
    }

    @Override
    public void show(AuthenticationFlowContext context) {
        new RecoveryPages(context).show();
    }

    @Override
    public void handle(AuthenticationFlowContext context, Runnable back) {
        new RecoveryPages(context).handle(back);
    }

    @Override
    public Map<String, Object> news(AuthenticationFlowContext context) {
        return new RecoveryPages(context).news();
    }

    @Override
    public boolean admitsEnrollment(RealmModel realm, UserModel user) {
        return new RecoveryClaim(session).admits(realm, user);
    }

    @Override
    public void settle(RealmModel realm, UserModel user) {
        new RecoveryRequests(session).settle(realm, user);
    }
}
