package dev.twostep.recovery.seller;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Errors;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import dev.twostep.core.forms.TwoStepPages;
import dev.twostep.core.web.CrossSitePost;
import dev.twostep.recovery.request.DocumentType;
import dev.twostep.recovery.request.RecoveryPolicy;
import dev.twostep.recovery.request.RecoveryRequestEntity;
import dev.twostep.recovery.request.RecoveryRequests;
import dev.twostep.recovery.request.RecoveryStatus;

/**
 * The seller's side of account recovery, inside the sign-in after the password: send identity documents
 * and a note, then see the request's status. Nothing here ever passes the sign-in step, trusts a browser
 * or opens a session. The documents themselves go to {@link DocumentUploadResource}.
 */
public final class RecoveryPages {
    private static final String NOTE_ACTIVE = "two-step.recovery.active";
    private static final String UPLOAD = "two-step-recovery-upload.ftl";
    private static final String STATUS = "two-step-recovery-status.ftl";

    private final AuthenticationFlowContext context;
    private final RecoveryRequests requests;
    private final String realmResource;

    /** {@code realmResource}: where the realm resource that takes the uploads is mounted below the realm. */
    public RecoveryPages(AuthenticationFlowContext context, String realmResource) {
        this.context = context;
        this.realmResource = realmResource;
        this.requests = new RecoveryRequests(context.getSession());
    }

    /** True while the seller is on the recovery pages of this sign-in. */
    public boolean active() {
        return activeIn(context.getAuthenticationSession());
    }

    static boolean activeIn(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(NOTE_ACTIVE) != null;
    }

    /** "Start account recovery": the status of a request already sent, or the upload page. */
    public void start() {
        context.getAuthenticationSession().setAuthNote(NOTE_ACTIVE, "true");
        show();
    }

    /** The page for where the seller stands now: after an upload, and for a reload. */
    public void show() {
        List<FormMessage> refusals = new UploadTicket(context.getAuthenticationSession()).takeRefusals();
        List<RecoveryRequestEntity> all = requestsOfUser();
        Optional<RecoveryRequestEntity> shown = withStatusPage(all);
        if (shown.isPresent()) {
            status(shown.get());
        } else {
            // Another browser's draft is not shown here: its documents are not this browser's to see or send.
            upload(mine(all).filter(request -> request.getStatus() == RecoveryStatus.DRAFT).orElse(null), refusals);
        }
    }

    /** What "Didn't receive the code?" tells at once: the status page's facts, when there is a status page. */
    public Map<String, Object> news() {
        return withStatusPage(requestsOfUser()).map(this::statusModel).orElse(Map.of());
    }

    /** The user's requests, newest first: read once per page, for every question below. */
    private List<RecoveryRequestEntity> requestsOfUser() {
        return requests.ofUser(context.getRealm(), context.getUser());
    }

    /** This browser's newest request among {@code all}, whatever its state. */
    private Optional<RecoveryRequestEntity> mine(List<RecoveryRequestEntity> all) {
        RecoveryClaim claim = new RecoveryClaim(context.getSession());
        return all.stream().filter(claim::heldHere).findFirst();
    }

    /**
     * The request whose status this browser sees: its own, while there is news of it (a draft of its own is
     * shown as the upload page instead). Else the word on the account that every browser should hear: an
     * approval that waits for another browser (this one cannot go on to the enrollment, and should know
     * why), or a rejection of the newest request. Another browser's pending request is not shown: it must not
     * stop this browser from sending its own.
     */
    private Optional<RecoveryRequestEntity> withStatusPage(List<RecoveryRequestEntity> all) {
        Optional<RecoveryRequestEntity> mine = mine(all);
        if (mine.isPresent() && (hasStatusPage(mine.get()) || mine.get().getStatus() == RecoveryStatus.DRAFT)) {
            return mine.filter(RecoveryPages::hasStatusPage);
        }
        Optional<RecoveryRequestEntity> approval = all.stream().filter(RecoveryRequestEntity::awaitsClaim).findFirst();
        if (approval.isPresent()) {
            return approval;
        }
        return all.stream().filter(request -> request.getStatus() != RecoveryStatus.DRAFT).findFirst()
                .filter(request -> request.getStatus() == RecoveryStatus.REJECTED);
    }

