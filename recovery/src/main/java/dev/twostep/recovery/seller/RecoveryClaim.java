package dev.twostep.recovery.seller;

import java.security.SecureRandom;
import java.time.Duration;

import jakarta.ws.rs.core.NewCookie;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import dev.twostep.core.web.BrowserToken;
import dev.twostep.core.web.RealmCookie;
import dev.twostep.recovery.request.RecoveryRequestEntity;
import dev.twostep.recovery.request.RecoveryRequests;

/**
 * Ties an approved recovery to the browser that asked for it. An approval leaves the account without 2SV,
 * where the password alone would lead to the enrollment: whoever stole the password could set up their own
 * phone before the seller. So the browser that sent the documents gets a cookie, only the hash of its token
 * is kept on the request, and only that browser takes the approval on to the enrollment.
 */
public final class RecoveryClaim {
    static final String COOKIE = "TWO_STEP_RECOVERY";
    /** Well beyond a review's usual 12 hours; a seller past it sends a new request. */
    static final Duration LIFETIME = Duration.ofDays(30);

    private final KeycloakSession session;
    private final RecoveryRequests requests;

    public RecoveryClaim(KeycloakSession session) {
        this.session = session;
        this.requests = new RecoveryRequests(session);
    }

    /** When a request starts: a new token for it; the returned cookie hands the token to this browser. */
    NewCookie bind(RealmModel realm, RecoveryRequestEntity request) {
        String token = BrowserToken.newToken(new SecureRandom());
        request.setClaimHash(BrowserToken.hash(token));
        return new RealmCookie(session, COOKIE).carrying(realm, new BrowserToken(request.getId(), token).cookieValue(),
                LIFETIME);
    }

    /**
     * Whether this browser may take a user without any 2SV method to the enrollment: yes when no approval
     * waits for its seller, or when this browser holds one of the approvals waiting.
     */
    public boolean admits(RealmModel realm, UserModel user) {
        var waiting = requests.approvedUnclaimed(realm, user);
        return waiting.isEmpty() || waiting.stream().anyMatch(this::heldHere);
    }

    /** True when this browser sent {@code request}. */
    boolean heldHere(RecoveryRequestEntity request) {
        return new RealmCookie(session, COOKIE).value().flatMap(BrowserToken::parse)
                .filter(token -> token.recordId().equals(request.getId()))
                .filter(token -> token.matches(request.getClaimHash()))
                .isPresent();
    }
}
