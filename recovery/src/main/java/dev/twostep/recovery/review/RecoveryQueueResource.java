package dev.twostep.recovery.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.common.util.Time;
import org.keycloak.events.Event;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.method.TwoStepReset;
import dev.twostep.core.method.UserMethods;
import dev.twostep.core.notice.ChangeNotice;
import dev.twostep.core.phone.PhoneNumbers;
import dev.twostep.recovery.request.DocumentType;
import dev.twostep.recovery.request.RecoveryDocumentEntity;
import dev.twostep.recovery.request.RecoveryRequestEntity;
import dev.twostep.recovery.request.RecoveryRequests;
import dev.twostep.recovery.request.RecoveryStatus;
import dev.twostep.recovery.retention.DocumentRetention;

/** The reviewers' admin REST API: {@code /admin/realms/{realm}/two-step-recovery}. */
public final class RecoveryQueueResource {
    static final int MAX_PAGE = 500;
    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final RecoveryRequests requests;

    RecoveryQueueResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                          AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.requests = new RecoveryRequests(session);
    }

    /**
     * One page of the realm's requests ({@code first}, at most {@code max}), pending first, oldest first,
     * less those of accounts the reviewer may not decide for (so a page may hold fewer than {@code max}).
     */
    @GET
    @Path("requests")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> queue(@QueryParam("first") @DefaultValue("0") int first,
                                           @QueryParam("max") @DefaultValue("100") int max) {
        Reviewers.require(realm, auth);
        if (first < 0 || max < 1 || max > MAX_PAGE) {
            throw new BadRequestException("first must be 0 or more, max 1 to " + MAX_PAGE);
        }
        long now = Time.currentTimeMillis();
        // A reviewer by role does not even see the requests of accounts they may not decide for.
        List<RecoveryRequestEntity> page = requests.queue(realm, first, max).stream()
                .filter(request -> Reviewers.mayDecideFor(realm, auth,
                        session.users().getUserById(realm, request.getUserId())))
                .toList();
        Map<String, Long> documents = requests.documentCounts(page);
        Map<String, Long> pending = requests.pendingCounts(realm, page);
        return page.stream().map(request -> {
            Map<String, Object> summary = summary(request, documents.getOrDefault(request.getId(), 0L), now);
            long others = pending.getOrDefault(request.getUserId(), 0L)
                    - (request.getStatus() == RecoveryStatus.PENDING ? 1 : 0);
            summary.put("competing", Math.max(0, others));
            return summary;
        }).toList();
    }

    /** One request with the account facts a reviewer weighs: age of the account, last sign-in, methods. */
    @GET
    @Path("requests/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> detail(@PathParam("id") String id) {
        Reviewers.require(realm, auth);
        RecoveryRequestEntity request = find(id);
        Reviewers.requireMayDecideFor(realm, auth, session.users().getUserById(realm, request.getUserId()));
        List<RecoveryRequests.DocumentFacts> documents = requests.documentsOf(request);
        Map<String, Object> detail = summary(request, documents.size(), Time.currentTimeMillis());
        detail.put("contactNote", request.getContactNote());
        detail.put("decidedAt", request.getDecidedAt());
        detail.put("decidedBy", request.getDecidedBy());
        detail.put("reason", request.getReason());
        // Every other open request of the account, to weigh side by side: approving one withdraws the others.
        List<RecoveryRequestEntity> competingRequests = requests.competingWith(realm, request);
        Map<String, Long> competingDocuments = requests.documentCounts(competingRequests);
        detail.put("competingRequests", competingRequests.stream().map(other -> {
            Map<String, Object> competing = new LinkedHashMap<>();
            competing.put("id", other.getId());
            competing.put("createdAt", other.getCreatedAt());
            competing.put("sentFromBrowser", other.getSentFromBrowser());
            competing.put("sentFromAddress", other.getSentFromAddress());
            competing.put("documents", competingDocuments.getOrDefault(other.getId(), 0L));
            return competing;
        }).toList());
        detail.put("documentList", documents.stream().map(document -> Map.of(
                "id", document.id(), "position", document.position(), "mediaType", document.mediaType(),
                "size", document.size())).toList());
        UserModel user = session.users().getUserById(realm, request.getUserId());
        if (user != null) {
            detail.put("account", accountFacts(user));
        }
        return detail;
    }

    /** A document, always as a download: never rendered by the reviewer's browser in our origin. */
    @GET
    @Path("requests/{id}/documents/{documentId}")
    public Response document(@PathParam("id") String id, @PathParam("documentId") String documentId) {
        Reviewers.require(realm, auth);
        RecoveryRequestEntity request = find(id);
        Reviewers.requireMayDecideFor(realm, auth, session.users().getUserById(realm, request.getUserId()));
        RecoveryDocumentEntity document = requests.document(request, documentId)
                .orElseThrow(() -> new NotFoundException("no such document"));
        String extension = DocumentType.ofMediaType(document.getMediaType()).map(DocumentType::extension).orElse("bin");
        return Response.ok(document.getContent(), document.getMediaType())
                .header("Content-Disposition", "attachment; filename=\"document-" + document.getPosition() + "."
                        + extension + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * Approve: every 2SV method and trusted device goes, every session ends (offline ones too), the account's
     * other requests are withdrawn, and the enrollment comes next, for the browser that sent this request.
     */
    @POST
    @Path("requests/{id}/approve")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> approve(@PathParam("id") String id) {
        Reviewers.require(realm, auth);
        RecoveryRequestEntity request = find(id);
        UserModel user = session.users().getUserById(realm, request.getUserId());
        Reviewers.requireMayDecideFor(realm, auth, user);
        decide(request, RecoveryStatus.APPROVED, null);
        requests.withdrawOthersOf(realm, request.getUserId());
        if (user != null) {
            new TwoStepReset(session).reset(realm, user);
            new ChangeNotice(session).send(realm, user, ChangeNotice.Change.RECOVERY_APPROVED);
        }
        return detail(id);
    }

    /** Reject, with the reason the seller will read; nothing of the account changes. */
    @POST
    @Path("requests/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> reject(@PathParam("id") String id, Map<String, String> body) {
        Reviewers.require(realm, auth);
        String reason = body == null || body.get("reason") == null ? "" : body.get("reason").strip();
        if (reason.isEmpty() || reason.length() > 1000) {
            throw new BadRequestException("a reason of 1 to 1000 characters is required");
        }
        RecoveryRequestEntity request = find(id);
        UserModel user = session.users().getUserById(realm, request.getUserId());
        Reviewers.requireMayDecideFor(realm, auth, user);
        decide(request, RecoveryStatus.REJECTED, reason);
        if (user != null) {
            new ChangeNotice(session).send(realm, user, ChangeNotice.Change.RECOVERY_REJECTED);
        }
        return detail(id);
    }

    /** Deletes now the documents past the realm's retention, which the hourly task would delete anyway. */
    @POST
    @Path("purge")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> purge() {
        Reviewers.require(realm, auth);
        DocumentRetention.Purged purged = DocumentRetention.purge(session, realm);
        return Map.of("deleted", purged.documents(), "draftsDeleted", purged.drafts());
    }

    private void decide(RecoveryRequestEntity request, RecoveryStatus decision, String reason) {
        String reviewer = auth.adminAuth().getUser().getUsername();
        if (!requests.decide(request, decision, reviewer, reason)) {
            throw new ClientErrorException("this request was decided already", Response.Status.CONFLICT);
        }
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("decision", decision.name());
        representation.put("reviewer", reviewer);
        representation.put("userId", request.getUserId());
        if (reason != null) {
            representation.put("reason", reason);
        }
        adminEvent.operation(OperationType.ACTION).resource(ResourceType.USER)
                .resourcePath("two-step-recovery", "requests", request.getId(), decision.name().toLowerCase())
                .representation(representation).success();
    }

    private RecoveryRequestEntity find(String id) {
        // Another realm's request is "not found" here: ids never cross realms.
        return requests.inRealm(realm, id).filter(request -> request.getStatus() != RecoveryStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("no such recovery request"));
    }

    private Map<String, Object> summary(RecoveryRequestEntity request, long documents, long now) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", request.getId());
        summary.put("userId", request.getUserId());
        UserModel user = session.users().getUserById(realm, request.getUserId());
        summary.put("username", user == null ? null : user.getUsername());
        summary.put("status", request.getStatus().name());
        summary.put("createdAt", request.getCreatedAt());
        summary.put("ageMinutes", Math.max(0, (now - request.getCreatedAt()) / 60_000));
        summary.put("documents", documents);
        summary.put("sentFromBrowser", request.getSentFromBrowser());
        summary.put("sentFromAddress", request.getSentFromAddress());
        return summary;
    }

    private Map<String, Object> accountFacts(UserModel user) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("createdAt", user.getCreatedTimestamp());
        // From the login events, when the realm keeps them (the seller realm does).
        facts.put("lastSignIn", session.getProvider(EventStoreProvider.class).createQuery().realm(realm.getId())
                .user(user.getId()).type(EventType.LOGIN).maxResults(1).getResultStream()
                .map(Event::getTime).findFirst().orElse(null));
        PhoneNumbers numbers = new PhoneNumbers();
        UserMethods methods = UserMethods.of(user);
        // Kind and masked number, for the page to put in the reviewer's words ("Text message to +1 •••-•••-0132").
        for (MethodRole role : MethodRole.values()) {
            facts.put(role.id(), methods.inRole(role).map(method -> method.phone()
                    .map(phone -> Map.of("kind", phone.channel().id(), "masked", numbers.mask(phone.number())))
                    .orElse(Map.of("kind", "app"))).orElse(null));
        }
        return facts;
    }
}
