package dev.twostep.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without scripts, over plain HTTP: it keeps cookies, follows Keycloak's redirects, reads the
 * page's template and forms, and posts them. Cookies belong to the host, not the port, as in a real
 * browser: so the nodes of a local cluster (one host, two ports) see the same cookies, as behind a load
 * balancer, and each post can go to the node the test picks.
 */
public final class FormBrowser {
    private static final Pattern PAGE_ID = Pattern.compile("data-page-id=\"login-([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A page shown, or where the browser left Keycloak for the app ({@code leftTo}, no body). */
    public record Page(int status, URI uri, String body, URI leftTo) {
        /** The page's Keycloak template, without {@code .ftl} ("login", "two-step-verify", ...). */
        public String template() {
            Matcher matcher = PAGE_ID.matcher(body);
            return matcher.find() ? matcher.group(1) : "";
        }

        public String formAction(String formId) {
            Matcher matcher = Pattern.compile("<form[^>]*id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]+)\"")
                    .matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no form " + formId + " on " + uri + ":\n" + body);
            }
            return matcher.group(1).replace("&amp;", "&");
        }

        /** The app's query parameters, once the browser has left Keycloak for it. */
        public Map<String, String> appParameters() {
            if (leftTo == null || leftTo.getRawQuery() == null) {
                return Map.of();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : leftTo.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            return parameters;
        }
    }

    /** What a reader of {@code html} sees, in short: for a failed assertion's message. */
    public static String visibleText(String html) {
        String text = html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ").trim();
        return text.length() > 800 ? text.substring(0, 800) + "..." : text;
    }

    private final Jar jar = new Jar();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(jar)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> keycloakOrigins;

    /** {@code keycloakBases}: the base URLs of the Keycloak nodes; a redirect anywhere else is the app. */
    public FormBrowser(List<String> keycloakBases) {
        this.keycloakOrigins = keycloakBases.stream().map(base -> origin(URI.create(base))).collect(Collectors.toSet());
    }

    /** An authorization request of the {@code seller-portal} client (code flow, PKCE) on node {@code base}. */
    public static String authorizationUrl(String base, String extraQuery) {
        return authorizationUrl(base, OidcApp.CLIENT_ID, extraQuery);
    }

    /** An authorization request of {@code clientId} (code flow, PKCE, back to localhost:3000). */
    public static String authorizationUrl(String base, String clientId, String extraQuery) {
        return authorizationUrl(base, clientId, "http://localhost:3000/callback", extraQuery);
    }

    /** An authorization request of {@code clientId} back to {@code redirectUri} (code flow, PKCE challenge). */
    public static String authorizationUrl(String base, String clientId, String redirectUri, String extraQuery) {
        byte[] verifier = new byte[32];
        RANDOM.nextBytes(verifier);
        String challenge;
        try {
            challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(Base64.getUrlEncoder().withoutPadding().encodeToString(verifier)
                            .getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return base + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/auth?client_id=" + clientId
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8)
                + "&response_type=code&scope=openid&state=" + RANDOM.nextInt(Integer.MAX_VALUE)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256" + (extraQuery == null ? "" : extraQuery);
    }

    /** Opens the realm's sign-in on {@code base} and posts username and password; the page that follows. */
    public Page signInWithPassword(String base, String username, String password, String extraQuery) {
        Page login = get(authorizationUrl(base, extraQuery));
        if (!"login".equals(login.template())) {
            throw new AssertionError("no sign-in page at " + login.uri() + ":\n" + login.body());
        }
        return submit(login, "kc-form-login", base, Map.of("username", username, "password", password));
    }

    public Page get(String url) {
        return follow(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Posts {@code fields} to the form {@code formId} of {@code page}, sent to node {@code base}. */
    public Page submit(Page page, String formId, String base, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return follow(HttpRequest.newBuilder(onNode(page.formAction(formId), base))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts the form {@code formId} as multipart, with text {@code fields} and one file in {@code fileField}. */
    public Page submitFile(Page page, String formId, String base, Map<String, String> fields, String fileField,
                           String fileName, byte[] content) {
        return submitFile(page, formId, base, fields, fileField, fileName, content, false);
    }

    /** As {@link #submitFile}, {@code chunked}: without a declared length, as a script may send it. */
    public Page submitFile(Page page, String formId, String base, Map<String, String> fields, String fileField,
                           String fileName, byte[] content, boolean chunked) {
        String boundary = "----twostep" + RANDOM.nextLong();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                        + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return follow(HttpRequest.newBuilder(onNode(page.formAction(formId), base))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(out.toByteArray()))
                        : HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /** Ends the browser's Keycloak sessions but keeps the cookies named (as a trusted device's). */
    public void forgetCookiesBut(String... kept) {
        jar.keepOnly(Set.of(kept));
    }

    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    /** Sends {@code name: value} with every request from now on (a forwarding header, say). */
    public FormBrowser header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public boolean hasCookie(String name) {
        return jar.cookies.containsKey(name);
    }

    private Page follow(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request.timeout(Duration.ofSeconds(30)).build());
        for (int hops = 0; hops < 10; hops++) {
            int status = response.statusCode();
            if (status != 302 && status != 303) {
                return new Page(status, response.uri(), response.body(), null);
            }
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (!keycloakOrigins.contains(origin(next))) {
                return new Page(status, response.uri(), "", next);
            }
            response = send(HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(30)).GET().build());
        }
        throw new AssertionError("too many redirects from " + response.uri());
    }

    /** The same path and query on another node (a load balancer's choice). */
    private static URI onNode(String url, String base) {
        URI target = URI.create(url);
        if (base == null) {
            return target;
        }
        URI node = URI.create(base);
        return URI.create(node.getScheme() + "://" + node.getRawAuthority() + target.getRawPath()
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpRequest.Builder sent = HttpRequest.newBuilder(request, (name, value) -> true);
            extraHeaders.forEach(sent::header);
            return http.send(sent.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every cookie, sent back to any port of the host. Keycloak marks its cookies Secure, which the JDK's
     * cookie manager never returns over plain http, while browsers make an exception for localhost.
     */
    private static final class Jar extends CookieHandler {
        private final Map<String, String> cookies = new LinkedHashMap<>();

        @Override
        public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; "))));
        }

        @Override
        public synchronized void put(URI uri, Map<String, List<String>> headers) {
            headers.forEach((name, values) -> {
                if (!"set-cookie".equalsIgnoreCase(name)) {
                    return;
                }
                for (String value : values) {
                    String pair = value.split(";", 2)[0];
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        continue;
                    }
                    String cookie = pair.substring(0, eq).trim();
                    boolean expired = value.toLowerCase().contains("max-age=0") || pair.substring(eq + 1).isBlank();
                    if (expired) {
                        cookies.remove(cookie);
                    } else {
                        cookies.put(cookie, pair.substring(eq + 1).trim());
                    }
                }
            });
        }

        synchronized void keepOnly(Set<String> kept) {
            cookies.keySet().retainAll(kept);
        }
    }
}
