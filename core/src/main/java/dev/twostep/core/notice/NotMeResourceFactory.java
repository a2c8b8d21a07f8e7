package dev.twostep.core.notice;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import dev.twostep.core.NoLifecycle;

/** Serves {@code /realms/{realm}/}{@value #PROVIDER_ID}: where a notice's "This wasn't me" link leads. */
public final class NotMeResourceFactory implements RealmResourceProviderFactory, NoLifecycle<RealmResourceProvider> {
    public static final String PROVIDER_ID = "two-step-not-me";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new NotMeResource(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
