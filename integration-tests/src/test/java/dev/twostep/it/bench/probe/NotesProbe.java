package dev.twostep.it.bench.probe;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.sessions.RootAuthenticationSessionModel;

/**
 * The weight of the notes of the caller's login (found by its own authentication-session cookie and tab),
 * as Keycloak's ProtoStream marshalling writes a {@code map<string, string>} field: per entry a tag, a
 * length, and the key and value each with a tag and a length. Ours are the notes named {@code two-step.*}.
 */
public final class NotesProbe {
    private static final String OURS = "two-step.";
    private final KeycloakSession session;

    NotesProbe(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("notes")
    @Produces(MediaType.APPLICATION_JSON)
    public Response notes(@QueryParam("tab_id") String tabId) {
        RootAuthenticationSessionModel root = new AuthenticationSessionManager(session)
                .getCurrentRootAuthenticationSession(session.getContext().getRealm());
        AuthenticationSessionModel login = root == null || tabId == null ? null
                : root.getAuthenticationSessions().get(tabId);
        if (login == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        long ours = 0;
        long all = 0;
        int ourNotes = 0;
        for (Map<String, String> notes : List.of(authNotes(login), login.getClientNotes(),
                login.getUserSessionNotes())) {
            for (Map.Entry<String, String> note : notes.entrySet()) {
                long bytes = entryBytes(note.getKey(), note.getValue());
                all += bytes;
                if (note.getKey().startsWith(OURS)) {
                    ours += bytes;
                    ourNotes++;
                }
            }
        }
        return Response.ok("{\"ourBytes\":" + ours + ",\"ourNotes\":" + ourNotes + ",\"allBytes\":" + all + "}").build();
    }

    /**
     * Our entries in Keycloak's single-use store (on every node: the cache is replicated), by kind: the
     * key's words up to the first digit, dot-separated id or number ("two-step.sends.user", ...).
     */
    @GET
    @Path("single-use")
    @Produces(MediaType.APPLICATION_JSON)
    public Response singleUse() {
        Map<String, Integer> kinds = new TreeMap<>();
        for (Object key : singleUseCache().keySet()) {
            String name = key.toString();
            if (name.startsWith(OURS)) {
                kinds.merge(kind(name), 1, Integer::sum);
            }
        }
        StringBuilder json = new StringBuilder("{");
        kinds.forEach((kind, count) -> json.append(json.length() > 1 ? "," : "").append('"').append(kind)
                .append("\":").append(count));
        return Response.ok(json.append('}').toString()).build();
    }

    private static String kind(String key) {
        String[] words = key.split("[.#]");
        StringBuilder kind = new StringBuilder(words[0]);
        for (int i = 1; i < words.length && i < 3 && words[i].matches("[a-z-]+"); i++) {
            kind.append('.').append(words[i]);
        }
        return kind.toString();
    }

    /** The store's cache behind Keycloak's provider (a map of key to entry); a probe may reach in. */
    private Map<?, ?> singleUseCache() {
        SingleUseObjectProvider store = session.singleUseObjects();
        try {
            Field cache = store.getClass().getDeclaredField("singleUseObjectCache");
            cache.setAccessible(true);
            return (Map<?, ?>) cache.get(store);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Keycloak keeps single-use entries elsewhere: " + store.getClass(), e);
        }
    }

    /**
     * The model lists client and user-session notes but reads auth notes one by one; the stored entity
     * behind Keycloak's adapter holds them all. A probe may reach in; two-step never does.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> authNotes(AuthenticationSessionModel login) {
        try {
            Field updater = login.getClass().getDeclaredField("updater");
            updater.setAccessible(true);
            Object holder = updater.get(login);
            Method getEntity = holder.getClass().getMethod("getEntity");
            getEntity.setAccessible(true);
            Object stored = getEntity.invoke(holder);
            return (Map<String, String>) stored.getClass().getMethod("getAuthNotes").invoke(stored);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Keycloak keeps auth notes elsewhere: " + login.getClass(), e);
        }
    }

    private static long entryBytes(String key, String value) {
        long entry = field(key) + field(value == null ? "" : value);
        return 1 + varint(entry) + entry;
    }

    private static long field(String text) {
        long length = text.getBytes(StandardCharsets.UTF_8).length;
        return 1 + varint(length) + length;
    }

    private static int varint(long value) {
        int bytes = 1;
        while (value >= 0x80) {
            value >>>= 7;
            bytes++;
        }
        return bytes;
    }
}
