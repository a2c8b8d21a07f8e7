package dev.twostep.core.recovery;

import java.util.Map;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * What the sign-in and the enrollment need of account recovery, and no more: the recovery pages inside the
 * sign-in step, the news "Didn't receive the code?" tells, whether this browser may set up 2SV on an account
 * an approval emptied, and settling what is moot once the seller has 2SV. Provided by the recovery module;
 * without it {@link AccountRecoveries#of} answers with {@link NoAccountRecovery}.
 */
public interface AccountRecovery extends Provider {
    /** False only where no recovery is installed: the pages then say so instead of offering it. */
    boolean available();

    /** True while the seller is on the recovery pages of this sign-in. */
    boolean onPages(AuthenticationFlowContext context);

    /** "Start account recovery": the status of a request already sent, or the upload page. */
    void start(AuthenticationFlowContext context);

    /** The recovery page for where the seller stands now (a reload, after an upload). */
    void show(AuthenticationFlowContext context);

    /** A post from a recovery page; leaving the pages runs {@code back}. */
    void handle(AuthenticationFlowContext context, Runnable back);

    /** The request's status facts for "Didn't receive the code?"; empty when there is nothing to tell. */
    Map<String, Object> news(AuthenticationFlowContext context);

    /**
     * Whether this browser may take a user without any method to the enrollment: an approval that waits for
     * another browser must not be taken over by whoever has the password.
     */
    boolean admitsEnrollment(RealmModel realm, UserModel user);

    /** The seller has 2SV again (a code, a trusted device, a finished enrollment): open requests are moot. */
    void settle(RealmModel realm, UserModel user);

    @Override
    default void close() {
    }
}
