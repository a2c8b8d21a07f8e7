package dev.twostep.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

import org.keycloak.Token;
import org.keycloak.TokenCategory;
import org.keycloak.jose.JOSE;
import org.keycloak.jose.jws.JWSBuilder;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.jose.jws.crypto.HMACProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.TokenManager;
import org.keycloak.representations.LogoutToken;

/**
 * A stand-in of Keycloak's token manager that really signs: HMAC-SHA256 with one key, as the realm's
 * internal key signs, so a forged or altered token really fails to decode.
 */
public final class HmacTokens implements TokenManager {
    private final byte[] key;

    public HmacTokens(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String encode(Token token) {
        return new JWSBuilder().jsonContent(token).hmac256(key);
    }

    @Override
    public <T extends Token> T decode(String token, Class<T> clazz) {
        try {
            JWSInput input = new JWSInput(token);
            return HMACProvider.verify(input, key) ? input.readJsonContent(clazz) : null;
        } catch (JWSInputException e) {
            return null;
        }
    }

    @Override
    public String signatureAlgorithm(TokenCategory category) {
        return "HS256";
    }

    @Override
    public <T> T decodeClientJWT(String jwt, ClientModel client, BiConsumer<JOSE, ClientModel> jwtValidator,
                                 Class<T> clazz, boolean allowNull) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String encodeAndEncrypt(Token token) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String cekManagementAlgorithm(TokenCategory category) {
        return null;
    }

    @Override
    public String encryptAlgorithm(TokenCategory category) {
        return null;
    }

    @Override
    public LogoutToken initLogoutToken(ClientModel client, org.keycloak.models.UserModel user,
                                       org.keycloak.models.AuthenticatedClientSessionModel clientSession) {
        throw new UnsupportedOperationException();
    }
}
