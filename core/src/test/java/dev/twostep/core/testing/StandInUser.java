package dev.twostep.core.testing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

import dev.twostep.core.kind.Channel;
import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.method.AppBinding;
import dev.twostep.core.phone.PhoneCredentialModel;

/**
 * A user for unit tests of the flow logic: credentials kept in a list, required actions in a set, and an
 * authenticator app whose codes are whatever {@link #appAccepts} says. The users of the integration tests
 * are real.
 */
public final class StandInUser {
    public static final String APP_CODE = "246810";

    public final String id = UUID.randomUUID().toString();
    public final List<CredentialModel> credentials = new ArrayList<>();
    public final Set<String> requiredActions = new HashSet<>();
    public Predicate<String> appAccepts = APP_CODE::equals;
    public final UserModel model = mock(UserModel.class);
    /** The user's attributes, as the user store keeps them. */
    public final java.util.Map<String, List<String>> attributes = new java.util.HashMap<>();

    public StandInUser() {
        SubjectCredentialManager manager = mock(SubjectCredentialManager.class, RETURNS_DEEP_STUBS);
        lenient().when(model.getId()).thenReturn(id);
        lenient().when(model.getUsername()).thenReturn("seller-" + id.substring(0, 8));
        lenient().when(model.isEnabled()).thenReturn(true);
        lenient().when(model.credentialManager()).thenReturn(manager);
        lenient().when(model.getAttributeStream(anyString()))
                .thenAnswer(call -> List.copyOf(attributes.getOrDefault(call.<String>getArgument(0), List.of())).stream());
        lenient().doAnswer(call -> attributes.put(call.getArgument(0), List.copyOf(call.<List<String>>getArgument(1))))
                .when(model).setAttribute(anyString(), any());
        lenient().doAnswer(call -> attributes.put(call.getArgument(0), List.of(call.<String>getArgument(1))))
                .when(model).setSingleAttribute(anyString(), anyString());
        lenient().doAnswer(call -> requiredActions.add(call.getArgument(0))).when(model).addRequiredAction(anyString());
        lenient().doAnswer(call -> requiredActions.remove(call.getArgument(0))).when(model).removeRequiredAction(anyString());
        lenient().when(manager.getStoredCredentialsStream()).thenAnswer(call -> List.copyOf(credentials).stream());
        lenient().when(manager.getStoredCredentialsByTypeStream(anyString())).thenAnswer(call -> List.copyOf(credentials)
                .stream().filter(credential -> credential.getType().equals(call.getArgument(0))));
        lenient().when(manager.getStoredCredentialById(anyString())).thenAnswer(call -> credentials.stream()
                .filter(credential -> credential.getId().equals(call.getArgument(0))).findFirst().orElse(null));
        lenient().when(manager.removeStoredCredentialById(anyString()))
                .thenAnswer(call -> credentials.removeIf(credential -> credential.getId().equals(call.getArgument(0))));
        lenient().when(manager.createStoredCredential(any())).thenAnswer(call -> store(call.getArgument(0)));
        lenient().doAnswer(call -> {
            CredentialModel updated = call.getArgument(0);
            credentials.replaceAll(credential -> credential.getId().equals(updated.getId()) ? updated : credential);
            return null;
        }).when(manager).updateStoredCredential(any());
        lenient().when(manager.isValid(any(CredentialInput[].class))).thenAnswer(call -> {
            CredentialInput input = call.getArgument(0);
            return OTPCredentialModel.TYPE.equals(input.getType()) && appAccepts.test(input.getChallengeResponse());
        });
    }

    public CredentialModel store(CredentialModel credential) {
        if (credential.getId() == null) {
            credential.setId(UUID.randomUUID().toString());
        }
        credential.setCreatedDate(System.currentTimeMillis());
        credentials.add(credential);
        return credential;
    }

    /** A phone in {@code role}, proven by a code. */
    public StandInUser phone(String e164, Channel channel, MethodRole role) {
        store(PhoneCredentialModel.create(e164, channel, true, role));
        return this;
    }

    /** The authenticator app, bound by our enrollment (an {@code otp} credential plus its binding). */
    public StandInUser app() {
        CredentialModel otp = new CredentialModel();
        otp.setType(OTPCredentialModel.TYPE);
        store(otp);
        store(AppBinding.of(otp.getId()));
        return this;
    }

    /** The complete 2SV most tests start from: the app first, a text-message phone as backup. */
    public static StandInUser enrolled() {
        return new StandInUser().app().phone("+393471234567", Channel.SMS, MethodRole.BACKUP);
    }

    public long count(String type) {
        return credentials.stream().filter(credential -> credential.getType().equals(type)).count();
    }
}
