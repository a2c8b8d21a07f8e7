package dev.twostep.core.delivery.twilio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient.Redirect;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import org.apache.hc.core5.http.Header;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * Carries the SDK's requests with the JDK's HTTP client: a hard deadline per request (the SDK's own client
 * has long defaults), one attempt only (a retried POST could send a code twice), and a configurable base
 * address so tests and proxies can stand in for {@code api.twilio.com}.
 */
final class TwilioHttp extends HttpClient {
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");

    private final java.net.http.HttpClient http;
    private final URI base;
    private final Duration timeout;

    TwilioHttp(java.net.http.HttpClient http, URI base, Duration timeout) {
        this.http = http;
        this.base = base;
        this.timeout = timeout;
    }

    static java.net.http.HttpClient newJdkClient(Duration timeout) {
        return java.net.http.HttpClient.newBuilder().connectTimeout(timeout).followRedirects(Redirect.NEVER).build();
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        HttpRequest.Builder call = HttpRequest.newBuilder(rebase(request.constructURL().toString()))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "two-step-keycloak twilio-java");
        if (request.requiresAuthentication()) {
            call.header("Authorization", request.getAuthString());
        }
        request.getHeaderParams().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(value -> call.header(name, value));
            }
        });
        if (request.getMethod() == HttpMethod.GET) {
            call.GET();
        } else {
            call.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(request.getMethod().toString(),
                            HttpRequest.BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> answer = http.send(call.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // Headers are not needed, but the SDK's debug logging reads them: never null.
            return new Response(answer.body(), answer.statusCode(), new Header[0]);
        } catch (HttpTimeoutException e) {
            throw new ApiConnectionException("Twilio did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new ApiConnectionException("Twilio could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted while waiting for Twilio", e);
        }
    }

    /** The SDK always aims at Twilio's public host; keep its path and query, but on our base address. */
    private URI rebase(String sdkUrl) {
        URI original = URI.create(sdkUrl);
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + original.getRawPath()
                + (original.getRawQuery() == null ? "" : "?" + original.getRawQuery()));
    }
}
