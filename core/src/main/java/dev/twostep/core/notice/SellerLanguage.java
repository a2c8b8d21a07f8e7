package dev.twostep.core.notice;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Keeps the language a seller reads their pages in as their locale, for notices that someone else's request
 * sends later (a reviewer's decision on their recovery): Keycloak writes e-mails in the user's locale first,
 * and a language known only from the seller's browser would otherwise give way to the reviewer's.
 */
public final class SellerLanguage {
    private SellerLanguage() {
    }

    /** In the seller's own request: stores the language of this page unless the seller already has one. */
    public static void remember(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!realm.isInternationalizationEnabled() || user.getFirstAttribute(UserModel.LOCALE) != null) {
            return;
        }
        user.setSingleAttribute(UserModel.LOCALE, session.getContext().resolveLocale(user).toLanguageTag());
    }
}
