package dev.twostep.recovery.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.theme.FreeMarkerException;
import org.keycloak.theme.Theme;
import org.keycloak.theme.beans.MessageFormatterMethod;
import org.keycloak.theme.freemarker.FreeMarkerProvider;

/**
 * The reviewers' page, {@code /realms/{realm}/two-step-recovery/review}: a page and its script, which sign
 * the reviewer in with Keycloak (authorization code + PKCE, client {@value #CLIENT_ID}) and then use the
 * reviewers' admin REST API. The page itself holds no data: everything comes through the API's checks.
 */
public final class ReviewPage {
    static final String CLIENT_ID = "two-step-review";
    private static final String TEMPLATE = "two-step-review.ftl";
    private static final String SCRIPT = "two-step-review/review.js";
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final KeycloakSession session;
    private final String realmResource;

    /** {@code realmResource}: where the realm resource that serves this page is mounted below the realm. */
    public ReviewPage(KeycloakSession session, String realmResource) {
        this.session = session;
        this.realmResource = realmResource;
    }

    @GET
    @Produces("text/html; charset=utf-8")
    public Response page() {
        RealmModel realm = session.getContext().getRealm();
        URI base = session.getContext().getUri().getBaseUri();
        URI realmUrl = UriBuilder.fromUri(base).path("realms").path(realm.getName()).build();
        String page = UriBuilder.fromUri(realmUrl).path(realmResource).path("review").build()
                .toString();
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            Locale locale = session.getContext().resolveLocale(null);
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("msg", new MessageFormatterMethod(locale, theme.getEnhancedMessages(realm, locale)));
            attributes.put("locale", locale.toLanguageTag());
            attributes.put("realmName", realm.getDisplayName() == null ? realm.getName() : realm.getDisplayName());
            attributes.put("styles", styles(theme, base));
            attributes.put("clientId", CLIENT_ID);
            attributes.put("pageUrl", page);
            attributes.put("scriptUrl", page + "/review.js");
            attributes.put("authUrl", realmUrl + "/protocol/openid-connect/auth");
            attributes.put("tokenUrl", realmUrl + "/protocol/openid-connect/token");
            attributes.put("logoutUrl", realmUrl + "/protocol/openid-connect/logout");
            attributes.put("apiUrl", UriBuilder.fromUri(base).path("admin").path("realms").path(realm.getName())
                    .path(RecoveryQueueResourceProviderFactory.PROVIDER_ID).build().toString());
            String html = session.getProvider(FreeMarkerProvider.class).processTemplate(attributes, TEMPLATE, theme);
            // Keycloak's own headers (the realm's looser CSP and framing) would replace these: this page sets all.
            session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
            return Response.ok(html).header("Content-Security-Policy", CSP).header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                    .header("X-Robots-Tag", "none").header("Strict-Transport-Security", "max-age=31536000")
                    .cacheControl(noStore()).build();
        } catch (IOException | FreeMarkerException e) {
            throw new IllegalStateException("two-step: the review page cannot be rendered", e);
        }
    }

    @GET
    @Path("review.js")
    @Produces("text/javascript; charset=utf-8")
    public Response script() {
        try (InputStream in = ReviewPage.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("two-step: " + SCRIPT + " is missing from the JAR");
            }
            return Response.ok(in.readAllBytes()).header("X-Content-Type-Options", "nosniff")
                    .cacheControl(noStore()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The login theme's style sheets (PatternFly and the theme's own), so this page looks like the sign-in. */
    private static List<String> styles(Theme theme, URI base) throws IOException {
        Properties properties = theme.getProperties();
        String root = Urls.themeRoot(base).toString();
        String common = properties.getProperty("common", "common/keycloak");
        List<String> styles = new ArrayList<>();
        addEach(styles, root + "/" + common + "/", properties.getProperty("stylesCommon", ""));
        addEach(styles, root + "/login/" + theme.getName() + "/", properties.getProperty("styles", ""));
        return styles;
    }

    /** Each name of the space-separated {@code names}, under {@code folder}. */
    private static void addEach(List<String> styles, String folder, String names) {
        for (String name : names.split("\\s+")) {
            if (!name.isBlank()) {
                styles.add(folder + name);
            }
        }
    }

    private static CacheControl noStore() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }
}
