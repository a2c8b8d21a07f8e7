package dev.twostep.core.delivery;

import java.nio.file.Path;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The {@value #PROVIDER_ID} sender. Option {@code file} (e.g. {@code --spi-two-step-sender--outbox--file=...});
 * default {@code data/two-step-outbox.jsonl} under Keycloak's home. It is the default only under
 * {@code start-dev}: a production server ({@code kc.sh start}) with no sender chosen refuses to start rather
 * than write codes to a file, and one that chose the outbox by name never logs codes or full numbers.
 */
public final class OutboxSenderFactory implements CodeSenderFactory {
    public static final String PROVIDER_ID = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxSenderFactory.class);

    private Path file;
    private final boolean devMode = Environment.isDevMode();

    @Override
    public CodeSender create(KeycloakSession session) {
        return new OutboxSender(file, devMode);
    }

    @Override
    public void init(Config.Scope config) {
        String configured = config.get("file");
        file = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("kc.home.dir", "."), "data", "two-step-outbox.jsonl");
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (factory.getProviderFactory(CodeSender.class) != this) {
            return;
        }
        if (!devMode && !PROVIDER_ID.equals(Config.getProvider(CodeSenderSpi.NAME))) {
            throw new IllegalStateException("two-step: no code sender is chosen, and the outbox (which writes codes "
                    + "to a file) is the default only under start-dev: start with "
                    + "--spi-two-step-sender--provider=twilio, or name the outbox (=outbox) for a test server");
        }
        LOG.infof("two-step: outbox sender writes codes to %s (dev only; choose twilio in production)",
                file.toAbsolutePath());
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /** Above other senders, so the outbox is the default when no provider is chosen. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("file").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("File the outbox appends one JSON line per message to.").add()
                .build();
    }
}
