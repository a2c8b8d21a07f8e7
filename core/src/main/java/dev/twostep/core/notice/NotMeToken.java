package dev.twostep.core.notice;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.keycloak.representations.JsonWebToken;

/**
 * What a "This wasn't me" link carries, signed by the realm's internal key (Keycloak's token manager): whose
 * account, which notice, until when. Nothing in it is secret; it is unforgeable and spent once.
 */
public class NotMeToken extends JsonWebToken {
    public static final String TYPE = "two-step-not-me";

    @JsonProperty("notice")
    private String notice;

    public String getNotice() {
        return notice;
    }

    public void setNotice(String notice) {
        this.notice = notice;
    }
}
