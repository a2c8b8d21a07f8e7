package dev.twostep.core.recovery;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI {@value #NAME}: account recovery for sellers who lost every method (see {@link AccountRecovery}). */
public final class AccountRecoverySpi implements Spi {
    public static final String NAME = "two-step-recovery";

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
        return AccountRecovery.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return AccountRecoveryFactory.class;
    }
}
