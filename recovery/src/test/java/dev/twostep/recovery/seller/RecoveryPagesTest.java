package dev.twostep.recovery.seller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.NewCookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.Errors;

import dev.twostep.core.testing.StandInKeycloak;
import dev.twostep.core.testing.StandInUser;
import dev.twostep.recovery.request.RecoveryRequestEntity;
import dev.twostep.recovery.request.RecoveryStatus;

/** Which recovery page a seller sees for where their requests stand, on stand-ins of Keycloak and its database. */
class RecoveryPagesTest {
    private final StandInKeycloak kc = new StandInKeycloak();
    private final StandInUser user = new StandInUser();
    private final List<RecoveryRequestEntity> requests = new ArrayList<>();
    private AuthenticationFlowContext flow;
    private RecoveryPages pages;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void database() {
        EntityManager em = mock(EntityManager.class);
        TypedQuery<RecoveryRequestEntity> ofUser = mock(TypedQuery.class, RETURNS_SELF);
        when(ofUser.getResultList()).thenAnswer(call -> List.copyOf(requests));
        when(em.createNamedQuery(eq("twoStepRecoveryOfUser"), eq(RecoveryRequestEntity.class))).thenReturn(ofUser);
        TypedQuery<RecoveryRequestEntity> unclaimed = mock(TypedQuery.class, RETURNS_SELF);
        when(unclaimed.getResultList()).thenAnswer(call -> requests.stream()
                .filter(RecoveryRequestEntity::awaitsClaim).toList());
        when(em.createNamedQuery(eq("twoStepRecoveryApprovedUnclaimed"), eq(RecoveryRequestEntity.class)))
                .thenReturn(unclaimed);
        JpaConnectionProvider jpa = mock(JpaConnectionProvider.class);
        when(jpa.getEntityManager()).thenReturn(em);
        kc.providers.put(JpaConnectionProvider.class, jpa);
        flow = kc.flowContext(user);
        pages = new RecoveryPages(flow, "two-step-recovery");
    }

    private RecoveryRequestEntity request(RecoveryStatus status, boolean fromThisBrowser) {
        RecoveryRequestEntity request = new RecoveryRequestEntity();
        request.setId(UUID.randomUUID().toString());
        request.setUserId(user.id);
        request.setStatus(status);
        NewCookie claim = new RecoveryClaim(kc.session).bind(kc.realm, request);
        if (fromThisBrowser) {
            kc.browserSends(claim.getName(), claim.getValue());
        }
        requests.add(0, request);
        return request;
    }

    private String template() {
        return kc.pages.last().template();
    }

    @Test
    void withoutARequestTheUploadPageTakesOneForThisLogin() {
        pages.start();
        assertTrue(pages.active());
        assertEquals("two-step-recovery-upload.ftl", template());
        String upload = (String) kc.pages.last().model().get("uploadUrl");
        assertTrue(upload.startsWith("http://localhost:8080/realms/seller/two-step-recovery/upload?"), upload);
        assertTrue(upload.contains("client_id=seller-portal") && upload.contains("tab_id=tab") && upload.contains("ticket="),
                upload);
        assertEquals(3, kc.pages.last().model().get("maxDocuments"), "the policy's limits are shown");
    }

    @Test
    void aRequestThisBrowserSentShowsItsStatus() {
        request(RecoveryStatus.PENDING, true);
        pages.start();
        assertEquals("two-step-recovery-status.ftl", template());
        assertEquals("PENDING", kc.pages.last().model().get("status"));
    }

    @Test
    void anotherBrowsersPendingRequestDoesNotStopThisOneFromSendingItsOwn() {
        request(RecoveryStatus.PENDING, false);
        pages.start();
        assertEquals("two-step-recovery-upload.ftl", template());
    }

    @Test
    void aRejectionIsToldWithItsReasonAndANewRequestMayFollow() {
        request(RecoveryStatus.REJECTED, false).setReason("The photo is unreadable.");
        assertEquals(Map.of("status", "REJECTED", "thisBrowser", false, "reason", "The photo is unreadable."),
                pages.news());
        pages.start();
        assertEquals("two-step-recovery-status.ftl", template());
        kc.post("action", "new");
        pages.handle(() -> { });
        assertEquals("two-step-recovery-upload.ftl", template());
    }

    @Test
    void anApprovalThatBelongsToAnotherBrowserIsShownButNotHandedOver() {
        request(RecoveryStatus.APPROVED, false);
        pages.start();
        assertEquals("APPROVED", kc.pages.last().model().get("status"));
        assertEquals(false, kc.pages.last().model().get("thisBrowser"));
        assertFalse(new RecoveryClaim(kc.session).admits(kc.realm, user.model),
                "whoever has the password here cannot take the approval on to the enrollment");
    }

    @Test
    void anApprovalThisBrowserAskedForSaysSo() {
        request(RecoveryStatus.APPROVED, true);
        pages.start();
        assertEquals(true, kc.pages.last().model().get("thisBrowser"));
        assertTrue(new RecoveryClaim(kc.session).admits(kc.realm, user.model));
    }

    @Test
    void aNewRequestIsRefusedWhileThisBrowsersOwnIsPending() {
        request(RecoveryStatus.PENDING, true);
        pages.start();
        kc.post("action", "new");
        pages.handle(() -> { });
        assertEquals("two-step-recovery-status.ftl", template(), "one request per browser at a time");
    }

    @Test
    void backLeavesTheRecoveryPages() {
        pages.start();
        boolean[] back = {false};
        kc.post("action", "back");
        pages.handle(() -> back[0] = true);
        assertTrue(back[0]);
        assertFalse(pages.active());
    }

    @Test
    void aPostFromAnotherSiteIsRefused() {
        pages.start();
        when(kc.context.getRequestHeaders().getHeaderString("Sec-Fetch-Site")).thenReturn("cross-site");
        boolean[] back = {false};
        kc.post("action", "back");
        pages.handle(() -> back[0] = true);
        assertFalse(back[0]);
        assertTrue(pages.active());
        assertEquals("twoStepCrossSiteRefused", kc.pages.last().error());
        assertEquals(Errors.INVALID_REQUEST, kc.events.written.get(kc.events.written.size() - 1).outcome());
    }
}
