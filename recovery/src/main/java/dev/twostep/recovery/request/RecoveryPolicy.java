package dev.twostep.recovery.request;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.sessions.AuthenticationSessionModel;

import dev.twostep.core.policy.LoginPolicy;
import dev.twostep.core.policy.RealmPolicy;
import dev.twostep.core.policy.SettingsReader;

/**
 * Limits of account recovery, kept with the rest of the 2SV policy in the sign-in step's config: how many
 * documents, how large, and how long they are kept after a decision.
 */
public record RecoveryPolicy(int maxDocuments, long maxDocumentBytes, Duration retention) {
    public static final String MAX_DOCUMENTS = "recoveryMaxDocuments";
    public static final String MAX_DOCUMENT_MEGABYTES = "recoveryMaxDocumentMegabytes";
    public static final String RETENTION_DAYS = "recoveryRetentionDays";
    /** What a contact note may hold; the column is sized for it. */
    public static final int MAX_NOTE_LENGTH = 2000;
    private static final Logger LOG = Logger.getLogger(RecoveryPolicy.class);

    /**
     * A note as typed: browsers count a line break as one character against the field's limit but send it as
     * two, so a note that fit the field must fit here too.
     */
    public static String typedNote(String sent) {
        return sent == null ? "" : sent.replace("\r\n", "\n").strip();
    }

    public RecoveryPolicy {
        if (maxDocuments < 1 || maxDocumentBytes < 1 || retention.isNegative()) {
            throw new IllegalArgumentException("recovery limits must allow one document and keep it zero days or more");
        }
    }

    public static RecoveryPolicy defaults() {
        return new RecoveryPolicy(3, 10L * 1024 * 1024, Duration.ofDays(30));
    }

    /**
     * The largest upload post worth reading: every document at its limit plus the note and the form's own
     * framing. A longer post is refused by its declared length before a byte of it is parsed.
     */
    public long maxUploadBytes() {
        return maxDocuments * maxDocumentBytes + 4L * MAX_NOTE_LENGTH + 64 * 1024;
    }

    public int maxDocumentMegabytes() {
        return (int) (maxDocumentBytes / (1024 * 1024));
    }

    public static RecoveryPolicy of(RealmModel realm) {
        return of(realm, RealmPolicy.config(realm));
    }

    /** The limits of one login: those of the policy its sign-in step follows (see {@link LoginPolicy}). */
    public static RecoveryPolicy of(AuthenticationSessionModel login, RealmModel realm) {
        return of(realm, LoginPolicy.config(login, realm));
    }

    private static RecoveryPolicy of(RealmModel realm, Map<String, String> config) {
        SettingsReader settings = new SettingsReader(config);
        RecoveryPolicy policy = read(settings);
        settings.problems().forEach(problem -> LOG.warnf("two-step: recovery settings of realm %s: %s",
                realm.getName(), problem));
        return policy;
    }

    /** The limits of a config map; a wrong value keeps its default (see {@link SettingsReader}). */
    public static RecoveryPolicy from(Map<String, String> config) {
        return read(new SettingsReader(config));
    }

    private static RecoveryPolicy read(SettingsReader settings) {
        RecoveryPolicy d = defaults();
        return new RecoveryPolicy(settings.whole(MAX_DOCUMENTS, d.maxDocuments(), 1, 20),
                settings.whole(MAX_DOCUMENT_MEGABYTES, d.maxDocumentMegabytes(), 1, 100) * 1024L * 1024L,
                Duration.ofDays(settings.whole(RETENTION_DAYS, (int) d.retention().toDays(), 0, 3650)));
    }

    /** The admin console's fields for these limits, shown with the rest of the sign-in step's config. */
    public static List<ProviderConfigProperty> properties() {
        RecoveryPolicy d = defaults();
        return ProviderConfigurationBuilder.create()
                .property().name(MAX_DOCUMENTS).label("Recovery: documents per request")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(Integer.toString(d.maxDocuments()))
                .helpText("Identity documents a seller may attach to one recovery request.").add()
                .property().name(MAX_DOCUMENT_MEGABYTES).label("Recovery: document size (MB)")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(Integer.toString(d.maxDocumentMegabytes()))
                .helpText("Largest document accepted. Keycloak's HTTP limit (quarkus.http.limits.max-body-size) must "
                        + "allow a request this large.").add()
                .property().name(RETENTION_DAYS).label("Recovery: days documents are kept")
                .type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(Long.toString(d.retention().toDays()))
                .helpText("Documents are deleted this many days after the request is decided.").add()
                .build();
    }
}
