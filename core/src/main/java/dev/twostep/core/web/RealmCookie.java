package dev.twostep.core.web;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * One of our browser cookies: HttpOnly, SameSite=Lax, sent only to the realm's own paths, and over https
 * named with the {@code __Secure-} prefix so that a plain-http page of the same host cannot plant it.
 */
public final class RealmCookie {
    private final KeycloakSession session;
    private final String name;

    public RealmCookie(KeycloakSession session, String name) {
        this.session = session;
        this.name = name;
    }

    /** The cookie carrying {@code value} for {@code lifetime}, to be set on a response. */
    public NewCookie carrying(RealmModel realm, String value, Duration lifetime) {
        URI base = session.getContext().getUri().getBaseUri();
        boolean secure = "https".equalsIgnoreCase(base.getScheme());
        return new NewCookie.Builder(secure ? "__Secure-" + name : name)
                .value(value)
                .path(base.getPath().replaceAll("/$", "") + "/realms/" + realm.getName() + "/")
                .maxAge((int) lifetime.toSeconds())
                .secure(secure)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    /** Sets the cookie on the response Keycloak is building (an authentication flow's page). */
    public void set(RealmModel realm, String value, Duration lifetime) {
        session.getContext().getHttpResponse().setCookieIfAbsent(carrying(realm, value, lifetime));
    }

    /** The value this browser sent under the name this server uses (see {@link #sent}). */
    public Optional<String> value() {
        boolean secure = "https".equalsIgnoreCase(session.getContext().getUri().getBaseUri().getScheme());
        Map<String, Cookie> cookies = session.getContext().getRequestHeaders().getCookies();
        return sent(name -> Optional.ofNullable(cookies.get(name)).map(Cookie::getValue), name, secure);
    }

    /**
     * Over https only the {@code __Secure-} cookie counts: browsers accept that name only from a secure page,
     * so a plain-http page of the same host (or a sibling that shares cookies) cannot plant one. Reading the
     * plain name there too would undo what the prefix promises. Over plain http only the plain name exists.
     */
    static Optional<String> sent(Function<String, Optional<String>> cookies, String name, boolean secure) {
        return cookies.apply(secure ? "__Secure-" + name : name);
    }
}
