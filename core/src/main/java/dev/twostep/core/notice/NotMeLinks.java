package dev.twostep.core.notice;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Makes and reads the "This wasn't me" links of notice e-mails: a token signed by the realm (Keycloak's
 * token manager, the realm's internal key), valid {@link #LIFETIME}, for one user, spent by its first use.
 */
public final class NotMeLinks {
    public static final Duration LIFETIME = Duration.ofDays(7);
    private static final String SPENT = "two-step.not-me-spent.";

    private final KeycloakSession session;

    public NotMeLinks(KeycloakSession session) {
        this.session = session;
    }

    /** The link for {@code user}'s notice of {@code change}. */
    public String linkFor(RealmModel realm, UserModel user, ChangeNotice.Change change) {
        NotMeToken token = new NotMeToken();
        token.id(UUID.randomUUID().toString());
        token.type(NotMeToken.TYPE);
        token.issuer(issuer(realm));
        token.subject(user.getId());
        token.iat((long) Time.currentTime());
        token.exp((long) Time.currentTime() + LIFETIME.toSeconds());
        token.setNotice(change.name());
        return session.getContext().getUri().getBaseUriBuilder().path("realms").path(realm.getName())
                .path(NotMeResourceFactory.PROVIDER_ID).queryParam("t", session.tokens().encode(token)).build()
                .toString();
    }

    /**
     * The token of a link still good for {@code realm}: signed by it, of this kind, not expired, not spent.
     * Empty for anything else (forged, damaged, another kind of token, another realm's, old, used).
     */
    public Optional<NotMeToken> read(RealmModel realm, String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 4096) {
            return Optional.empty();
        }
        NotMeToken token;
        try {
            token = session.tokens().decode(raw, NotMeToken.class);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (token == null || !NotMeToken.TYPE.equals(token.getType()) || !issuer(realm).equals(token.getIssuer())
                || token.getSubject() == null || token.getId() == null || token.getExp() == null
                || !token.isActive() || session.singleUseObjects().contains(SPENT + token.getId())) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /** Spends the link; false when another request spent it first. */
    public boolean spend(NotMeToken token) {
        long left = Math.max(1, token.getExp() - Time.currentTime());
        return session.singleUseObjects().putIfAbsent(SPENT + token.getId(), left);
    }

    private String issuer(RealmModel realm) {
        // What Keycloak's own tokens name as issuer: the realm's address.
        return session.getContext().getUri().getBaseUriBuilder().path("realms").path(realm.getName()).build()
                .toString();
    }
}