    /** A request the seller still needs to hear about; one withdrawn or already used is history. */
    private static boolean hasStatusPage(RecoveryRequestEntity request) {
        return switch (request.getStatus()) {
            case PENDING, REJECTED -> true;
            case APPROVED -> request.awaitsClaim();
            case DRAFT, WITHDRAWN -> false;
        };
    }

    /** A rejected request, or an approval that belongs to another browser, may be followed by a new one. */
    private boolean allowsNewRequest(RecoveryRequestEntity request) {
        return request.getStatus() == RecoveryStatus.REJECTED
                || request.awaitsClaim() && !new RecoveryClaim(context.getSession()).heldHere(request);
    }

    /**
     * A plain post from a recovery page: "Back" (or, after an approval, "Continue") leaves the recovery pages
     * through {@code back}; "Send a new request" opens the upload page where a new request is allowed.
     */
    public void handle(Runnable back) {
        if (CrossSitePost.isCrossSite(context.getSession())) {
            context.getEvent().detail("two_step", "recovery-cross-site-post").error(Errors.INVALID_REQUEST);
            context.challenge(context.form().setError("twoStepCrossSiteRefused")
                    .createErrorPage(Response.Status.FORBIDDEN));
            return;
        }
        String action = context.getHttpRequest().getDecodedFormParameters().getFirst("action");
        if ("back".equals(action)) {
            context.getAuthenticationSession().removeAuthNote(NOTE_ACTIVE);
            new UploadTicket(context.getAuthenticationSession()).clear();
            back.run();
            return;
        }
        Optional<RecoveryRequestEntity> shown = withStatusPage(requestsOfUser());
        if ("new".equals(action) && shown.isPresent() && allowsNewRequest(shown.get())) {
            upload(null, List.of());
            return;
        }
        show();
    }

    private void upload(RecoveryRequestEntity draft, List<FormMessage> errors) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String ticket = new UploadTicket(authSession).issue(context.getRefreshUrl(false).toString());
        RecoveryPolicy policy = RecoveryPolicy.of(context.getAuthenticationSession(), context.getRealm());
        Map<String, Object> model = new HashMap<>();
        model.put("uploadUrl", context.getUriInfo().getBaseUriBuilder().path("realms").path(context.getRealm().getName())
                .path(realmResource).path("upload")
                .queryParam("client_id", authSession.getClient().getClientId())
                .queryParam("tab_id", authSession.getTabId())
                .queryParam("ticket", ticket).build().toString());
        // Keycloak shows either errors or one info line: "kept" is the template's to say, next to the errors.
        model.put("kept", !errors.isEmpty());
        model.put("maxDocuments", policy.maxDocuments());
        model.put("maxMegabytes", policy.maxDocumentMegabytes());
        model.put("maxBytes", policy.maxDocumentBytes());
        model.put("note", draft == null || draft.getContactNote() == null ? "" : draft.getContactNote());
        model.put("added", draft == null ? List.of() : draft.getDocuments().stream()
                .map(document -> Map.of("position", document.getPosition(),
                        "type", DocumentType.ofMediaType(document.getMediaType()).map(Enum::name).orElse("?"),
                        "kilobytes", Math.max(1, document.getSize() / 1024)))
                .toList());
        context.challenge(TwoStepPages.render(context.form(), UPLOAD, model, errors, null));
    }

    private void status(RecoveryRequestEntity request) {
        context.challenge(TwoStepPages.render(context.form(), STATUS, statusModel(request), List.of(), null));
    }

    private Map<String, Object> statusModel(RecoveryRequestEntity request) {
        Map<String, Object> model = new HashMap<>();
        model.put("status", request.getStatus().name());
        model.put("thisBrowser", request.getStatus() == RecoveryStatus.APPROVED
                && new RecoveryClaim(context.getSession()).heldHere(request));
        model.put("reason", request.getReason() == null ? "" : request.getReason());
        return model;
    }
}
