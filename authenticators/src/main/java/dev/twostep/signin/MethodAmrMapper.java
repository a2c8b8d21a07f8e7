package dev.twostep.signin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Adds to a token's {@code amr} which kind of method passed the second step (RFC 8176: {@code otp} for the
 * app, {@code sms}, {@code tel} for a call, {@code hwk} or {@code swk} for a passkey), beside what Keycloak's
 * own AMR mapper writes ({@code pwd}, {@code mfa}); it runs after that mapper and keeps its values.
 */
public final class MethodAmrMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper {
    public static final String PROVIDER_ID = "two-step-method-amr-mapper";
    private static final String CLAIM = "amr";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Two-step method (amr)";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds the kind of 2SV method that passed (otp, sms, tel, hwk, swk) to the amr claim; add it beside "
                + "Keycloak's Authentication Method Reference (AMR) mapper.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public int getPriority() {
        // After Keycloak's AMR mapper (priority 0), which sets the claim anew.
        return 10;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mapping, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSession) {
        String kind = userSession.getNote(MethodAmr.NOTE);
        if (kind == null || kind.isBlank()) {
            return;
        }
        List<String> amr = new ArrayList<>();
        if (token.getOtherClaims().get(CLAIM) instanceof Collection<?> written) {
            written.forEach(value -> amr.add(String.valueOf(value)));
        }
        if (!amr.contains(kind)) {
            amr.add(kind);
        }
        token.getOtherClaims().put(CLAIM, amr);
    }
}
