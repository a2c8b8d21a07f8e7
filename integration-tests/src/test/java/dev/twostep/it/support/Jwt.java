package dev.twostep.it.support;

import java.io.IOException;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the claims of a token the server under test issued (its signature is the server's business). */
public final class Jwt {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Jwt() {
    }

    /** The values of a claim that holds a list, such as {@code amr}. */
    public static java.util.Set<String> values(JsonNode claims, String claim) {
        java.util.Set<String> values = new java.util.HashSet<>();
        claims.path(claim).forEach(value -> values.add(value.asText()));
        return values;
    }

    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("not a JWT: " + jwt);
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
