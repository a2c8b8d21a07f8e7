package dev.twostep.settings;

import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import dev.twostep.core.challenge.ChallengeScope;
import dev.twostep.core.challenge.CodeChallenge;
import dev.twostep.core.device.TrustedDevices;
import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.method.RoleSwap;
import dev.twostep.core.method.TwoStepReset;
import dev.twostep.core.method.UserMethods;
import dev.twostep.core.notice.ChangeNotice;
import dev.twostep.core.notice.SellerLanguage;
import dev.twostep.core.policy.LoginPolicy;
import dev.twostep.core.policy.TwoStepPolicy;
import dev.twostep.core.web.CrossSitePost;
import dev.twostep.enroll.ChangeOutcome;
import dev.twostep.enroll.MethodChange;

/**
 * The settings' pages as a state machine, one request's work: the fresh code first (no page noted yet), then
 * the overview, the "turn off" confirmation and the page that says 2SV is off. The page shown is a note of
 * the login; each post is handled by the method of the page it came from.
 */
final class SettingsSteps {
    private static final String NOTE_PAGE = "two-step.settings.page";
    /** Set once a method changed here: the overview then offers to sign out the seller's other sessions. */
    private static final String NOTE_CHANGED = "two-step.settings.changed";
    /** Set once anything was done here: "Cancel" would then look as if it could undo it, so it goes. */
    private static final String NOTE_ACTED = "two-step.settings.acted";
    private static final String CODE_SLOT = "settings";

    private final RequiredActionContext context;
    private final AuthenticationSessionModel authSession;

    SettingsSteps(RequiredActionContext context) {
        this.context = context;
        this.authSession = context.getAuthenticationSession();
    }

    /** The action starts (or is shown again): a fresh code before anything, unless 2SV was just turned off. */
    void start() {
        if (SettingsPage.DISABLED.name().equals(authSession.getAuthNote(NOTE_PAGE))) {
            context.challenge(form().render(SettingsPage.DISABLED, List.of(), null));
            return;
        }
        UserMethods methods = UserMethods.of(context.getUser());
        if (!methods.isComplete()) {
            // Nothing to show or change: the enrollment comes first.
            context.success();
            return;
        }
        authSession.removeAuthNote(NOTE_PAGE);
        authSession.removeAuthNote(NOTE_CHANGED);
        authSession.removeAuthNote(NOTE_ACTED);
        new MethodChange(context).abandon();
        challenge(methods).start();
    }

