package dev.twostep.core.testing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.common.util.KeycloakUriBuilder;
import org.keycloak.events.EventBuilder;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OTPPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.theme.Theme;

import dev.twostep.core.InMemorySingleUse;
import dev.twostep.core.RequiredActionIds;
import dev.twostep.core.delivery.CodeSender;
import dev.twostep.core.delivery.OutgoingMessage;
import dev.twostep.core.lookup.LineType;
import dev.twostep.core.lookup.LookupException;
import dev.twostep.core.lookup.NumberFacts;

/**
 * Just enough of Keycloak for unit tests of the flow logic: a session with the single-use store in memory,
 * providers by class, cookies and a posted form; a realm; a login whose notes and required actions are
 * kept in maps; pages, events and sent messages recorded for the test to read. Stand-ins for a unit test
 * only: the integration tests run the real server.
 */
public final class StandInKeycloak {
    public final InMemorySingleUse singleUse = new InMemorySingleUse();
    /** The realm's signing, for real: tokens signed with another key do not decode. */
    public final HmacTokens tokens = new HmacTokens("realm-internal-key-for-unit-tests");
    public final Map<Class<?>, Object> providers = new HashMap<>();
    public final Map<String, Cookie> cookies = new HashMap<>();
    public final List<NewCookie> cookiesSet = new ArrayList<>();
    public final MultivaluedMap<String, String> posted = new MultivaluedHashMap<>();
    public final Map<String, String> authNotes = new HashMap<>();
    public final Map<String, String> clientNotes = new HashMap<>();
    public final Set<String> loginRequiredActions = new HashSet<>();
    public final List<OutgoingMessage> sent = new ArrayList<>();
    public final Properties messages = new Properties();
    public final Map<String, Boolean> requiredActionsEnabled = new HashMap<>();
    /** The {@code change} of each notice e-mail sent. */
    public final List<String> notices = new ArrayList<>();
    /** The "This wasn't me" link of each notice e-mail sent. */
    public final List<String> noticeLinks = new ArrayList<>();
    public final Map<String, NumberFacts> lookupAnswers = new HashMap<>();
    public final List<String> lookedUp = new ArrayList<>();
    public String lookupFailure;

    public final KeycloakSession session = mock(KeycloakSession.class);
    public final KeycloakContext context = mock(KeycloakContext.class, RETURNS_DEEP_STUBS);
    public final RealmModel realm = mock(RealmModel.class);
    public final ClientModel client = mock(ClientModel.class);
    public final AuthenticationSessionModel authSession = mock(AuthenticationSessionModel.class, RETURNS_DEEP_STUBS);
    public final HttpRequest request = mock(HttpRequest.class);
    public final Pages pages = new Pages();
    public final Events events = new Events();

