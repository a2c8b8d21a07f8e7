package dev.twostep.core.challenge;

import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** What a {@link CodeChallenge} reads of the request it runs in, whether a sign-in step or a required action. */
public record ChallengeScope(KeycloakSession session, RealmModel realm, UserModel user,
                             AuthenticationSessionModel authSession, LoginFormsProvider form, EventBuilder event) {
}
