package dev.twostep.recovery.review;

import java.util.List;

/**
 * What the reviewers' API answers, as JSON: one record per shape, named as the page's script reads them.
 * Ids, times in epoch milliseconds, and nothing of a document but its facts until it is opened.
 */
public final class RequestViews {
    private RequestViews() {
    }

    /** A line of the queue; {@code competing}: the account's other pending requests. */
    public record QueueEntry(String id, String userId, String username, String status, long createdAt, long ageMinutes,
                      long documents, String sentFromBrowser, String sentFromAddress, long competing) {
    }

    /** One request with what a reviewer weighs; {@code account} is null for a user deleted since. */
    public record Detail(String id, String userId, String username, String status, long createdAt, long ageMinutes,
                  long documents, String sentFromBrowser, String sentFromAddress, String contactNote, Long decidedAt,
                  String decidedBy, String reason, List<CompetingRequest> competingRequests,
                  List<DocumentEntry> documentList, AccountFacts account) {
    }

    /** Another open request of the same account, to weigh side by side. */
    public record CompetingRequest(String id, long createdAt, String sentFromBrowser, String sentFromAddress, long documents) {
    }

    public record DocumentEntry(String id, int position, String mediaType, long size) {
    }

    /** The account: when it was made, its last sign-in (null without login events), its methods (null: none). */
    public record AccountFacts(Long createdAt, Long lastSignIn, MethodFacts primary, MethodFacts backup) {
    }

    /** A method in the reviewer's words: {@code kind} sms, voice or app, and the masked number of a phone. */
    public record MethodFacts(String kind, String masked) {
    }

    /** What a purge deleted. */
    public record Purged(int deleted, int draftsDeleted) {
    }
}
