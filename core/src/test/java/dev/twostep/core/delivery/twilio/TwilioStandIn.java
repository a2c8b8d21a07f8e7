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
 * every answer can be slowed down. It also answers Lookup v2 ({@code GET /v2/PhoneNumbers/{number}}) with the
 * packages asked for in {@code Fields}, as Twilio documents them: a number is a low-risk mobile with no SIM
 * change unless a test says otherwise.
 */
public final class TwilioStandIn implements AutoCloseable {
    private static final Pattern RESOURCE = Pattern.compile("/2010-04-01/Accounts/([^/]+)/(Messages|Calls)\\.json");
    private static final Pattern LOOKUP = Pattern.compile("/v2/PhoneNumbers/([^/]+)");
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
    private final Map<String, LookupAnswer> lookupAnswers = new ConcurrentHashMap<>();
    private final List<String> lookups = Collections.synchronizedList(new ArrayList<>());
    private volatile Duration lookupDelay = Duration.ZERO;

    /**
     * What Lookup says of a number: Twilio's line type ({@code mobile}, {@code landline}, {@code nonFixedVoip},
     * ...), the SMS pumping risk score, the last SIM change (null: none known), or, when {@code failStatus} is
     * not 0, an error answer with that HTTP status.
     */
    public record LookupAnswer(String lineType, int pumpingRisk, java.time.Instant lastSimSwap, int failStatus) {
        public static LookupAnswer of(String lineType) {
            return new LookupAnswer(lineType, 5, null, 0);
        }

        public LookupAnswer risk(int score) {
            return new LookupAnswer(lineType, score, lastSimSwap, failStatus);
        }

        public LookupAnswer simSwappedAt(java.time.Instant when) {
            return new LookupAnswer(lineType, pumpingRisk, when, failStatus);
        }

        public static LookupAnswer failing(int status) {
            return new LookupAnswer("mobile", 5, null, status);
        }
    }

    /** Lookup answers {@code answer} for {@code number} (E.164) from now on. */
    public void lookupAnswers(String number, LookupAnswer answer) {
        lookupAnswers.put(number, answer);
    }

    /** Lookup answers only after this long (the messages API keeps its own pace). */
    public void slowLookups(Duration by) {
        lookupDelay = by;
    }

    /** The numbers looked up so far, in order, once per request. */
    public List<String> lookups() {
        synchronized (lookups) {
            return List.copyOf(lookups);
        }
    }

    public long lookupsOf(String number) {
        return lookups().stream().filter(number::equals).count();
    }

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
            Matcher lookup = LOOKUP.matcher(exchange.getRequestURI().getPath());
            if ("GET".equals(exchange.getRequestMethod()) && lookup.matches()) {
                // getPath() is decoded already, and a "+" in a path is a plus, not a space.
                answerLookup(exchange, lookup.group(1));
                return;
            }
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

    private void answerLookup(HttpExchange exchange, String number) throws IOException {
        pause(lookupDelay);
        if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, error(20003, "Authenticate", 401));
            return;
        }
        lookups.add(number);
        LookupAnswer answer = lookupAnswers.getOrDefault(number, LookupAnswer.of("mobile"));
        if (answer.failStatus() != 0) {
            reply(exchange, answer.failStatus(), error(answer.failStatus() == 404 ? 20404 : 20500,
                    "Lookup failed (stand-in)", answer.failStatus()));
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        List<String> fields = query == null ? List.of() : java.util.Arrays.stream(query.split("&"))
                .filter(pair -> pair.startsWith("Fields="))
                .flatMap(pair -> java.util.Arrays.stream(URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8)
                        .split(",")))
                .toList();
        String digits = number.replaceAll("\\D", "");
        String countryCode = digits.startsWith("39") ? "IT" : digits.startsWith("1") ? "US" : "GB";
        String callingCode = digits.startsWith("39") ? "39" : digits.startsWith("1") ? "1" : "44";
        String lineType = !fields.contains("line_type_intelligence") ? "null"
                : "{\"mobile_country_code\":\"222\",\"mobile_network_code\":\"01\",\"carrier_name\":"
                + "\"Stand-in Mobile\",\"type\":" + quote(answer.lineType()) + ",\"error_code\":null}";
        String risk = !fields.contains("sms_pumping_risk") ? "null"
                : "{\"carrier_risk_category\":" + quote(answer.pumpingRisk() > 60 ? "high" : "low")
                + ",\"number_blocked\":false,\"number_blocked_date\":null,\"number_blocked_last_3_months\":null,"
                + "\"sms_pumping_risk_score\":" + answer.pumpingRisk() + ",\"error_code\":null}";
        String simSwap = !fields.contains("sim_swap") ? "null"
                : "{\"last_sim_swap\":{\"last_sim_swap_date\":"
                + (answer.lastSimSwap() == null ? "null" : quote(answer.lastSimSwap().toString()))
                + ",\"swapped_period\":\"PT24H\",\"swapped_in_period\":" + (answer.lastSimSwap() != null
                && answer.lastSimSwap().isAfter(java.time.Instant.now().minus(Duration.ofHours(24))))
                + "},\"carrier_name\":\"Stand-in Mobile\",\"mobile_country_code\":\"222\","
                + "\"mobile_network_code\":\"01\",\"error_code\":null}";
        reply(exchange, 200, "{\"calling_country_code\":" + quote(callingCode) + ",\"country_code\":"
                + quote(countryCode) + ",\"phone_number\":" + quote(number) + ",\"national_format\":"
                + quote(digits) + ",\"valid\":true,\"validation_errors\":[],\"caller_name\":null,"
                + "\"sim_swap\":" + simSwap + ",\"call_forwarding\":null,\"line_status\":null,"
                + "\"line_type_intelligence\":" + lineType + ",\"identity_match\":null,"
                + "\"reassigned_number\":null,\"sms_pumping_risk\":" + risk + ",\"phone_number_quality_score\":null,"
                + "\"pre_fill\":null,\"url\":" + quote("https://lookups.twilio.com/v2/PhoneNumbers/" + number) + "}");
    }

    private void pause() {
        pause(delay);
    }

    private static void pause(Duration delay) {
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
