package dev.twostep.core.notice;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.UserModelDelegate;

/**
 * The language a seller last used on a page where they proved themselves (the enrollment, the settings after a
 * fresh code, the recovery request), for the notices that another request sends or that someone else's
 * browser causes: a reviewer's decision, a sign-in from a new browser, a SIM change. Keycloak writes e-mails
 * in the user's locale first, and a language known only from the seller's browser would otherwise give way
 * to the reviewer's or the intruder's. Kept in an attribute of its own, so that whoever sends a request never
 * changes the account's language.
 */
public final class SellerLanguage {
    static final String ATTRIBUTE = "two-step-notice-locale";
    /** Where version 0.1 kept the language of the recovery request only; still read. */
    static final String EARLIER_ATTRIBUTE = "two-step-recovery-locale";
    private static final Logger LOG = Logger.getLogger(SellerLanguage.class);

    private SellerLanguage() {
    }

    /** In the seller's own, proven request: remembers the language of this page. */
    public static void remember(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!realm.isInternationalizationEnabled()) {
            return;
        }
        String language = session.getContext().resolveLocale(user).toLanguageTag();
        if (language.equals(user.getFirstAttribute(ATTRIBUTE))) {
            return;
        }
        try {
            user.setSingleAttribute(ATTRIBUTE, language);
        } catch (RuntimeException e) {
            // A read-only (federated) user keeps no attribute of ours: the notice then goes in the default way.
            LOG.debugf("two-step: the notice language of %s is not kept: %s", user.getId(), e.getMessage());
        }
    }

    /**
     * {@code user} as a notice should address them: in the remembered language, unless the seller chose a
     * locale of their own (which Keycloak stores, and which comes first).
     */
    public static UserModel addressed(UserModel user) {
        String stored = user.getFirstAttribute(ATTRIBUTE);
        String remembered = stored != null ? stored : user.getFirstAttribute(EARLIER_ATTRIBUTE);
        if (remembered == null || user.getFirstAttribute(UserModel.LOCALE) != null) {
            return user;
        }
        return new UserModelDelegate(user) {
            @Override
            public String getFirstAttribute(String name) {
                return UserModel.LOCALE.equals(name) ? remembered : super.getFirstAttribute(name);
            }
        };
    }
}
