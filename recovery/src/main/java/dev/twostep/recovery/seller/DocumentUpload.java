package dev.twostep.recovery.seller;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;

import org.keycloak.common.util.Time;
import org.keycloak.http.FormPartValue;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

import dev.twostep.core.notice.ChangeNotice;
import dev.twostep.core.notice.SellerLanguage;
import dev.twostep.recovery.request.DocumentType;
import dev.twostep.recovery.request.RecoveryPolicy;
import dev.twostep.recovery.request.RecoveryRequestEntity;
import dev.twostep.recovery.request.RecoveryRequests;
import dev.twostep.recovery.request.RecoveryStatus;

/**
 * One post of the upload form: the accepted documents join the seller's draft, each refused one is named
 * with its reason, and with no refusal the draft becomes a pending request.
 */
final class DocumentUpload {
    /**
     * What became of a post: refusals to show, the request sent by this post (null when none was), and the
     * cookie that ties a draft started by this post to this browser (null when none was started).
     */
    record Outcome(List<FormMessage> refusals, RecoveryRequestEntity submitted, NewCookie claim) {
    }

    private final KeycloakSession session;
    private final RecoveryRequests requests;
    private final RecoveryPolicy policy;

    DocumentUpload(KeycloakSession session, RecoveryPolicy policy) {
        this.session = session;
        this.requests = new RecoveryRequests(session);
        this.policy = policy;
    }

    Outcome receive(RealmModel realm, UserModel user, MultivaluedMap<String, FormPartValue> form) {
        requests.lockUser(user);
        // A request is this browser's alone: another browser with the password (a thief's, say) neither adds
        // to, sends nor discards the seller's draft, and its own request never stops the seller's: reviewers
        // see both side by side.
        RecoveryClaim claim = new RecoveryClaim(session);
        Optional<RecoveryRequestEntity> mine = requests.ofUser(realm, user).stream().filter(claim::heldHere).findFirst();
        if (mine.isPresent() && mine.get().getStatus() == RecoveryStatus.PENDING) {
            // One open request per browser: nothing is added to it.
            return new Outcome(List.of(), null, null);
        }
        RecoveryRequestEntity draft = mine.filter(request -> request.getStatus() == RecoveryStatus.DRAFT).orElse(null);
        NewCookie cookie = null;
        if (draft == null) {
            draft = requests.startDraft(realm, user);
            cookie = claim.bind(realm, draft);
        } else {
            // The purge of abandoned drafts counts from the last upload.
            draft.setCreatedAt(Time.currentTimeMillis());
        }
        List<FormMessage> refusals = new ArrayList<>();
        FormPartValue notePart = form.getFirst("note");
        String note = RecoveryPolicy.typedNote(notePart == null ? null : notePart.asString());
        if (note.length() > RecoveryPolicy.MAX_NOTE_LENGTH) {
            refusals.add(new FormMessage("note", "twoStepRecoveryNoteTooLong", RecoveryPolicy.MAX_NOTE_LENGTH));
        } else {
            draft.setContactNote(note);
        }
        List<FormPartValue> files = form.get("documents") == null ? List.of() : form.get("documents");
        FormPartValue namesPart = form.getFirst("documentNames");
        List<String> names = FileNames.of(namesPart == null ? null : namesPart.asString());
        int fileNumber = 0;
        int partIndex = -1;
        for (FormPartValue part : files) {
            partIndex++;
            // Past the document limit one byte tells an empty field from a file, which is refused unread.
            boolean full = draft.getDocuments().size() >= policy.maxDocuments();
            byte[] bytes = readAtMost(part, full ? 1 : policy.maxDocumentBytes() + 1);
            if (bytes.length == 0) {
                continue; // an empty file field
            }
            fileNumber++;
            Optional<FormMessage> refusal = refusal(draft, bytes, FileNames.label(names, partIndex, fileNumber));
            if (refusal.isPresent()) {
                refusals.add(refusal.get());
            } else {
                requests.addDocument(draft, DocumentType.of(bytes).orElseThrow(), bytes);
            }
        }
        if (refusals.isEmpty() && draft.getDocuments().isEmpty()) {
            refusals.add(new FormMessage("documents", "twoStepRecoveryNoDocument"));
        }
        if (!refusals.isEmpty()) {
            return new Outcome(refusals, null, cookie);
        }
        requests.submit(draft, session.getContext().getRequestHeaders().getHeaderString("User-Agent"),
                session.getContext().getConnection().getRemoteAddr());
        // The reviewer's decision is told later, from the reviewer's request: in this page's language.
        SellerLanguage.remember(session, realm, user);
        new ChangeNotice(session).send(realm, user, ChangeNotice.Change.RECOVERY_SUBMITTED);
        return new Outcome(List.of(), draft, cookie);
    }

    /** Why the file called {@code file} (its name, or its number without one) is not added, if it is not. */
    private Optional<FormMessage> refusal(RecoveryRequestEntity draft, byte[] bytes, String file) {
        if (draft.getDocuments().size() >= policy.maxDocuments()) {
            return Optional.of(new FormMessage("documents", "twoStepRecoveryTooMany", policy.maxDocuments(), file));
        }
        if (bytes.length > policy.maxDocumentBytes()) {
            return Optional.of(new FormMessage("documents", "twoStepRecoveryTooBig", file,
                    policy.maxDocumentMegabytes()));
        }
        if (DocumentType.of(bytes).isEmpty()) {
            return Optional.of(new FormMessage("documents", "twoStepRecoveryWrongType", file));
        }
        return Optional.empty();
    }

    private static byte[] readAtMost(FormPartValue part, long limit) {
        try (InputStream in = part.asInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
