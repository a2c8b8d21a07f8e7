package dev.twostep.core.challenge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.twostep.core.kind.Channel;
import dev.twostep.core.kind.MethodRole;
import dev.twostep.core.method.UserMethods;
import dev.twostep.core.phone.PhoneCredentialData;

/**
 * A way to get a sign-in code: a method in its role, possibly as a voice call to a phone that normally
 * gets texts ("You can also choose to have a voice call to your cell phone"). Its id travels in forms.
 */
public record MethodOption(String id, MethodRole role, Optional<PhoneCredentialData> phone, Channel channel,
                           Optional<UserMethods.Passkey> passkey) {

    public boolean isApp() {
        return phone.isEmpty() && passkey.isEmpty();
    }

    /** A passkey or security key: the browser signs, no code is typed. */
    public boolean isPasskey() {
        return passkey.isPresent();
    }

    /** Every option of a user: primary, backup, then a voice call to each phone that gets texts. */
    public static List<MethodOption> of(UserMethods methods) {
        List<MethodOption> options = new ArrayList<>();
        List<MethodOption> voiceFallbacks = new ArrayList<>();
        for (MethodRole role : MethodRole.values()) {
            methods.inRole(role).ifPresent(method -> {
                Channel channel = method.phone().map(PhoneCredentialData::channel).orElse(null);
                options.add(new MethodOption(role.id(), role, method.phone(), channel, method.passkey()));
                if (channel == Channel.SMS) {
                    voiceFallbacks.add(new MethodOption(role.id() + "-voice", role, method.phone(), Channel.VOICE,
                            Optional.empty()));
                }
            });
        }
        options.addAll(voiceFallbacks);
        return options;
    }

    /** A phone: a code is sent to it. */
    public boolean isPhone() {
        return phone.isPresent();
    }

    public static Optional<MethodOption> find(List<MethodOption> options, String id) {
        return options.stream().filter(option -> option.id().equals(id)).findFirst();
    }
}
