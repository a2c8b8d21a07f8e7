package dev.twostep.recovery;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

/**
 * Deletes identity documents once a request has been decided for longer than the realm's retention: a
 * decision needs them no more, and identity documents are the last thing to keep around.
 */
public final class DocumentRetention implements ScheduledTask {
    static final String TASK_NAME = "two-step-recovery-retention";
    private static final Logger LOG = Logger.getLogger(DocumentRetention.class);

    @Override
    public void run(KeycloakSession session) {
        session.realms().getRealmsStream().forEach(realm -> {
            int deleted = purge(session, realm);
            if (deleted > 0) {
                LOG.infof("two-step: deleted %d recovery documents of realm %s past their retention", deleted,
                        realm.getName());
            }
        });
    }

    /** Purges one realm now; returns how many documents went. */
    public static int purge(KeycloakSession session, RealmModel realm) {
        long cutoff = Time.currentTimeMillis() - RecoveryPolicy.of(realm).retention().toMillis();
        return new RecoveryRequests(session).purgeDocumentsDecidedBefore(realm, cutoff);
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
