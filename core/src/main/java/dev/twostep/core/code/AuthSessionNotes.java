package dev.twostep.core.code;

import org.keycloak.sessions.AuthenticationSessionModel;

/** {@link NoteStore} over authentication-session notes, which Keycloak replicates across the cluster. */
public final class AuthSessionNotes implements NoteStore {
    private final AuthenticationSessionModel session;

    public AuthSessionNotes(AuthenticationSessionModel session) {
        this.session = session;
    }

    @Override
    public String get(String key) {
        return session.getAuthNote(key);
    }

    @Override
    public void put(String key, String value) {
        session.setAuthNote(key, value);
    }

    @Override
    public void remove(String key) {
        session.removeAuthNote(key);
    }
}
