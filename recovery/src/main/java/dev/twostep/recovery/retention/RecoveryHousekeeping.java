package dev.twostep.recovery.retention;

import java.time.Duration;

import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

import dev.twostep.recovery.request.RecoveryRequests;

/**
 * Keeps the recovery tables tidy: documents past their retention go every hour (on one node of a cluster
 * at a time), and a deleted user's (or realm's) requests and documents go with it.
 */
public final class RecoveryHousekeeping {
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private RecoveryHousekeeping() {
    }

    public static void register(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                long interval = PURGE_INTERVAL.toMillis();
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                        .schedule(new ClusterAwareScheduledTaskRunner(factory, new DocumentRetention(), interval),
                                interval, DocumentRetention.TASK_NAME));
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new RecoveryRequests(removed.getKeycloakSession()).deleteOfRealm(removed.getRealm());
            } else if (event instanceof UserModel.UserRemovedEvent removed) {
                new RecoveryRequests(removed.getKeycloakSession()).deleteOfUser(removed.getRealm(),
                        removed.getUser().getId());
            }
        });
    }
}
