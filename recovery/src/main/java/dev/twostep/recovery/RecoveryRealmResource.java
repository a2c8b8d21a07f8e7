package dev.twostep.recovery;

import jakarta.ws.rs.Path;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

import dev.twostep.recovery.review.ReviewPage;
import dev.twostep.recovery.seller.DocumentUploadResource;

/** {@code /realms/{realm}/two-step-recovery}: the sellers' upload and the reviewers' page. */
public final class RecoveryRealmResource implements RealmResourceProvider {
    private final KeycloakSession session;

    RecoveryRealmResource(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return this;
    }

    @Path("upload")
    public DocumentUploadResource upload() {
        return new DocumentUploadResource(session);
    }

    @Path("review")
    public ReviewPage review() {
        return new ReviewPage(session, RecoveryRealmResourceFactory.PROVIDER_ID);
    }

    @Override
    public void close() {
    }
}
