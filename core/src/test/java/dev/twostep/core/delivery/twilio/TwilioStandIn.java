package dev.twostep.core.delivery.twilio;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server that answers as Twilio's REST API does for creating messages and calls: the same
 * paths, Basic authentication, form parameters and JSON bodies, errors included. Tests point the real SDK
 * (and Keycloak) at it, never at the internet. Numbers can be told to fail with a Twilio error code, and
 * every answer can be slowed down.
 */
public final class TwilioStandIn implements AutoCloseable {
    private static final Pattern RESOURCE = Pattern.compile("/2010-04-01/Accounts/([^/]+)/(Messages|Calls)\\.json");
    private static final Pattern DIGITS = Pattern.compile("(\\d[\\s,.]*){6,10}");

    /**
     * A made-up SID in Twilio's shape ({@code prefix} and 32 hex digits) for the stand-in: no account has it,
     * and built here rather than written out, it is plainly not a credential someone left in the tree.
     */
    public static String madeUpSid(String prefix) {
        return prefix + "0".repeat(31) + "1";
    }

    /** One request Twilio would have turned into a text message or a call. */
    public record Received(String kind, String accountSid, String authorization, Map<String, String> form) {
        public String to() {
            return form.get("To");
        }

        /** The code as the seller would read or hear it: the first run of 6 to 10 digits. */
        public String code() {
            String text = kind.equals("Messages") ? form.get("Body") : form.get("Twiml");
            Matcher matcher = DIGITS.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no code in " + text);
            }
            return matcher.group().replaceAll("\\D", "");
        }
    }

    private final HttpServer server;
    private final String accountSid;
    private final String expectedAuthorization;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private volatile Duration delay = Duration.ZERO;
    /** Every request answered, accepted or not: what an account would be billed for in API calls. */
    private final AtomicLong requests = new AtomicLong();

    /** Accepts requests authenticated as {@code username}:{@code password} for account {@code accountSid}. */
    public TwilioStandIn(String accountSid, String username, String password) throws IOException {
        this(accountSid, username, password, "127.0.0.1");
    }

    /**
     * As above, listening on {@code address}: the Docker bridge's own address, say, for a Keycloak in a
     * container, where the host's loopback is out of reach.
     */
    public TwilioStandIn(String accountSid, String username, String password, String address) throws IOException {
        this.accountSid = accountSid;
        this.expectedAuthorization = "Basic " + java.util.Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** Requests to {@code number} (E.164) fail with this Twilio error code. */
    public void failFor(String number, int twilioCode) {
        failures.put(number, twilioCode);
    }

    public void slowDown(Duration by) {
        delay = by;
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public List<Received> receivedFor(String number) {
        return received().stream().filter(r -> number.equals(r.to())).toList();
    }

    /**
     * The {@code count}-th message or call to {@code number}, as soon as it arrives (sends run in the
     * background); empty when none came within {@code timeout}. Woken by each arrival, so a waiting test adds
     * no polling delay to what it measures.
     */
    public Optional<Received> awaitFor(String number, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (true) {
                List<Received> toNumber = received.stream().filter(r -> number.equals(r.to())).toList();
                if (toNumber.size() >= count) {
                    return Optional.of(toNumber.get(count - 1));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Requests answered so far, refused ones included. */
    public long requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            pause();
            Matcher resource = RESOURCE.matcher(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !resource.matches()) {
                reply(exchange, 404, error(20404, "The requested resource was not found", 404));
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (!expectedAuthorization.equals(authorization) || !accountSid.equals(resource.group(1))) {
                reply(exchange, 401, error(20003, "Authenticate", 401));
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Integer failure = failures.get(form.get("To"));
            if (failure != null) {
                int status = failure == 20429 ? 429 : 400;
                reply(exchange, status, error(failure, "The request failed (stand-in error " + failure + ")", status));
                return;
            }
            synchronized (received) {
                received.add(new Received(resource.group(2), resource.group(1), authorization, form));
                received.notifyAll();
            }
            reply(exchange, 201, resource.group(2).equals("Messages") ? message(form) : call(form));
        }
    }

    private void pause() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String message(Map<String, String> form) {
        return "{\"sid\":\"SM" + sid() + "\",\"account_sid\":\"" + accountSid + "\",\"to\":" + quote(form.get("To"))
                + ",\"from\":" + quote(form.get("From")) + ",\"messaging_service_sid\":"
                + quote(form.get("MessagingServiceSid")) + ",\"body\":" + quote(form.get("Body"))
                + ",\"status\":\"queued\",\"num_segments\":\"1\",\"direction\":\"outbound-api\","
                + "\"api_version\":\"2010-04-01\",\"date_created\":\"Tue, 24 Nov 2026 10:00:00 +0000\","
                + "\"uri\":\"/2010-04-01/Accounts/" + accountSid + "/Messages.json\"}";
    }

    private String call(Map<String, String> form) {
        return "{\"sid\":\"CA" + sid() + "\",\"account_sid\":\"" + accountSid + "\",\"to\":" + quote(form.get("To"))
                + ",\"from\":" + quote(form.get("From")) + ",\"status\":\"queued\",\"direction\":\"outbound-api\","
                + "\"api_version\":\"2010-04-01\",\"date_created\":\"Tue, 24 Nov 2026 10:00:00 +0000\","
                + "\"uri\":\"/2010-04-01/Accounts/" + accountSid + "/Calls.json\"}";
    }

    private static String error(int code, String message, int status) {
        return "{\"code\":" + code + ",\"message\":" + quote(message) + ",\"more_info\":\"https://www.twilio.com/docs/errors/"
                + code + "\",\"status\":" + status + "}";
    }

    private static String sid() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
