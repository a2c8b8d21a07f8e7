package dev.twostep.recovery.seller;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.ErrorPage;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;

import dev.twostep.core.web.CrossSitePost;
import dev.twostep.recovery.request.RecoveryPolicy;

/**
 * Receives the recovery upload form ({@code /realms/{realm}/two-step-recovery/upload}) for a sign-in that
 * is on the recovery pages, then sends the browser back to that sign-in, which shows the outcome.
 */
public final class DocumentUploadResource {
    private static final Logger LOG = Logger.getLogger(DocumentUploadResource.class);

    private final KeycloakSession session;

    public DocumentUploadResource(KeycloakSession session) {
        this.session = session;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@QueryParam("client_id") String clientId, @QueryParam("tab_id") String tabId,
                           @QueryParam("ticket") String ticket) {
        RealmModel realm = session.getContext().getRealm();
        ClientModel client = clientId == null ? null : realm.getClientByClientId(clientId);
        AuthenticationSessionModel authSession = client == null || tabId == null ? null
                : new AuthenticationSessionManager(session).getCurrentAuthenticationSession(realm, client, tabId);
        UploadTicket tickets = authSession == null ? null : new UploadTicket(authSession);
        UserModel user = authSession == null ? null : authSession.getAuthenticatedUser();
        if (tickets == null || user == null || !user.isEnabled() || !RecoveryPages.activeIn(authSession)
                || !tickets.accepts(ticket) || tickets.returnUrl() == null) {
            // No upload page of ours to go back to: a stale tab, a forged or replayed post, a sign-in that
            // expired or left the recovery pages, or a user disabled meanwhile.
            LOG.debugf("two-step: recovery upload refused in realm %s (no matching sign-in)", realm.getName());
            return ErrorPage.error(session, authSession, Response.Status.FORBIDDEN, "twoStepRecoveryUploadOrphan");
        }
        if (CrossSitePost.isCrossSite(session)) {
            // Another site's page posted documents in the seller's browser, ticket and all: nothing is added.
            LOG.warnf("two-step: cross-site recovery upload refused in realm %s", realm.getName());
            return ErrorPage.error(session, authSession, Response.Status.FORBIDDEN, "twoStepCrossSiteRefused");
        }
        session.getContext().setAuthenticationSession(authSession);
        RecoveryPolicy policy = RecoveryPolicy.of(authSession, realm);
        URI back = URI.create(tickets.returnUrl());
        long declared = declaredLength();
        if (declared < 0 || declared > policy.maxUploadBytes()) {
            // Refused by its length alone, before the form is parsed: the server-wide body limit is far larger
            // than one seller's documents need. A browser always declares the length of a file form.
            LOG.warnf("two-step: recovery upload of %d bytes refused in realm %s (at most %d)", declared,
                    realm.getName(), policy.maxUploadBytes());
            tickets.refusals(List.of(new FormMessage("documents", "twoStepRecoveryUploadTooLarge",
                    policy.maxDocuments(), policy.maxDocumentMegabytes())));
            return Response.seeOther(back).build();
        }
        DocumentUpload.Outcome outcome = new DocumentUpload(session, policy)
                .receive(realm, user, session.getContext().getHttpRequest().getMultiPartFormParameters());
        if (outcome.submitted() == null) {
            tickets.refusals(outcome.refusals());
        } else {
            // Sent: this ticket is spent, so a replay adds nothing.
            tickets.clear();
        }
        Response.ResponseBuilder answer = Response.seeOther(back);
        if (outcome.claim() != null) {
            // The browser that started the request holds it: only it adds documents, and only it may use an approval.
            answer.cookie(outcome.claim());
        }
        return answer.build();
    }

    /** The body's declared length; -1 when none is declared (a chunked post) or it is not a number. */
    private long declaredLength() {
        String header = session.getContext().getRequestHeaders().getHeaderString("Content-Length");
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

}
