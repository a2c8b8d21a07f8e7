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
    public List<RequestViews.QueueEntry> queue(@QueryParam("first") @DefaultValue("0") int first,
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
            long others = pending.getOrDefault(request.getUserId(), 0L)
                    - (request.getStatus() == RecoveryStatus.PENDING ? 1 : 0);
            return new RequestViews.QueueEntry(request.getId(), request.getUserId(), username(request),
                    request.getStatus().name(), request.getCreatedAt(), ageMinutes(request, now),
                    documents.getOrDefault(request.getId(), 0L), request.getSentFromBrowser(),
                    request.getSentFromAddress(), Math.max(0, others));
        }).toList();
    }

    /** One request with the account facts a reviewer weighs: age of the account, last sign-in, methods. */
    @GET
    @Path("requests/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public RequestViews.Detail detail(@PathParam("id") String id) {
        Reviewers.require(realm, auth);
        RecoveryRequestEntity request = find(id);
        Reviewers.requireMayDecideFor(realm, auth, session.users().getUserById(realm, request.getUserId()));
        List<RecoveryRequests.DocumentFacts> documents = requests.documentsOf(request);
        // Every other open request of the account, to weigh side by side: approving one withdraws the others.
        List<RecoveryRequestEntity> competingRequests = requests.competingWith(realm, request);
        Map<String, Long> competingDocuments = requests.documentCounts(competingRequests);
        UserModel user = session.users().getUserById(realm, request.getUserId());
        return new RequestViews.Detail(request.getId(), request.getUserId(), user == null ? null : user.getUsername(),
                request.getStatus().name(), request.getCreatedAt(), ageMinutes(request, Time.currentTimeMillis()),
                documents.size(), request.getSentFromBrowser(), request.getSentFromAddress(), request.getContactNote(),
                request.getDecidedAt(), request.getDecidedBy(), request.getReason(),
                competingRequests.stream().map(other -> new RequestViews.CompetingRequest(other.getId(),
                        other.getCreatedAt(), other.getSentFromBrowser(), other.getSentFromAddress(),
                        competingDocuments.getOrDefault(other.getId(), 0L))).toList(),
                documents.stream().map(document -> new RequestViews.DocumentEntry(document.id(), document.position(),
                        document.mediaType(), document.size())).toList(),
                user == null ? null : accountFacts(user));
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
    public RequestViews.Detail approve(@PathParam("id") String id) {
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
    public RequestViews.Detail reject(@PathParam("id") String id, Map<String, String> body) {
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
    public RequestViews.Purged purge() {
        Reviewers.require(realm, auth);
        DocumentRetention.Purged purged = DocumentRetention.purge(session, realm);
        return new RequestViews.Purged(purged.documents(), purged.drafts());
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

    private String username(RecoveryRequestEntity request) {
        UserModel user = session.users().getUserById(realm, request.getUserId());
        return user == null ? null : user.getUsername();
    }

    private static long ageMinutes(RecoveryRequestEntity request, long now) {
        return Math.max(0, (now - request.getCreatedAt()) / 60_000);
    }

    private RequestViews.AccountFacts accountFacts(UserModel user) {
        // From the login events, when the realm keeps them (the seller realm does).
        Long lastSignIn = session.getProvider(EventStoreProvider.class).createQuery().realm(realm.getId())
                .user(user.getId()).type(EventType.LOGIN).maxResults(1).getResultStream()
                .map(Event::getTime).findFirst().orElse(null);
        UserMethods methods = UserMethods.of(user);
        return new RequestViews.AccountFacts(user.getCreatedTimestamp(), lastSignIn,
                methodFacts(methods, MethodRole.PRIMARY), methodFacts(methods, MethodRole.BACKUP));
    }

    /**
     * Kind and masked number (a passkey's name), for the page to put in the reviewer's words ("Text message to
     * +1 •••-•••-0132", "Passkey: Blue key").
     */
    private static RequestViews.MethodFacts methodFacts(UserMethods methods, MethodRole role) {
        PhoneNumbers numbers = new PhoneNumbers();
        return methods.inRole(role).map(method -> method.phone()
                .map(phone -> new RequestViews.MethodFacts(phone.channel().id(), numbers.mask(phone.number())))
                .or(() -> method.passkey().map(passkey -> new RequestViews.MethodFacts("passkey", passkey.label())))
                .orElse(new RequestViews.MethodFacts("app", null))).orElse(null);
    }
}
