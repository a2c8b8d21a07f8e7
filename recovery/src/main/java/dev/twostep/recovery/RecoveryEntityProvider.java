package dev.twostep.recovery;

import java.util.List;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

import dev.twostep.recovery.request.RecoveryDocumentEntity;
import dev.twostep.recovery.request.RecoveryRequestEntity;

/** Hands Keycloak our recovery tables and the Liquibase changelog that creates them (H2 and PostgreSQL). */
public final class RecoveryEntityProvider implements JpaEntityProvider {
    static final String CHANGELOG = "META-INF/two-step-recovery-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(RecoveryRequestEntity.class, RecoveryDocumentEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return RecoveryEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
