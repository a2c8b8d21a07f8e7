package dev.twostep.recovery;

import java.util.Map;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import dev.twostep.core.recovery.AccountRecovery;
import dev.twostep.recovery.request.RecoveryRequests;
import dev.twostep.recovery.seller.RecoveryClaim;
import dev.twostep.recovery.seller.RecoveryPages;

/** Account recovery by identity documents that a reviewer approves or rejects. */
final class DocumentRecovery implements AccountRecovery {
    private final KeycloakSession session;

    DocumentRecovery(KeycloakSession session) {
        this.session = session;
    }

    private static RecoveryPages pages(AuthenticationFlowContext context) {
        return new RecoveryPages(context, RecoveryRealmResourceFactory.PROVIDER_ID);
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public boolean onPages(AuthenticationFlowContext context) {
        return pages(context).active();
    }

    @Override
    public void start(AuthenticationFlowContext context) {
        pages(context).start();
    }

    @Override
    public void show(AuthenticationFlowContext context) {
        pages(context).show();
    }

    @Override
    public void handle(AuthenticationFlowContext context, Runnable back) {
        pages(context).handle(back);
    }

    @Override
    public Map<String, Object> news(AuthenticationFlowContext context) {
        return pages(context).news();
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
