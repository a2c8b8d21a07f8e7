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
public record MethodOption(String id, MethodRole role, Optional<PhoneCredentialData> phone, Channel channel) {

    public boolean isApp() {
        return phone.isEmpty();
    }

    /** Every option of a user: primary, backup, then a voice call to each phone that gets texts. */
    public static List<MethodOption> of(UserMethods methods) {
        List<MethodOption> options = new ArrayList<>();
        List<MethodOption> voiceFallbacks = new ArrayList<>();
        for (MethodRole role : MethodRole.values()) {
            methods.inRole(role).ifPresent(method -> {
                Channel channel = method.phone().map(PhoneCredentialData::channel).orElse(null);
                options.add(new MethodOption(role.id(), role, method.phone(), channel));
                if (channel == Channel.SMS) {
                    voiceFallbacks.add(new MethodOption(role.id() + "-voice", role, method.phone(), Channel.VOICE));
                }
            });
        }
        options.addAll(voiceFallbacks);
        return options;
    }

    public static Optional<MethodOption> find(List<MethodOption> options, String id) {
        return options.stream().filter(option -> option.id().equals(id)).findFirst();
    }
}
