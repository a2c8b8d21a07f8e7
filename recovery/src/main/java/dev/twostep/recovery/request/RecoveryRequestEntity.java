package dev.twostep.recovery.request;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A seller's request to recover an account whose every 2SV method is lost. Realm-scoped: every query names
 * the realm, so a reviewer of one realm never reaches another realm's requests.
 */
@Entity
@Table(name = "TWO_STEP_RECOVERY_REQUEST")
@NamedQueries({
        @NamedQuery(name = "twoStepRecoveryQueue", query = "select r from RecoveryRequestEntity r"
                + " where r.realmId = :realmId and r.status <> 'DRAFT'"
                + " order by case when r.status = 'PENDING' then 0 else 1 end, r.createdAt, r.id"),
        @NamedQuery(name = "twoStepRecoveryDocumentCounts", query = "select d.request.id, count(d)"
                + " from RecoveryDocumentEntity d where d.request.id in :ids group by d.request.id"),
        @NamedQuery(name = "twoStepRecoveryById", query = "select r from RecoveryRequestEntity r"
                + " where r.realmId = :realmId and r.id = :id"),
        @NamedQuery(name = "twoStepRecoveryOfUser", query = "select r from RecoveryRequestEntity r"
                + " where r.realmId = :realmId and r.userId = :userId order by r.createdAt desc"),
        @NamedQuery(name = "twoStepRecoveryApprovedUnclaimed", query = "select r from RecoveryRequestEntity r"
                + " where r.realmId = :realmId and r.userId = :userId and r.status = 'APPROVED'"
                + " and r.claimedAt is null"),
        @NamedQuery(name = "twoStepRecoveryUnsettled", query = "select count(r) from RecoveryRequestEntity r"
                + " where r.realmId = :realmId and r.userId = :userId and (r.status in ('DRAFT', 'PENDING')"
                + " or (r.status = 'APPROVED' and r.claimedAt is null))"),
        @NamedQuery(name = "twoStepRecoveryWithdraw", query = "update RecoveryRequestEntity r"
                + " set r.status = 'WITHDRAWN', r.decidedAt = :now"
                + " where r.realmId = :realmId and r.userId = :userId and r.status = 'PENDING'"),
        @NamedQuery(name = "twoStepRecoveryClaim", query = "update RecoveryRequestEntity r set r.claimedAt = :now"
                + " where r.realmId = :realmId and r.userId = :userId and r.status = 'APPROVED'"
                + " and r.claimedAt is null and r.decidedAt < :methodsSince"),
        @NamedQuery(name = "twoStepRecoveryDocumentList", query = "select d.id, d.position, d.mediaType, d.size"
                + " from RecoveryDocumentEntity d where d.request.id = :requestId order by d.position"),
        @NamedQuery(name = "twoStepRecoveryDocumentOne", query = "select d from RecoveryDocumentEntity d"
                + " where d.request.id = :requestId and d.id = :id"),
        @NamedQuery(name = "twoStepRecoveryPendingCounts", query = "select r.userId, count(r)"
                + " from RecoveryRequestEntity r where r.realmId = :realmId and r.status = 'PENDING'"
                + " and r.userId in :userIds group by r.userId"),
        @NamedQuery(name = "twoStepRecoveryDeleteDraftsOfUser", query = "delete from RecoveryRequestEntity r"
                + " where r.realmId = :realmId and r.userId = :userId and r.status = 'DRAFT'"),
        @NamedQuery(name = "twoStepRecoveryDeleteStaleDrafts", query = "delete from RecoveryRequestEntity r"
                + " where r.realmId = :realmId and r.status = 'DRAFT' and r.createdAt < :cutoff"),
        @NamedQuery(name = "twoStepRecoveryDeleteOfRealm", query = "delete from RecoveryRequestEntity r"
                + " where r.realmId = :realmId"),
        @NamedQuery(name = "twoStepRecoveryPurgeDocuments", query = "delete from RecoveryDocumentEntity d"
                + " where d.request.id in (select r.id from RecoveryRequestEntity r where r.realmId = :realmId"
                + " and r.decidedAt < :cutoff and r.status in ('APPROVED', 'REJECTED', 'WITHDRAWN'))")
})
public class RecoveryRequestEntity {
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private RecoveryStatus status;

    @Column(name = "CONTACT_NOTE", length = 2000)
    private String contactNote;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "DECIDED_AT")
    private Long decidedAt;

    @Column(name = "DECIDED_BY", length = 255)
    private String decidedBy;

    @Column(name = "REASON", length = 1000)
    private String reason;

    /** Hash of the token in the requesting browser's cookie: only that browser takes an approval further. */
    @Column(name = "CLAIM_HASH", length = 64)
    private String claimHash;

    /** When the seller had 2SV again after the approval; from then on the approval opens nothing. */
    @Column(name = "CLAIMED_AT")
    private Long claimedAt;

    /** The browser (its User-Agent, shortened) that sent the request: reviewers weigh competing requests by it. */
    @Column(name = "SENT_FROM_BROWSER", length = 255)
    private String sentFromBrowser;

    /** The client address Keycloak resolved for the post that sent the request. */
    @Column(name = "SENT_FROM_ADDRESS", length = 64)
    private String sentFromAddress;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<RecoveryDocumentEntity> documents = new ArrayList<>();

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public RecoveryStatus getStatus() {
        return status;
    }

    public void setStatus(RecoveryStatus status) {
        this.status = status;
    }

    public String getContactNote() {
        return contactNote;
    }

    public void setContactNote(String contactNote) {
        this.contactNote = contactNote;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public Long getDecidedAt() {
        return decidedAt;
    }

    public void setDecidedAt(Long decidedAt) {
        this.decidedAt = decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public void setDecidedBy(String decidedBy) {
        this.decidedBy = decidedBy;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getClaimHash() {
        return claimHash;
    }

    public void setClaimHash(String claimHash) {
        this.claimHash = claimHash;
    }

    public Long getClaimedAt() {
        return claimedAt;
    }

    public void setClaimedAt(Long claimedAt) {
        this.claimedAt = claimedAt;
    }

    /** An approval the seller has not yet used to set up 2SV again. */
    public String getSentFromBrowser() {
        return sentFromBrowser;
    }

    public void setSentFromBrowser(String sentFromBrowser) {
        this.sentFromBrowser = sentFromBrowser;
    }

    public String getSentFromAddress() {
        return sentFromAddress;
    }

    public void setSentFromAddress(String sentFromAddress) {
        this.sentFromAddress = sentFromAddress;
    }

        public boolean awaitsClaim() {
        return status == RecoveryStatus.APPROVED && claimedAt == null;
    }

    public List<RecoveryDocumentEntity> getDocuments() {
        return documents;
    }
}
