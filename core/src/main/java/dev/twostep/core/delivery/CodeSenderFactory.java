package dev.twostep.core.delivery;

import org.keycloak.provider.ProviderFactory;

/** Builds a {@link CodeSender}; its settings come from Keycloak's SPI options, never from realm attributes. */
public interface CodeSenderFactory extends ProviderFactory<CodeSender> {
}
