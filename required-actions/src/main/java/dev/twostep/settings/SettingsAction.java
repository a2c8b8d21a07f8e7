package dev.twostep.settings;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.sessions.AuthenticationSessionModel;

import dev.twostep.core.challenge.ChallengeScope;
import dev.twostep.core.challenge.CodeChallenge;
import dev.twostep.core.challenge.CodeChallengeHost;
import dev.twostep.core.challenge.MethodOption;
import dev.twostep.core.device.TrustedDevices;
import dev.twostep.core.web.CrossSitePost;
import dev.twostep.enroll.ChangeOutcome;
import dev.twostep.enroll.MethodChange;
import dev.twostep.core.method.MethodRole;
import dev.twostep.core.method.RoleSwap;
import dev.twostep.core.method.TwoStepReset;
import dev.twostep.core.method.UserMethods;
import dev.twostep.core.notice.ChangeNotice;
import dev.twostep.core.policy.LoginPolicy;
import dev.twostep.core.policy.TwoStepPolicy;

/**
 * Advanced Security Settings. Nothing is shown before a fresh code, even right after sign-in and on a
 * trusted device; then the seller sees their methods and trusted devices, can make every device ask for
 * codes again, or turn 2SV off (which signs them out everywhere until they set it up again).
 */
public final class SettingsAction implements RequiredActionProvider {
    private static final String NOTE_PAGE = "two-step.settings.page";
    /** Set once a method changed here: the overview then offers to sign out the seller's other sessions. */
    private static final String NOTE_CHANGED = "two-step.settings.changed";
    /** Set once anything was done here: "Cancel" would then look as if it could undo it, so it goes. */
    private static final String NOTE_ACTED = "two-step.settings.acted";
    private static final String CODE_SLOT = "settings";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (SettingsPage.DISABLED.name().equals(authSession.getAuthNote(NOTE_PAGE))) {
            context.challenge(form(context).render(SettingsPage.DISABLED, List.of(), null));
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
        challenge(context, methods).start();
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (CrossSitePost.isCrossSite(context.getSession())) {
            // Another site's page posted here in the seller's browser: nothing changes.
            context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL_ERROR).user(context.getUser())
                    .detail("two_step_change", "cross-site-post").error(Errors.INVALID_REQUEST);
            context.challenge(context.form().setError("twoStepCrossSiteRefused")
                    .createErrorPage(Response.Status.FORBIDDEN));
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String page = authSession.getAuthNote(NOTE_PAGE);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = form.getFirst("action") == null ? "" : form.getFirst("action");
        if (page == null) {
            UserMethods methods = UserMethods.of(context.getUser());
            if (!methods.isComplete()) {
                context.success();
                return;
            }
            challenge(context, methods).handle(form);
            return;
        }
        SettingsPage shown = SettingsPage.valueOf(page);
        if (shown != SettingsPage.DISABLED && !UserMethods.of(context.getUser()).isComplete()) {
            // A method went elsewhere (the Account Console in another tab): nothing here applies any more.
            leave(context);
            return;
        }
        switch (shown) {
            case OVERVIEW -> {
                MethodChange change = new MethodChange(context);
                if (change.inProgress()) {
                    change.handle(new BackToOverview(context));
                    return;
                }
                switch (action) {
                    case "change-primary" -> change.begin(MethodRole.PRIMARY);
                    case "change-backup" -> change.begin(MethodRole.BACKUP);
                    case "swap" -> swap(context);
                    case "sign-out-others" -> {
                        int ended = new OtherSessions(context.getSession()).signOut(context.getRealm(),
                                context.getUser(), context.getAuthenticationSession());
                        event(context, EventType.LOGOUT, "other-sessions-ended")
                                .detail("two_step_sessions", Integer.toString(ended)).success();
                        context.getAuthenticationSession().removeAuthNote(NOTE_CHANGED);
                        context.getAuthenticationSession().setAuthNote(NOTE_ACTED, "true");
                        context.challenge(form(context).render(SettingsPage.OVERVIEW, List.of(),
                                "twoStepOtherSessionsEnded"));
                    }
                    case "require-codes" -> {
                        int revoked = new TrustedDevices(context.getSession()).revokeAll(context.getUser());
                        event(context, EventType.REMOVE_CREDENTIAL, "trusted-devices-revoked")
                                .detail("two_step_devices", Integer.toString(revoked)).success();
                        new ChangeNotice(context.getSession()).send(context.getRealm(), context.getUser(),
                                ChangeNotice.Change.DEVICES_CLEARED);
                        context.getAuthenticationSession().setAuthNote(NOTE_ACTED, "true");
                        context.challenge(form(context).render(SettingsPage.OVERVIEW, List.of(), "twoStepDevicesCleared"));
                    }
                    case "disable" -> show(context, SettingsPage.DISABLE);
                    case "done" -> context.success();
                    default -> show(context, SettingsPage.OVERVIEW);
                }
            }
            case DISABLE -> {
                if ("confirm-disable".equals(action)) {
                    new ChangeNotice(context.getSession()).send(context.getRealm(), context.getUser(),
                            ChangeNotice.Change.DISABLED);
                    int removed = new TwoStepReset(context.getSession()).reset(context.getRealm(), context.getUser());
                    event(context, EventType.REMOVE_CREDENTIAL, "disabled")
                            .detail("two_step_removed", Integer.toString(removed)).success();
                    show(context, SettingsPage.DISABLED);
                } else {
                    show(context, SettingsPage.OVERVIEW);
                }
            }
            case DISABLED -> show(context, SettingsPage.DISABLED);
        }
    }

