package dev.twostep.recovery.request;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;

import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.jpa.entities.UserEntity;
import org.keycloak.models.utils.KeycloakModelUtils;

import dev.twostep.core.NewestCredential;
import dev.twostep.core.phone.PhoneCredentialModel;

/** Reads and writes recovery requests in Keycloak's database, always within one realm. */
public final class RecoveryRequests {
    private final EntityManager em;

    public RecoveryRequests(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /**
     * The user's requests, newest first, drafts included. An account may have one per browser: a thief's
     * request beside the seller's, which reviewers weigh side by side.
     */
    public List<RecoveryRequestEntity> ofUser(RealmModel realm, UserModel user) {
        return em.createNamedQuery("twoStepRecoveryOfUser", RecoveryRequestEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("userId", user.getId()).getResultList();
    }

    /** The user's pending requests besides {@code request}: those a reviewer weighs against it. */
    public List<RecoveryRequestEntity> competingWith(RealmModel realm, RecoveryRequestEntity request) {
        return em.createNamedQuery("twoStepRecoveryOfUser", RecoveryRequestEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("userId", request.getUserId())
                .getResultStream().filter(other -> other.getStatus() == RecoveryStatus.PENDING)
                .filter(other -> !other.getId().equals(request.getId())).toList();
    }

    /** How many pending requests each user of {@code requests} has, counted in the database. */
    public Map<String, Long> pendingCounts(RealmModel realm, List<RecoveryRequestEntity> requests) {
        Map<String, Long> counts = new HashMap<>();
        if (requests.isEmpty()) {
            return counts;
        }
        em.createNamedQuery("twoStepRecoveryPendingCounts", Object[].class).setParameter("realmId", realm.getId())
                .setParameter("userIds", requests.stream().map(RecoveryRequestEntity::getUserId).distinct().toList())
                .getResultStream().forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /**
     * An approval settles the account: the user's other pending requests leave the queue as withdrawn and
     * other browsers' drafts go with their documents, so no competing request can be approved after it.
     */
    public void withdrawOthersOf(RealmModel realm, String userId) {
        em.createNamedQuery("twoStepRecoveryWithdraw").setParameter("realmId", realm.getId())
                .setParameter("userId", userId).setParameter("now", Time.currentTimeMillis()).executeUpdate();
        em.createNamedQuery("twoStepRecoveryDeleteDraftsOfUser").setParameter("realmId", realm.getId())
                .setParameter("userId", userId).executeUpdate();
    }

    /**
     * Holds the user's row until this transaction ends, so that two uploads at once (two tabs, a double
     * click, two cluster nodes) cannot both start a draft. Users of a federation without local rows have
     * nothing to lock and are served as before.
     */
    public void lockUser(UserModel user) {
        em.find(UserEntity.class, user.getId(), LockModeType.PESSIMISTIC_WRITE);
    }

    /** A new draft for the user. */
    public RecoveryRequestEntity startDraft(RealmModel realm, UserModel user) {
        RecoveryRequestEntity draft = new RecoveryRequestEntity();
        draft.setId(KeycloakModelUtils.generateId());
        draft.setRealmId(realm.getId());
        draft.setUserId(user.getId());
        draft.setStatus(RecoveryStatus.DRAFT);
        draft.setCreatedAt(Time.currentTimeMillis());
        em.persist(draft);
        return draft;
    }

    /** Deletes a request and its documents. */
    public void delete(RecoveryRequestEntity request) {
        em.remove(request);
    }

    public void addDocument(RecoveryRequestEntity request, DocumentType type, byte[] content) {
        RecoveryDocumentEntity document = new RecoveryDocumentEntity();
        document.setId(KeycloakModelUtils.generateId());
        document.setRequest(request);
        document.setPosition(request.getDocuments().size() + 1);
        document.setMediaType(type.mediaType());
        document.setSize(content.length);
        document.setContent(content);
        request.getDocuments().add(document);
        em.persist(document);
    }

    /** The draft goes to the reviewers' queue, saying where it came from; its age counts from now. */
    public void submit(RecoveryRequestEntity draft, String browser, String address) {
        draft.setStatus(RecoveryStatus.PENDING);
        draft.setCreatedAt(Time.currentTimeMillis());
        draft.setSentFromBrowser(browser == null ? null : browser.substring(0, Math.min(browser.length(), 255)));
        draft.setSentFromAddress(address == null ? null : address.substring(0, Math.min(address.length(), 64)));
    }

    public Optional<RecoveryRequestEntity> inRealm(RealmModel realm, String id) {
        return em.createNamedQuery("twoStepRecoveryById", RecoveryRequestEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("id", id)
                .getResultStream().findFirst();
    }

    /** One page of the submitted requests: pending first, oldest first. */
    public List<RecoveryRequestEntity> queue(RealmModel realm, int first, int max) {
        return em.createNamedQuery("twoStepRecoveryQueue", RecoveryRequestEntity.class)
                .setParameter("realmId", realm.getId()).setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** What a reviewer sees of one document before opening it. */
    public record DocumentFacts(String id, int position, String mediaType, long size) {
    }

    /** The documents of {@code request}, without their bytes (which stay in the database until one is opened). */
    public List<DocumentFacts> documentsOf(RecoveryRequestEntity request) {
        return em.createNamedQuery("twoStepRecoveryDocumentList", Object[].class)
                .setParameter("requestId", request.getId()).getResultStream()
                .map(row -> new DocumentFacts((String) row[0], ((Number) row[1]).intValue(), (String) row[2],
                        ((Number) row[3]).longValue()))
                .toList();
    }

    /** One document of {@code request}, bytes and all: only this one is read. */
    public Optional<RecoveryDocumentEntity> document(RecoveryRequestEntity request, String documentId) {
        return em.createNamedQuery("twoStepRecoveryDocumentOne", RecoveryDocumentEntity.class)
                .setParameter("requestId", request.getId()).setParameter("id", documentId)
                .getResultStream().findFirst();
    }

    /** How many documents each of {@code requests} has, counted in the database (their bytes stay there). */
    public Map<String, Long> documentCounts(List<RecoveryRequestEntity> requests) {
        Map<String, Long> counts = new HashMap<>();
        if (requests.isEmpty()) {
            return counts;
        }
        em.createNamedQuery("twoStepRecoveryDocumentCounts", Object[].class)
                .setParameter("ids", requests.stream().map(RecoveryRequestEntity::getId).toList())
                .getResultStream().forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** The user's approvals not yet used to set up 2SV again. */
    public List<RecoveryRequestEntity> approvedUnclaimed(RealmModel realm, UserModel user) {
        return em.createNamedQuery("twoStepRecoveryApprovedUnclaimed", RecoveryRequestEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("userId", user.getId()).getResultList();
    }

    /**
     * The seller has 2SV (passed a code or a trusted device, or just enrolled): whatever recovery they had
     * under way is moot. A pending request leaves the queue as withdrawn, a draft goes with its documents,
     * and an approval is spent, but only one decided before the seller's newest method: an approval that
     * lands during this very sign-in has removed those methods and must stay with its browser. One indexed
     * count on the common path, where there is nothing to settle.
     */
    public void settle(RealmModel realm, UserModel user) {
        // No flush first: nothing of this sign-in writes recovery rows before it, and an automatic flush would
        // dirty-check every entity the sign-in loaded, on every sign-in, to find that out.
        long unsettled = em.createNamedQuery("twoStepRecoveryUnsettled", Long.class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("realmId", realm.getId()).setParameter("userId", user.getId()).getSingleResult();
        if (unsettled == 0) {
            return;
        }
        long now = Time.currentTimeMillis();
        em.createNamedQuery("twoStepRecoveryWithdraw").setParameter("realmId", realm.getId())
                .setParameter("userId", user.getId()).setParameter("now", now).executeUpdate();
        em.createNamedQuery("twoStepRecoveryClaim").setParameter("realmId", realm.getId())
                .setParameter("userId", user.getId()).setParameter("now", now)
                .setParameter("methodsSince", NewestCredential.storedAt(user, PhoneCredentialModel.TYPE,
                        OTPCredentialModel.TYPE)).executeUpdate();
        em.createNamedQuery("twoStepRecoveryDeleteDraftsOfUser").setParameter("realmId", realm.getId())
                .setParameter("userId", user.getId()).executeUpdate();
    }

    /**
     * Records a decision on a pending request; false when it was decided already (by another reviewer, on
     * another node). The row is locked so that two decisions cannot both pass.
     */
    public boolean decide(RecoveryRequestEntity request, RecoveryStatus decision, String reviewer, String reason) {
        em.refresh(request, LockModeType.PESSIMISTIC_WRITE);
        if (request.getStatus() != RecoveryStatus.PENDING) {
            return false;
        }
        request.setStatus(decision);
        request.setDecidedAt(Time.currentTimeMillis());
        request.setDecidedBy(reviewer);
        request.setReason(reason);
        return true;
    }

    /** Deletes the documents of the realm's requests decided before {@code cutoff}; returns how many. */
    public int purgeDocumentsDecidedBefore(RealmModel realm, long cutoff) {
        return em.createNamedQuery("twoStepRecoveryPurgeDocuments").setParameter("realmId", realm.getId())
                .setParameter("cutoff", cutoff).executeUpdate();
    }

    /** Deletes drafts (and their documents) started before {@code cutoff} and never sent; returns how many. */
    public int deleteDraftsStartedBefore(RealmModel realm, long cutoff) {
        return em.createNamedQuery("twoStepRecoveryDeleteStaleDrafts").setParameter("realmId", realm.getId())
                .setParameter("cutoff", cutoff).executeUpdate();
    }

    /** Removes every request of a realm being deleted (the database deletes their documents with them). */
    public void deleteOfRealm(RealmModel realm) {
        em.createNamedQuery("twoStepRecoveryDeleteOfRealm").setParameter("realmId", realm.getId()).executeUpdate();
    }

    /** Removes every request (and document) of a user, as when the user is deleted. */
    public void deleteOfUser(RealmModel realm, String userId) {
        em.createNamedQuery("twoStepRecoveryOfUser", RecoveryRequestEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("userId", userId)
                .getResultList().forEach(em::remove);
    }
}
