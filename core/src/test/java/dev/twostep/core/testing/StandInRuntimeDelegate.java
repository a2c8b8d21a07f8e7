package dev.twostep.core.testing;

import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.Variant;
import jakarta.ws.rs.ext.RuntimeDelegate;

/**
 * The JAX-RS runtime a unit test lacks, for the one thing our flow code needs of it outside a server: cookies
 * (whose classes ask the runtime for a header writer when they load). A module's unit tests install it with
 * a {@code META-INF/services/jakarta.ws.rs.ext.RuntimeDelegate} file of their own; the server has the real one.
 */
public final class StandInRuntimeDelegate extends RuntimeDelegate {
    @Override
    public <T> HeaderDelegate<T> createHeaderDelegate(Class<T> type) {
        return new HeaderDelegate<>() {
            @Override
            public T fromString(String value) {
                throw new UnsupportedOperationException("header parsing in a unit test");
            }

            @Override
            public String toString(T value) {
                return String.valueOf(value);
            }
        };
    }

    @Override
    public UriBuilder createUriBuilder() {
        throw new UnsupportedOperationException("no URI builder in a unit test");
    }

    @Override
    public Response.ResponseBuilder createResponseBuilder() {
        throw new UnsupportedOperationException("no responses in a unit test: pages are recorded instead");
    }

    @Override
    public Variant.VariantListBuilder createVariantListBuilder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> T createEndpoint(Application application, Class<T> endpointType) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Link.Builder createLinkBuilder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public jakarta.ws.rs.SeBootstrap.Configuration.Builder createConfigurationBuilder() {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.util.concurrent.CompletionStage<jakarta.ws.rs.SeBootstrap.Instance> bootstrap(Application application,
            jakarta.ws.rs.SeBootstrap.Configuration configuration) {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.util.concurrent.CompletionStage<jakarta.ws.rs.SeBootstrap.Instance> bootstrap(
            Class<? extends Application> application, jakarta.ws.rs.SeBootstrap.Configuration configuration) {
        throw new UnsupportedOperationException();
    }

    @Override
    public jakarta.ws.rs.core.EntityPart.Builder createEntityPartBuilder(String partName) {
        throw new UnsupportedOperationException();
    }
}
