package dev.twostep.core.delivery.twilio;

import org.jboss.logging.Logger;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;

import dev.twostep.core.delivery.DeliveryException;

/**
 * Turns Twilio's answers into what the seller is told (a message key) and what the admin reads in the log.
 * Twilio's own error text is never logged: it quotes the full phone number.
 */
final class TwilioErrors {
    private static final Logger LOG = Logger.getLogger(TwilioErrors.class);

    static final int INVALID_NUMBER = 21211;
    static final int NOT_PERMITTED_COUNTRY = 21408;
    static final int UNVERIFIED_TRIAL_NUMBER = 21608;
    static final int NOT_SMS_CAPABLE = 21614;
    static final int AUTHENTICATION_FAILED = 20003;
    static final int TOO_MANY_REQUESTS = 20429;

    private TwilioErrors() {
    }

    static DeliveryException translate(TwilioException failure) {
        if (failure instanceof ApiConnectionException) {
            return new DeliveryException("twoStepSendFailed", "Twilio unreachable or too slow: " + failure.getMessage());
        }
        if (!(failure instanceof ApiException api)) {
            return new DeliveryException("twoStepSendFailed", "Twilio SDK failure: " + failure.getClass().getSimpleName());
        }
        int code = api.getCode() == null ? 0 : api.getCode();
        int status = api.getStatusCode() == null ? 0 : api.getStatusCode();
        String detail = "Twilio error " + code + " (HTTP " + status + ")"
                + (api.getMoreInfo() == null ? "" : ", see " + api.getMoreInfo());
        if (code == AUTHENTICATION_FAILED || status == 401) {
            // The seller cannot fix this; the admin must, so it is logged loudly.
            LOG.errorf("two-step: Twilio refused our credentials (%s): check account-sid and auth-token or the "
                    + "API key and secret of the twilio sender", detail);
            return new DeliveryException("twoStepSendFailed", detail);
        }
        String key = switch (code) {
            case INVALID_NUMBER -> "twoStepErrorInvalidNumber";
            case NOT_SMS_CAPABLE -> "twoStepErrorNotMobile";
            case NOT_PERMITTED_COUNTRY -> "twoStepErrorCountryNotAllowed";
            case UNVERIFIED_TRIAL_NUMBER -> "twoStepErrorNumberNotReachable";
            case TOO_MANY_REQUESTS -> "twoStepErrorBusy";
            default -> status == 429 ? "twoStepErrorBusy" : "twoStepSendFailed";
        };
        if (code == UNVERIFIED_TRIAL_NUMBER) {
            LOG.warnf("two-step: Twilio trial account: only verified numbers receive messages (%s)", detail);
        }
        return new DeliveryException(key, detail);
    }
}