    public StandInKeycloak() {
        lenient().when(session.singleUseObjects()).thenReturn(singleUse);
        lenient().when(session.tokens()).thenReturn(tokens);
        lenient().when(session.getContext()).thenReturn(context);
        // No session of the user anywhere: a reset or a sign-out elsewhere has nothing to end.
        lenient().when(session.sessions()).thenReturn(mock(org.keycloak.models.UserSessionProvider.class));
        lenient().when(session.users()).thenReturn(mock(org.keycloak.models.UserProvider.class));
        lenient().when(session.getProvider(any())).thenAnswer(call -> providers.get(call.<Class<?>>getArgument(0)));
        KeycloakSessionFactory factory = mock(KeycloakSessionFactory.class);
        // A background job (a send's outcome) runs in "another" session: this one, whose store it shares.
        lenient().when(factory.create()).thenReturn(session);
        lenient().when(session.getKeycloakSessionFactory()).thenReturn(factory);
        org.keycloak.models.KeycloakTransactionManager transactions = mock(org.keycloak.models.KeycloakTransactionManager.class);
        // The request's work "commits" at once: what waits for the commit (a notice) happens on the spot.
        lenient().doAnswer(call -> {
            org.keycloak.models.KeycloakTransaction after = call.getArgument(0);
            after.begin();
            after.commit();
            return null;
        }).when(transactions).enlistAfterCompletion(any());
        lenient().when(session.getTransactionManager()).thenReturn(transactions);
        lenient().when(context.getRequestHeaders().getCookies()).thenReturn(cookies);
        lenient().when(context.getUri().getBaseUri()).thenReturn(URI.create("http://localhost:8080/"));
        lenient().when(context.getUri().getBaseUriBuilder())
                .thenAnswer(call -> uriBuilder(KeycloakUriBuilder.fromUri("http://localhost:8080/")));
        lenient().when(context.resolveLocale(any())).thenReturn(Locale.ENGLISH);
        lenient().when(context.getConnection().getRemoteAddr()).thenReturn("10.0.0.1");
        lenient().when(context.getRealm()).thenReturn(realm);
        org.keycloak.http.HttpResponse response = context.getHttpResponse();
        lenient().doAnswer(call -> cookiesSet.add(call.getArgument(0))).when(response).setCookieIfAbsent(any());
        lenient().when(request.getDecodedFormParameters()).thenReturn(posted);

        lenient().when(realm.getId()).thenReturn("realm-id");
        lenient().when(realm.getName()).thenReturn("seller");
        lenient().when(realm.getOTPPolicy()).thenReturn(OTPPolicy.DEFAULT_POLICY);
        requiredActionsEnabled.put(RequiredActionIds.ENROLL, true);
        lenient().when(realm.getRequiredActionProviderByAlias(anyString())).thenAnswer(call -> {
            Boolean enabled = requiredActionsEnabled.get(call.<String>getArgument(0));
            if (enabled == null) {
                return null;
            }
            RequiredActionProviderModel action = new RequiredActionProviderModel();
            action.setAlias(call.getArgument(0));
            action.setEnabled(enabled);
            return action;
        });

        lenient().when(client.getClientId()).thenReturn("seller-portal");
        lenient().when(authSession.getClient()).thenReturn(client);
        lenient().when(authSession.getRealm()).thenReturn(realm);
        lenient().when(authSession.getTabId()).thenReturn("tab");
        lenient().when(authSession.getAuthNote(anyString())).thenAnswer(call -> authNotes.get(call.<String>getArgument(0)));
        lenient().doAnswer(call -> authNotes.put(call.getArgument(0), call.getArgument(1))).when(authSession)
                .setAuthNote(anyString(), any());
        lenient().doAnswer(call -> authNotes.remove(call.<String>getArgument(0))).when(authSession)
                .removeAuthNote(anyString());
        lenient().when(authSession.getClientNote(anyString())).thenAnswer(call -> clientNotes.get(call.<String>getArgument(0)));
        lenient().doAnswer(call -> clientNotes.put(call.getArgument(0), call.getArgument(1))).when(authSession)
                .setClientNote(anyString(), any());
        lenient().when(authSession.getRequiredActions()).thenReturn(loginRequiredActions);
        lenient().doAnswer(call -> loginRequiredActions.add(call.getArgument(0))).when(authSession)
                .addRequiredAction(anyString());

        messages.setProperty("twoStepSmsText", "{0} is your {1} code. It expires in {2} minutes.");
        messages.setProperty("twoStepVoiceText", "Your {1} code is {0}.");
        Theme theme = mock(Theme.class);
        try {
            lenient().when(theme.getEnhancedMessages(any(), any())).thenReturn(messages);
            org.keycloak.models.ThemeManager themes = mock(org.keycloak.models.ThemeManager.class);
            lenient().when(themes.getTheme(Theme.Type.LOGIN)).thenReturn(theme);
            lenient().when(session.theme()).thenReturn(themes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ExecutorsProvider executors = mock(ExecutorsProvider.class);
        lenient().when(executors.getExecutor(anyString())).thenReturn(new SameThread());
        providers.put(ExecutorsProvider.class, executors);
        providers.put(CodeSender.class, (CodeSender) sent::add);
        org.keycloak.email.EmailTemplateProvider email = mock(org.keycloak.email.EmailTemplateProvider.class, RETURNS_SELF);
        try {
            lenient().doAnswer(call -> {
                notices.add(String.valueOf(call.<Map<String, Object>>getArgument(2).get("change")));
                noticeLinks.add(String.valueOf(call.<Map<String, Object>>getArgument(2).get("notMeUrl")));
                return null;
            }).when(email).send(anyString(), anyString(), any());
        } catch (org.keycloak.email.EmailException e) {
            throw new IllegalStateException(e);
        }
        providers.put(org.keycloak.email.EmailTemplateProvider.class, email);
    }

    /**
     * Makes the sender look numbers up: {@link #lookupAnswers} answers (a low-risk mobile otherwise), every
     * number asked lands in {@link #lookedUp}, and while {@link #lookupFailure} is set each lookup fails with it.
     */
    public void lookingUpNumbers() {
        providers.put(CodeSender.class, new CodeSender() {
            @Override
            public void send(OutgoingMessage message) {
                sent.add(message);
            }

            @Override
            public boolean looksUpNumbers() {
                return true;
            }

            @Override
            public java.util.Optional<NumberFacts> lookUp(String e164) throws LookupException {
                lookedUp.add(e164);
                if (lookupFailure != null) {
                    throw new LookupException(lookupFailure);
                }
                return java.util.Optional.of(lookupAnswers.getOrDefault(e164,
                        new NumberFacts(LineType.MOBILE, 5, null, false)));
            }
        });
    }

    /** The context of our sign-in step for {@code user}, as Keycloak hands it to an authenticator. */
    public AuthenticationFlowContext flowContext(StandInUser user) {
        AuthenticationFlowContext flow = mock(AuthenticationFlowContext.class);
        LoginFormsProvider form = form();
        EventBuilder event = event();
        org.keycloak.common.ClientConnection connection = context.getConnection();
        jakarta.ws.rs.core.UriInfo uri = context.getUri();
        lenient().when(flow.getSession()).thenReturn(session);
        lenient().when(flow.getRealm()).thenReturn(realm);
        lenient().when(flow.getUser()).thenReturn(user.model);
        lenient().when(flow.getAuthenticationSession()).thenReturn(authSession);
        lenient().when(flow.form()).thenReturn(form);
        lenient().when(flow.getEvent()).thenReturn(event);
        lenient().when(flow.getHttpRequest()).thenReturn(request);
        lenient().when(flow.getConnection()).thenReturn(connection);
        lenient().when(flow.getUriInfo()).thenReturn(uri);
        lenient().when(flow.getRefreshUrl(org.mockito.ArgumentMatchers.anyBoolean()))
                .thenReturn(URI.create("http://localhost:8080/realms/seller/login-actions/authenticate?tab_id=tab"));
        return flow;
    }

    /** The context of one of our required actions for {@code user}. */
    public RequiredActionContext actionContext(StandInUser user) {
        RequiredActionContext action = mock(RequiredActionContext.class);
        LoginFormsProvider form = form();
        EventBuilder event = event();
        org.keycloak.common.ClientConnection connection = context.getConnection();
        jakarta.ws.rs.core.UriInfo uri = context.getUri();
        lenient().when(action.getSession()).thenReturn(session);
        lenient().when(action.getRealm()).thenReturn(realm);
        lenient().when(action.getUser()).thenReturn(user.model);
        lenient().when(action.getAuthenticationSession()).thenReturn(authSession);
        lenient().when(action.form()).thenReturn(form);
        lenient().when(action.getEvent()).thenReturn(event);
        lenient().when(action.getHttpRequest()).thenReturn(request);
        lenient().when(action.getConnection()).thenReturn(connection);
        lenient().when(action.getUriInfo()).thenReturn(uri);
        return action;
    }

    /** JAX-RS's URI builder over Keycloak's own, which needs no JAX-RS runtime: paths, query parameters, build. */
    private static UriBuilder uriBuilder(KeycloakUriBuilder builder) {
        UriBuilder[] self = new UriBuilder[1];
        self[0] = mock(UriBuilder.class, call -> switch (call.getMethod().getName()) {
            case "path" -> {
                builder.path(String.valueOf(call.<Object>getArgument(0)));
                yield self[0];
            }
            case "queryParam" -> {
                Object[] values = java.util.Arrays.copyOfRange(call.getArguments(), 1, call.getArguments().length);
                builder.queryParam(call.getArgument(0), values);
                yield self[0];
            }
            case "build" -> builder.build();
            default -> throw new UnsupportedOperationException("UriBuilder." + call.getMethod().getName());
        });
        return self[0];
    }

    /** The browser sends cookie {@code name} with {@code value} on the next requests. */
    public void browserSends(String name, String value) {
        cookies.put(name, new Cookie.Builder(name).value(value).build());
    }

    /** A form post of {@code fields} (name, value, name, value...). */
    public StandInKeycloak post(String... fields) {
        posted.clear();
        for (int i = 0; i < fields.length; i += 2) {
            posted.add(fields[i], fields[i + 1]);
        }
        return this;
    }

    /** A fresh {@link LoginFormsProvider} whose pages land in {@link #pages}. */
    public LoginFormsProvider form() {
        return pages.form();
    }

    /** An {@link EventBuilder} whose outcomes land in {@link #events}. */
    public EventBuilder event() {
        return events.builder();
    }

    /** The code of the last message sent, as the seller reads it. */
    public String lastCode() {
        if (sent.isEmpty()) {
            throw new AssertionError("no message was sent");
        }
        return sent.get(sent.size() - 1).code();
    }

    /** The pages rendered: the template, the {@code twoStep} model, the errors and the info line of each. */
    public static final class Pages {
        public record Page(String template, Map<String, Object> model, List<String> errors, String info, String error) {
        }

        public final List<Page> shown = new ArrayList<>();
        private Map<String, Object> model;
        private List<String> errors = List.of();
        private String info;
        private String error;

        @SuppressWarnings("unchecked")
        LoginFormsProvider form() {
            LoginFormsProvider form = mock(LoginFormsProvider.class, RETURNS_SELF);
            lenient().doAnswer(call -> {
                if ("twoStep".equals(call.getArgument(0))) {
                    model = (Map<String, Object>) call.getArgument(1);
                }
                return form;
            }).when(form).setAttribute(anyString(), any());
            lenient().doAnswer(call -> {
                errors = call.<List<FormMessage>>getArgument(0).stream().map(FormMessage::getMessage).toList();
                return form;
            }).when(form).setErrors(any());
            lenient().doAnswer(call -> {
                info = call.getArgument(0);
                return form;
            }).when(form).setInfo(anyString(), any(Object[].class));
            lenient().doAnswer(call -> {
                error = call.getArgument(0);
                return form;
            }).when(form).setError(anyString(), any(Object[].class));
            lenient().when(form.createForm(anyString())).thenAnswer(call -> page(call.getArgument(0)));
            lenient().when(form.createErrorPage(any())).thenAnswer(call -> page("error.ftl"));
            return form;
        }

        private Response page(String template) {
            shown.add(new Page(template, model == null ? Map.of() : model, errors, info, error));
            model = null;
            errors = List.of();
            info = null;
            error = null;
            Response response = mock(Response.class);
            lenient().when(response.getEntity()).thenReturn(template);
            return response;
        }

        public Page last() {
            if (shown.isEmpty()) {
                throw new AssertionError("no page was rendered");
            }
            return shown.get(shown.size() - 1);
        }
    }

    /** Events written: the error of each failed one, "success" for the others, with the type and details. */
    public static final class Events {
        public record Written(String type, String outcome, Map<String, String> details) {
        }

        public final List<Written> written = new ArrayList<>();

        EventBuilder builder() {
            Map<String, String> details = new HashMap<>();
            String[] type = {null};
            EventBuilder builder = mock(EventBuilder.class, RETURNS_SELF);
            lenient().when(builder.clone()).thenAnswer(call -> builder);
            lenient().doAnswer(call -> {
                type[0] = String.valueOf(call.<Object>getArgument(0));
                return builder;
            }).when(builder).event(any());
            lenient().doAnswer(call -> {
                details.put(call.getArgument(0), call.getArgument(1));
                return builder;
            }).when(builder).detail(anyString(), anyString());
            lenient().doAnswer(call -> {
                written.add(new Written(type[0], call.getArgument(0), Map.copyOf(details)));
                return null;
            }).when(builder).error(anyString());
            lenient().doAnswer(call -> {
                written.add(new Written(type[0], "success", Map.copyOf(details)));
                return null;
            }).when(builder).success();
            return builder;
        }

        public List<String> outcomes() {
            return written.stream().map(Written::outcome).toList();
        }
    }

    /** Runs a background task at once, so a send's outcome is known when the page is rendered. */
    private static final class SameThread extends AbstractExecutorService {
        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
