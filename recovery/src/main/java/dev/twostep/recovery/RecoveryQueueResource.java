package dev.twostep.recovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** The reviewers' admin REST API: {@code /admin/realms/{realm}/two-step-recovery}. */
public final class RecoveryQueueResource {
    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    RecoveryQueueResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    /** The realm's requests, pending first, oldest first within each status. */
    @GET
    @Path("requests")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> queue() {
        Reviewers.require(realm, auth);
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        long now = Time.currentTimeMillis();
        return em.createNamedQuery("twoStepRecoveryQueue", RecoveryRequestEntity.class)
                .setParameter("realmId", realm.getId())
                .getResultStream()
                .map(request -> summary(request, now))
                .toList();
    }

    private Map<String, Object> summary(RecoveryRequestEntity request, long now) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", request.getId());
        summary.put("userId", request.getUserId());
        UserModel user = session.users().getUserById(realm, request.getUserId());
        summary.put("username", user == null ? null : user.getUsername());
        summary.put("status", request.getStatus().name());
        summary.put("createdAt", request.getCreatedAt());
        summary.put("ageMinutes", Math.max(0, (now - request.getCreatedAt()) / 60_000));
        summary.put("documents", request.getDocuments().size());
        return summary;
    }
}
