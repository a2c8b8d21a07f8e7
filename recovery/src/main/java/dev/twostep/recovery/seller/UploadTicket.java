package dev.twostep.recovery.seller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.keycloak.common.util.SecretGenerator;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * What ties an upload to the sign-in it belongs to. Keycloak's login actions cannot take files, so the
 * upload goes to our realm resource: it carries a random ticket kept in this sign-in's notes, and hands the
 * outcome back through the same notes to the page shown next.
 */
final class UploadTicket {
    private static final String TICKET = "two-step.recovery.ticket";
    private static final String RETURN_URL = "two-step.recovery.return";
    private static final String REFUSALS = "two-step.recovery.refusals";

    private final AuthenticationSessionModel authSession;

    UploadTicket(AuthenticationSessionModel authSession) {
        this.authSession = authSession;
    }

    /** A ticket for the upload page about to be shown; {@code returnUrl} shows the flow's page again. */
    String issue(String returnUrl) {
        String ticket = authSession.getAuthNote(TICKET);
        if (ticket == null) {
            ticket = SecretGenerator.getInstance().randomString(32);
            authSession.setAuthNote(TICKET, ticket);
        }
        authSession.setAuthNote(RETURN_URL, returnUrl);
        return ticket;
    }

    boolean accepts(String ticket) {
        String expected = authSession.getAuthNote(TICKET);
        return expected != null && ticket != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), ticket.getBytes(StandardCharsets.UTF_8));
    }

    String returnUrl() {
        return authSession.getAuthNote(RETURN_URL);
    }

    void refusals(List<FormMessage> refusals) {
        List<Map<String, Object>> stored = new ArrayList<>();
        for (FormMessage refusal : refusals) {
            stored.add(Map.of("field", refusal.getField() == null ? "" : refusal.getField(),
                    "key", refusal.getMessage(),
                    // A message without parameters has none at all (null), not an empty array.
                    "parameters", refusal.getParameters() == null ? List.of() : Arrays.asList(refusal.getParameters())));
        }
        try {
            authSession.setAuthNote(REFUSALS, JsonSerialization.writeValueAsString(stored));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The refusals of the last upload, once: a reload shows the page without them. */
    List<FormMessage> takeRefusals() {
        String json = authSession.getAuthNote(REFUSALS);
        authSession.removeAuthNote(REFUSALS);
        if (json == null) {
            return List.of();
        }
        try {
            List<Map<String, Object>> stored = JsonSerialization.readValue(json, new TypeReference<>() {
            });
            List<FormMessage> refusals = new ArrayList<>();
            for (Map<String, Object> refusal : stored) {
                String field = (String) refusal.get("field");
                refusals.add(new FormMessage(field.isEmpty() ? null : field, (String) refusal.get("key"),
                        ((List<?>) refusal.get("parameters")).toArray()));
            }
            return refusals;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void clear() {
        authSession.removeAuthNote(TICKET);
        authSession.removeAuthNote(RETURN_URL);
        authSession.removeAuthNote(REFUSALS);
    }
}
