package dev.twostep.enroll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.keycloak.util.JsonSerialization;

import dev.twostep.core.code.NoteStore;
import dev.twostep.core.kind.Channel;
import dev.twostep.core.kind.MethodRole;

/**
 * Where the seller is in the enrollment, kept in this login's notes so that nothing is stored on the user
 * until the end: leaving half-way leaves the user exactly as before.
 */
final class EnrollmentState {
    private static final String PREFIX = "two-step.enroll.";

    private final NoteStore notes;

    EnrollmentState(NoteStore notes) {
        this.notes = notes;
    }

    /** The role being set up now: the primary first, then the backup; in a change, the role being changed. */
    MethodRole role() {
        return changing().orElseGet(() -> chosen(MethodRole.PRIMARY).isPresent() ? MethodRole.BACKUP
                : MethodRole.PRIMARY);
    }

    /** The method the one being set up must differ from, when already known. */
    Optional<ChosenMethod> other() {
        return chosen(role().other());
    }

    /** Set while a seller with 2SV replaces one method from Advanced Security Settings. */
    Optional<MethodRole> changing() {
        return Optional.ofNullable(notes.get(PREFIX + "change")).map(MethodRole::fromId);
    }

    /** Starts replacing {@code role}; {@code kept} is the method staying in the other role. */
    void beginChange(MethodRole role, ChosenMethod kept) {
        clearAll();
        notes.put(PREFIX + "change", role.id());
        notes.put(PREFIX + role.other().id(), write(kept));
        show(EnrollPage.METHOD);
    }

    EnrollPage page() {
        if (chosen(MethodRole.PRIMARY).isPresent() && chosen(MethodRole.BACKUP).isPresent()) {
            return EnrollPage.DONE;
        }
        String page = notes.get(PREFIX + "page");
        return page == null ? EnrollPage.START : EnrollPage.valueOf(page);
    }

    void show(EnrollPage page) {
        notes.put(PREFIX + "page", page.name());
    }

    Optional<ChosenMethod> chosen(MethodRole role) {
        return Optional.ofNullable(notes.get(PREFIX + role.id())).map(EnrollmentState::read);
    }

    void choose(MethodRole role, ChosenMethod method) {
        notes.put(PREFIX + role.id(), write(method));
        notes.remove(PREFIX + "otp-secret");
        notes.remove(PREFIX + "phone");
        show(EnrollPage.METHOD);
    }

    /** Drops the method chosen for {@code role}, to choose it again. */
    void forget(MethodRole role) {
        notes.remove(PREFIX + role.id());
    }

    /** The authenticator-app secret shown on the app page, kept server-side rather than in a hidden field. */
    Optional<String> otpSecret() {
        return Optional.ofNullable(notes.get(PREFIX + "otp-secret"));
    }

    void otpSecret(String secret) {
        notes.put(PREFIX + "otp-secret", secret);
    }

    /** The phone a code was sent to and is awaited from. */
    Optional<ChosenMethod> pendingPhone() {
        return Optional.ofNullable(notes.get(PREFIX + "phone")).map(EnrollmentState::read);
    }

    void pendingPhone(String number, Channel channel) {
        notes.put(PREFIX + "phone", write(ChosenMethod.phone(number, channel, false)));
    }

    /** The slot of this enrollment's passkey ceremony: one per role, as for codes. */
    String passkeySlot() {
        return "enroll-" + role().id();
    }

    void clearAll() {
        for (String part : new String[] {"page", "change", "otp-secret", "phone", MethodRole.PRIMARY.id(),
                MethodRole.BACKUP.id()}) {
            notes.remove(PREFIX + part);
        }
    }

    private static ChosenMethod read(String json) {
        try {
            return JsonSerialization.readValue(json, ChosenMethod.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(ChosenMethod method) {
        try {
            return JsonSerialization.writeValueAsString(method);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