    private static void swap(RequiredActionContext context) {
        RoleSwap.Result result = new RoleSwap().swap(context.getUser());
        if (result == RoleSwap.Result.INCOMPLETE) {
            leave(context);
            return;
        }
        if (result == RoleSwap.Result.BACKUP_UNVERIFIED) {
            context.challenge(form(context).render(SettingsPage.OVERVIEW,
                    List.of(new FormMessage(null, "twoStepSwapNeedsVerifiedBackup")), null));
            return;
        }
        event(context, EventType.UPDATE_CREDENTIAL, "swapped").success();
        changed(context, "twoStepMethodsSwapped");
    }

    /** Ends the settings without a change: whatever is missing, the next sign-in's enrollment asks for. */
    private static void leave(RequiredActionContext context) {
        new MethodChange(context).abandon();
        context.getAuthenticationSession().removeAuthNote(NOTE_PAGE);
        context.getAuthenticationSession().removeAuthNote(NOTE_CHANGED);
        context.getAuthenticationSession().removeAuthNote(NOTE_ACTED);
        context.success();
    }

    /** After a method change: the notice, and the overview that offers to end the other sessions. */
    private static void changed(RequiredActionContext context, String info) {
        new ChangeNotice(context.getSession()).send(context.getRealm(), context.getUser(),
                ChangeNotice.Change.METHOD_CHANGED);
        context.getAuthenticationSession().setAuthNote(NOTE_PAGE, SettingsPage.OVERVIEW.name());
        context.getAuthenticationSession().setAuthNote(NOTE_CHANGED, "true");
        context.getAuthenticationSession().setAuthNote(NOTE_ACTED, "true");
        context.challenge(form(context).render(SettingsPage.OVERVIEW, List.of(), info));
    }

    private static void show(RequiredActionContext context, SettingsPage page) {
        context.getAuthenticationSession().setAuthNote(NOTE_PAGE, page.name());
        context.challenge(form(context).render(page, List.of(), null));
    }

    private static EventBuilder event(RequiredActionContext context, EventType type, String change) {
        return context.getEvent().clone().event(type).user(context.getUser()).detail("two_step_change", change);
    }

    private static SettingsForm form(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        return new SettingsForm(context, LoginPolicy.of(authSession, context.getRealm()),
                authSession.getAuthNote(NOTE_CHANGED) != null, authSession.getAuthNote(NOTE_ACTED) != null);
    }

    private static CodeChallenge challenge(RequiredActionContext context, UserMethods methods) {
        TwoStepPolicy policy = LoginPolicy.of(context.getAuthenticationSession(), context.getRealm());
        ChallengeScope scope = new ChallengeScope(context.getSession(), context.getRealm(), context.getUser(),
                context.getAuthenticationSession(), context.form(), context.getEvent().clone());
        return new CodeChallenge(scope, new SettingsHost(context), policy, methods, CODE_SLOT);
    }

    @Override
    public void close() {
    }

    /** A method change ends on the overview: with the notice when saved, as before when cancelled. */
    private record BackToOverview(RequiredActionContext context) implements ChangeOutcome {
        @Override
        public void saved(MethodRole role) {
            changed(context, "twoStepMethodChanged");
        }

        @Override
        public void cancelled() {
            SettingsAction.show(context, SettingsPage.OVERVIEW);
        }
    }

    /** The settings as a place for a code challenge: no trusted-device shortcut, a right code opens the overview. */
    private record SettingsHost(RequiredActionContext context) implements CodeChallengeHost {
        @Override
        public boolean offersTrust() {
            return false;
        }

        @Override
        public boolean cancellable() {
            return true;
        }

        @Override
        public void show(Response page) {
            context.challenge(page);
        }

        @Override
        public void wrongCode(Response page) {
            // Outside the login flow Keycloak counts nothing by itself: a wrong code here is a failed login too.
            if (context.getRealm().isBruteForceProtected()) {
                context.getSession().getProvider(BruteForceProtector.class).failedLogin(context.getRealm(),
                        context.getUser(), context.getConnection(), context.getUriInfo(), Set.of(OTPCredentialModel.TYPE));
            }
            context.challenge(page);
        }

        @Override
        public void passed(MethodOption used, boolean trustDevice) {
            SettingsAction.show(context, SettingsPage.OVERVIEW);
        }
    }
}
