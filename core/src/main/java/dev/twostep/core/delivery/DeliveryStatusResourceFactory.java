package dev.twostep.core.delivery;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import dev.twostep.core.NoLifecycle;

/** Serves {@code /realms/{realm}/}{@value #PROVIDER_ID}{@code /{deliveryId}} for the code pages' status check. */
public final class DeliveryStatusResourceFactory implements RealmResourceProviderFactory, NoLifecycle<RealmResourceProvider> {
    public static final String PROVIDER_ID = "two-step-delivery";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new DeliveryStatusResource(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
