package dev.twostep.core.delivery;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The SPI {@value #NAME}: how codes leave the server. Choose the provider with
 * {@code --spi-two-step-sender--provider=twilio}; with nothing chosen the dev outbox wins.
 */
public final class CodeSenderSpi implements Spi {
    public static final String NAME = "two-step-sender";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return CodeSender.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return CodeSenderFactory.class;
    }
}
