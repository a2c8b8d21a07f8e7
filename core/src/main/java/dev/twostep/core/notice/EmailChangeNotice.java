package dev.twostep.core.notice;

import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;

/**
 * The account's e-mail address changed (the Account Console, Keycloak's profile or e-mail update): the
 * previous address is told, with "This wasn't me". Every later notice goes to the new address, so someone
 * with an open session who put their own there would otherwise hear every alarm in the seller's place.
 */
final class EmailChangeNotice {
    private final KeycloakSession session;

    EmailChangeNotice(KeycloakSession session) {
        this.session = session;
    }

    void onEvent(Event event) {
        if ((event.getType() != EventType.UPDATE_PROFILE && event.getType() != EventType.UPDATE_EMAIL)
                || event.getUserId() == null || event.getDetails() == null) {
            return;
        }
        String previous = event.getDetails().get(Details.PREVIOUS_EMAIL);
        String updated = event.getDetails().get(Details.UPDATED_EMAIL);
        if (previous == null || previous.isBlank() || previous.equalsIgnoreCase(updated == null ? "" : updated)) {
            return;
        }
        EventSeller.of(session, event).ifPresent(seller -> new ChangeNotice(session).sendTo(seller.realm(),
                seller.user(), previous, ChangeNotice.Change.EMAIL_CHANGED, masked(updated)));
    }

    /** "m•••@example.com": enough for the seller to tell whose it is, not a new address handed to a mailbox. */
    static String masked(String address) {
        if (address == null || address.isBlank()) {
            return "•••";
        }
        int at = address.indexOf('@');
        return at <= 0 ? address.charAt(0) + "•••" : address.charAt(0) + "•••" + address.substring(at);
    }
}
