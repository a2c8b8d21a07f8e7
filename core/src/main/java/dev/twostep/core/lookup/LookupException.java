package dev.twostep.core.lookup;

/**
 * A lookup got no answer (unreachable, too slow, refused credentials, an error). The message is for the
 * server log and holds no full number.
 */
public class LookupException extends Exception {
    public LookupException(String logDetail, Throwable cause) {
        super(logDetail, cause);
    }

    public LookupException(String logDetail) {
        super(logDetail);
    }
}
