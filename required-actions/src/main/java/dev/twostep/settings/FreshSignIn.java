package dev.twostep.settings;

import java.util.List;

import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * "Sign in again" after 2SV was turned off. Turning it off ends the seller's sessions, and with them this
 * browser's login (Keycloak's logout removes it), so Keycloak's restart link would open on "Your login
 * attempt timed out". Instead the link is the app's own authorization request again, made from what the
 * login kept of it (state, PKCE challenge, nonce, the settings asked for): a clean sign-in whose answer the
 * app still accepts.
 */
final class FreshSignIn {
    /** What an app's OIDC request carries that matters to its answer, under the names Keycloak keeps them. */
    private static final List<String> KEPT = List.of(OIDCLoginProtocol.RESPONSE_TYPE_PARAM,
            OIDCLoginProtocol.REDIRECT_URI_PARAM, OIDCLoginProtocol.STATE_PARAM, OIDCLoginProtocol.SCOPE_PARAM,
            OIDCLoginProtocol.NONCE_PARAM, OIDCLoginProtocol.CODE_CHALLENGE_PARAM,
            OIDCLoginProtocol.CODE_CHALLENGE_METHOD_PARAM, OIDCLoginProtocol.RESPONSE_MODE_PARAM,
            OIDCLoginProtocol.ACR_PARAM, OIDCLoginProtocol.CLAIMS_PARAM, OIDCLoginProtocol.UI_LOCALES_PARAM);

    private FreshSignIn() {
    }

    /** The authorization request to start over with; null where the login was not an OIDC one. */
    static String url(KeycloakSession session, AuthenticationSessionModel login) {
        if (!OIDCLoginProtocol.LOGIN_PROTOCOL.equals(login.getProtocol())
                || login.getClientNote(OIDCLoginProtocol.REDIRECT_URI_PARAM) == null) {
            return null;
        }
        UriBuilder request = UriBuilder.fromUri(session.getContext().getUri().getBaseUri()).path("realms")
                .path(login.getRealm().getName()).path("protocol").path(OIDCLoginProtocol.LOGIN_PROTOCOL).path("auth")
                .queryParam(OIDCLoginProtocol.CLIENT_ID_PARAM, login.getClient().getClientId());
        for (String name : KEPT) {
            String value = login.getClientNote(name);
            if (value != null) {
                request.queryParam(name, value);
            }
        }
        String action = login.getClientNote(Constants.KC_ACTION);
        if (action == null) {
            action = login.getClientNote(Constants.KC_ACTION_EXECUTING);
        }
        if (action != null) {
            request.queryParam(Constants.KC_ACTION, action);
        }
        return request.build().toString();
    }
}
