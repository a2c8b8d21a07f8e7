package dev.twostep.core.notice;

import java.util.HashMap;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Tells a seller by e-mail that their 2SV settings changed, with a "This wasn't me" link ({@link NotMeLinks})
 * that, after their password, signs them out everywhere. A notice, never a code: e-mail is not a 2SV
 * channel, and the link alone opens nothing. It goes once the change is committed (a change that fails
 * tells nobody of itself); a failed e-mail is logged and never undoes the change.
 */
public final class ChangeNotice {
    /** What changed; each has its sentence ({@code twoStepNotice<Name>}) in the e-mail messages. */
    public enum Change {
        DEVICES_CLEARED("twoStepNoticeDevicesCleared"),
        /** Sent to the previous address; its sentence names the new one, masked ({0}). */
        EMAIL_CHANGED("twoStepNoticeEmailChanged"),
        DISABLED("twoStepNoticeDisabled"),
        METHOD_CHANGED("twoStepNoticeMethodChanged"),
        RECOVERY_SUBMITTED("twoStepNoticeRecoverySubmitted"),
        RECOVERY_APPROVED("twoStepNoticeRecoveryApproved"),
        RECOVERY_REJECTED("twoStepNoticeRecoveryRejected"),
        SIM_CHANGED("twoStepNoticeSimChanged"),
        /**
         * Its sentence names the browser ({0}) and the system ({1}), each a name or a message key for "unknown",
         * and the time ({2}).
         */
        NEW_SIGN_IN("twoStepNoticeNewSignIn", "twoStepNoticeSubjectNewSignIn");

        private final String messageKey;
        private final String subjectKey;

        Change(String messageKey) {
            this(messageKey, "twoStepNoticeSubject");
        }

        Change(String messageKey, String subjectKey) {
            this.messageKey = messageKey;
            this.subjectKey = subjectKey;
        }

        public String subjectKey() {
            return subjectKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    static final String TEMPLATE = "two-step-notice.ftl";
    private static final Logger LOG = Logger.getLogger(ChangeNotice.class);

    private final KeycloakSession session;

    public ChangeNotice(KeycloakSession session) {
        this.session = session;
    }

    /**
     * A notice whose sentence takes {@code details} (see {@link Change#NEW_SIGN_IN}); the templates translate a
     * detail that is a message key, and print any other as it is.
     */
    public void send(RealmModel realm, UserModel user, Change change, String... details) {
        sendTo(realm, user, user.getEmail(), change, details);
    }

    /** As {@link #send}, to {@code address} instead of the account's current one (the address it had before). */
    public void sendTo(RealmModel realm, UserModel user, String address, Change change, String... details) {
        if (address == null || address.isBlank()) {
            LOG.debugf("two-step: no notice for %s/%s, who has no e-mail address", realm.getName(), user.getId());
            return;
        }
        // Keycloak adds its own attributes to this map, so it must be mutable.
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("change", change.messageKey());
        attributes.put("notMeUrl", new NotMeLinks(session).linkFor(realm, user, change));
        for (int i = 0; i < 3; i++) {
            attributes.put("detail" + (i + 1), i < details.length ? details[i] : "");
        }
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                deliver(realm, address.equals(user.getEmail()) ? user : to(user, address), change, attributes);
            }

            @Override
            protected void rollbackImpl() {
                LOG.debugf("two-step: no notice (%s) to %s/%s: the change was rolled back", change, realm.getName(),
                        user.getId());
            }
        });
    }

    /** {@code user} with {@code address} as their e-mail: Keycloak's mail sender writes to the user's address. */
    private static UserModel to(UserModel user, String address) {
        return new org.keycloak.models.utils.UserModelDelegate(user) {
            @Override
            public String getEmail() {
                return address;
            }
        };
    }

    /**
     * Still in the request that made the change; in the language the seller last used on a page of theirs
     * ({@link SellerLanguage}), else this request's.
     */
    private void deliver(RealmModel realm, UserModel user, Change change, Map<String, Object> attributes) {
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(SellerLanguage.addressed(user))
                    .send(change.subjectKey(), TEMPLATE, attributes);
        } catch (EmailException | RuntimeException e) {
            LOG.warnf(e, "two-step: notice (%s) to %s/%s not sent: %s", change, realm.getName(), user.getId(),
                    e.getMessage());
        }
    }
}
