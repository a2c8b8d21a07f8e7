package dev.twostep.core.notice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.services.resource.RealmResourceProvider;

import dev.twostep.core.forms.TwoStepPages;
import dev.twostep.core.web.CrossSitePost;

/**
 * "This wasn't me": the link of a notice e-mail opens a page that asks for the seller's password (what the
 * e-mail alone must not be enough for) and then locks the account down, see {@link NotMeLockdown}. An
 * expired, forged, used or foreign link gets one plain page saying so, whatever the reason.
 */
public final class NotMeResource implements RealmResourceProvider {
    static final String TEMPLATE = "two-step-not-me.ftl";

    private final KeycloakSession session;

    NotMeResource(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return this;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response open(@QueryParam("t") String link) {
        RealmModel realm = session.getContext().getRealm();
        return new NotMeLinks(session).read(realm, link)
                .map(token -> page("ASK", userOf(realm, token), link, List.of()))
                .orElseGet(() -> page("INVALID", null, null, List.of()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@FormParam("t") String link, @FormParam("password") String password) {
        RealmModel realm = session.getContext().getRealm();
        NotMeLinks links = new NotMeLinks(session);
        NotMeToken token = links.read(realm, link).orElse(null);
        UserModel user = token == null ? null : userOf(realm, token);
        if (user == null || CrossSitePost.isCrossSite(session)) {
            return page("INVALID", null, null, List.of());
        }
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        if (realm.isBruteForceProtected() && (protector.isTemporarilyDisabled(session, realm, user)
                || protector.isPermanentlyLockedOut(session, realm, user))) {
            return page("ASK", user, link, List.of(new FormMessage("password", "twoStepLockedOut")));
        }
        if (password == null || password.isEmpty()
                || !user.credentialManager().isValid(UserCredentialModel.password(password))) {
            if (realm.isBruteForceProtected()) {
                // Keycloak counts only failures of the categories it knows; without one this would be a free oracle.
                protector.failedLogin(realm, user, session.getContext().getConnection(),
                        session.getContext().getUri(), Set.of(PasswordCredentialModel.TYPE));
            }
            return page("ASK", user, link, List.of(new FormMessage("password", "twoStepNotMeWrongPassword")));
        }
        if (!links.spend(token)) {
            return page("INVALID", null, null, List.of());
        }
        new NotMeLockdown(session).lockDown(realm, user, token.getNotice());
        return page("DONE", user, null, List.of());
    }

    private UserModel userOf(RealmModel realm, NotMeToken token) {
        UserModel user = session.users().getUserById(realm, token.getSubject());
        return user == null || !user.isEnabled() ? null : user;
    }

    private Response page(String state, UserModel user, String link, List<FormMessage> errors) {
        RealmModel realm = session.getContext().getRealm();
        Map<String, Object> model = new HashMap<>();
        model.put("page", state);
        if (link != null) {
            model.put("link", link);
            model.put("postUrl", session.getContext().getUri().getBaseUriBuilder().path("realms")
                    .path(realm.getName()).path(NotMeResourceFactory.PROVIDER_ID).build().toString());
        }
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class);
        if (user != null) {
            // The seller's language, as their notice was written in.
            form.setUser(user);
        }
        Response page = TwoStepPages.render(form, TEMPLATE, model, errors, null);
        return "INVALID".equals(state) ? Response.fromResponse(page).status(Response.Status.BAD_REQUEST).build() : page;
    }

    @Override
    public void close() {
    }
}