    /** A post from one of the settings' pages. */
    void handle() {
        if (CrossSitePost.isCrossSite(context.getSession())) {
            // Another site's page posted here in the seller's browser: nothing changes.
            context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL_ERROR).user(context.getUser())
                    .detail("two_step_change", "cross-site-post").error(Errors.INVALID_REQUEST);
            context.challenge(context.form().setError("twoStepCrossSiteRefused")
                    .createErrorPage(Response.Status.FORBIDDEN));
            return;
        }
        MultivaluedMap<String, String> posted = context.getHttpRequest().getDecodedFormParameters();
        String action = posted.getFirst("action") == null ? "" : posted.getFirst("action");
        String page = authSession.getAuthNote(NOTE_PAGE);
        if (page == null) {
            onCode(posted);
            return;
        }
        SettingsPage shown = SettingsPage.valueOf(page);
        if (shown != SettingsPage.DISABLED && !UserMethods.of(context.getUser()).isComplete()) {
            // A method went elsewhere (the Account Console in another tab): nothing here applies any more.
            leave();
            return;
        }
        switch (shown) {
            case OVERVIEW -> onOverview(action);
            case DISABLE -> onDisable(action);
            case DISABLED -> show(SettingsPage.DISABLED);
        }
    }

    private void onCode(MultivaluedMap<String, String> posted) {
        UserMethods methods = UserMethods.of(context.getUser());
        if (!methods.isComplete()) {
            context.success();
            return;
        }
        challenge(methods).handle(posted);
    }

    private void onOverview(String action) {
        MethodChange change = new MethodChange(context);
        if (change.inProgress()) {
            change.handle(new BackToOverview(this));
            return;
        }
        switch (action) {
            case "change-primary" -> change.begin(MethodRole.PRIMARY);
            case "change-backup" -> change.begin(MethodRole.BACKUP);
            case "swap" -> swap();
            case "sign-out-others" -> signOutOthers();
            case "require-codes" -> requireCodes();
            case "disable" -> show(SettingsPage.DISABLE);
            case "done" -> context.success();
            default -> show(SettingsPage.OVERVIEW);
        }
    }

    private void onDisable(String action) {
        if (!"confirm-disable".equals(action)) {
            show(SettingsPage.OVERVIEW);
            return;
        }
        notice(ChangeNotice.Change.DISABLED);
        int removed = new TwoStepReset(context.getSession()).reset(context.getRealm(), context.getUser());
        event(EventType.REMOVE_CREDENTIAL, "disabled").detail("two_step_removed", Integer.toString(removed)).success();
        show(SettingsPage.DISABLED);
    }

    private void signOutOthers() {
        int ended = new OtherSessions(context.getSession()).signOut(context.getRealm(), context.getUser(), authSession);
        event(EventType.LOGOUT, "other-sessions-ended").detail("two_step_sessions", Integer.toString(ended)).success();
        authSession.removeAuthNote(NOTE_CHANGED);
        authSession.setAuthNote(NOTE_ACTED, "true");
        context.challenge(form().render(SettingsPage.OVERVIEW, List.of(), "twoStepOtherSessionsEnded"));
    }

    private void requireCodes() {
        int revoked = new TrustedDevices(context.getSession()).revokeAll(context.getUser());
        event(EventType.REMOVE_CREDENTIAL, "trusted-devices-revoked")
                .detail("two_step_devices", Integer.toString(revoked)).success();
        notice(ChangeNotice.Change.DEVICES_CLEARED);
        authSession.setAuthNote(NOTE_ACTED, "true");
        context.challenge(form().render(SettingsPage.OVERVIEW, List.of(), "twoStepDevicesCleared"));
    }

    private void swap() {
        RoleSwap.Result result = new RoleSwap().swap(context.getUser());
        if (result == RoleSwap.Result.INCOMPLETE) {
            leave();
            return;
        }
        if (result == RoleSwap.Result.BACKUP_UNVERIFIED) {
            context.challenge(form().render(SettingsPage.OVERVIEW,
                    List.of(new FormMessage(null, "twoStepSwapNeedsVerifiedBackup")), null));
            return;
        }
        event(EventType.UPDATE_CREDENTIAL, "swapped").success();
        changed("twoStepMethodsSwapped");
    }

    /** Ends the settings without a change: whatever is missing, the next sign-in's enrollment asks for. */
    private void leave() {
        new MethodChange(context).abandon();
        authSession.removeAuthNote(NOTE_PAGE);
        authSession.removeAuthNote(NOTE_CHANGED);
        authSession.removeAuthNote(NOTE_ACTED);
        context.success();
    }

    /** After a method change: the notice, and the overview that offers to end the other sessions. */
    void changed(String info) {
        notice(ChangeNotice.Change.METHOD_CHANGED);
        authSession.setAuthNote(NOTE_PAGE, SettingsPage.OVERVIEW.name());
        authSession.setAuthNote(NOTE_CHANGED, "true");
        authSession.setAuthNote(NOTE_ACTED, "true");
        context.challenge(form().render(SettingsPage.OVERVIEW, List.of(), info));
    }

    /** Whoever is here passed a fresh code: their page's language is the one later notices use. */
    private void notice(ChangeNotice.Change change) {
        SellerLanguage.remember(context.getSession(), context.getRealm(), context.getUser());
        new ChangeNotice(context.getSession()).send(context.getRealm(), context.getUser(), change);
    }

    void show(SettingsPage page) {
        authSession.setAuthNote(NOTE_PAGE, page.name());
        context.challenge(form().render(page, List.of(), null));
    }

    private EventBuilder event(EventType type, String change) {
        return context.getEvent().clone().event(type).user(context.getUser()).detail("two_step_change", change);
    }

    private SettingsForm form() {
        return new SettingsForm(context, LoginPolicy.of(authSession, context.getRealm()),
                authSession.getAuthNote(NOTE_CHANGED) != null, authSession.getAuthNote(NOTE_ACTED) != null);
    }

    private CodeChallenge challenge(UserMethods methods) {
        TwoStepPolicy policy = LoginPolicy.of(authSession, context.getRealm());
        ChallengeScope scope = new ChallengeScope(context.getSession(), context.getRealm(), context.getUser(),
                authSession, context.form(), context.getEvent().clone());
        return new CodeChallenge(scope, new SettingsChallengeHost(context, this), policy, methods, CODE_SLOT);
    }

    /** A method change ends on the overview: with the notice when saved, as before when cancelled. */
    private record BackToOverview(SettingsSteps steps) implements ChangeOutcome {
        @Override
        public void saved(MethodRole role) {
            steps.changed("twoStepMethodChanged");
        }

        @Override
        public void cancelled() {
            steps.show(SettingsPage.OVERVIEW);
        }
    }
}
