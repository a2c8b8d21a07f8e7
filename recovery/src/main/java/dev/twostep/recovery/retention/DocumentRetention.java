package dev.twostep.recovery.retention;

import java.time.Duration;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

import dev.twostep.recovery.request.RecoveryPolicy;
import dev.twostep.recovery.request.RecoveryRequests;

/**
 * Deletes identity documents once a request has been decided for longer than the realm's retention (a
 * decision needs them no more, and identity documents are the last thing to keep around), and drafts a
 * seller started but never sent.
 */
public final class DocumentRetention implements ScheduledTask {
    static final String TASK_NAME = "two-step-recovery-retention";
    /** A draft lives while its seller is on the upload page; a day is far beyond any sign-in. */
    static final Duration DRAFT_LIFETIME = Duration.ofHours(24);
    private static final Logger LOG = Logger.getLogger(DocumentRetention.class);

    /** What one purge deleted. */
    public record Purged(int documents, int drafts) {
    }

    @Override
    public void run(KeycloakSession session) {
        session.realms().getRealmsStream().forEach(realm -> {
            Purged purged = purge(session, realm);
            if (purged.documents() > 0 || purged.drafts() > 0) {
                LOG.infof("two-step: deleted %d recovery documents past their retention and %d abandoned drafts "
                        + "in realm %s", purged.documents(), purged.drafts(), realm.getName());
            }
        });
    }

    /** Purges one realm now. */
    public static Purged purge(KeycloakSession session, RealmModel realm) {
        long now = Time.currentTimeMillis();
        RecoveryRequests requests = new RecoveryRequests(session);
        int documents = requests.purgeDocumentsDecidedBefore(realm,
                now - RecoveryPolicy.of(realm).retention().toMillis());
        int drafts = requests.deleteDraftsStartedBefore(realm, now - DRAFT_LIFETIME.toMillis());
        return new Purged(documents, drafts);
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
