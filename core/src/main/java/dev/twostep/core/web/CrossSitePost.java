package dev.twostep.core.web;

import java.net.URI;

import jakarta.ws.rs.core.HttpHeaders;

import org.keycloak.models.KeycloakSession;

/**
 * Tells a post that another site's page made (a hidden form on an attacker's page, submitted in the seller's
 * browser) from one our own pages made, on top of Keycloak's one-time session codes. Browsers say where a
 * request comes from in {@code Sec-Fetch-Site}; where one does not, a real {@code Origin} that is not ours
 * gives it away. Keycloak's pages send no referrer, so a same-origin form post may carry {@code Origin: null},
 * which proves nothing either way and is let through.
 */
public final class CrossSitePost {
    private CrossSitePost() {
    }

    public static boolean isCrossSite(KeycloakSession session) {
        HttpHeaders headers = session.getContext().getRequestHeaders();
        return isCrossSite(headers.getHeaderString("Sec-Fetch-Site"), headers.getHeaderString("Origin"),
                session.getContext().getUri().getBaseUri());
    }

    static boolean isCrossSite(String fetchSite, String origin, URI ours) {
        if (fetchSite != null) {
            // "none" is the user's own doing (a bookmark, the address bar); a sibling subdomain is another site.
            return !"same-origin".equalsIgnoreCase(fetchSite) && !"none".equalsIgnoreCase(fetchSite);
        }
        if (origin == null || "null".equals(origin)) {
            return false;
        }
        return !origin.equalsIgnoreCase(originOf(ours));
    }

    private static String originOf(URI uri) {
        boolean defaultPort = uri.getPort() == -1 || "https".equalsIgnoreCase(uri.getScheme()) && uri.getPort() == 443
                || "http".equalsIgnoreCase(uri.getScheme()) && uri.getPort() == 80;
        return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + uri.getPort());
    }
}
