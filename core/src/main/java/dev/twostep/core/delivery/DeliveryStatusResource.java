package dev.twostep.core.delivery;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/**
 * Tells a code page whether its message went out: "sending", "sent" or "failed", nothing more (the id is
 * an unguessable hash, and the answer names no number, code or reason). The page then asks the flow itself,
 * which shows the reason in the seller's language.
 */
public final class DeliveryStatusResource implements RealmResourceProvider {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final KeycloakSession session;

    DeliveryStatusResource(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return this;
    }

    @GET
    @Path("{deliveryId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("deliveryId") String deliveryId) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        if (deliveryId == null || !ID.matcher(deliveryId).matches()) {
            return Response.status(Response.Status.NOT_FOUND).cacheControl(noStore).build();
        }
        DeliveryStatus.State state = new DeliveryStatus(session.singleUseObjects()).of(deliveryId).state();
        return Response.ok(Map.of("state", state.name().toLowerCase(Locale.ROOT))).cacheControl(noStore).build();
    }

    @Override
    public void close() {
    }
}
