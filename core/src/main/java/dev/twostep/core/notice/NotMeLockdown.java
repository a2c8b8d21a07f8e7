package dev.twostep.core.notice;

import java.time.Instant;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import dev.twostep.core.device.TrustedDevices;
import dev.twostep.core.session.UserSessions;

/**
 * What "This wasn't me" does once the password is confirmed: every session of the seller ends, offline ones
 * included, every trusted device is forgotten, and the report is kept where an admin finds it (an event and
 * the user attributes {@value #ATTRIBUTE} and {@value #ATTRIBUTE_AT}). The methods stay: changing them is the
 * seller's business, behind a code, or a reviewer's.
 */
public final class NotMeLockdown {
    /** Searchable with the admin API: {@code GET /admin/realms/{realm}/users?q=two-step-not-me:reported}. */
    public static final String ATTRIBUTE = "two-step-not-me";
    public static final String ATTRIBUTE_AT = "two-step-not-me-at";
    public static final String REPORTED = "reported";
    private static final Logger LOG = Logger.getLogger(NotMeLockdown.class);

    private final KeycloakSession session;

    public NotMeLockdown(KeycloakSession session) {
        this.session = session;
    }

    public void lockDown(RealmModel realm, UserModel user, String notice) {
        int sessions = new UserSessions(session).endEverywhere(realm, user);
        int devices = new TrustedDevices(session).revokeAll(user);
        try {
            user.setSingleAttribute(ATTRIBUTE, REPORTED);
            user.setSingleAttribute(ATTRIBUTE_AT, Instant.ofEpochSecond(Time.currentTime()).toString());
        } catch (RuntimeException e) {
            // A read-only (federated) user keeps no attribute of ours; the event and the log below still say it,
            // and the sessions and devices must go all the same.
            LOG.warnf("two-step: %s/%s is not marked %s=%s: %s", realm.getName(), user.getId(), ATTRIBUTE, REPORTED,
                    e.getMessage());
        }
        new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.LOGOUT).user(user)
                .detail("two_step_change", "not-me").detail("two_step_notice", String.valueOf(notice))
                .detail("two_step_sessions", Integer.toString(sessions))
                .detail("two_step_devices", Integer.toString(devices)).success();
        LOG.warnf("two-step: %s/%s says a notice (%s) was not them: %d sessions ended, %d trusted devices forgotten",
                realm.getName(), user.getId(), notice, sessions, devices);
    }
}
