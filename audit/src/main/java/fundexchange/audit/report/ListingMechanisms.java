package fundexchange.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Listing mechanisms and states, named from event types. A listing's mechanism comes from the event that created it:
 * a {@code mechanism} field if the event carries one, otherwise {@link #CREATED_BY}. A new mechanism (English,
 * sealed-bid, continuous) slots in by adding its creating event type there, or by a {@code mechanism} field.
 */
final class ListingMechanisms {
    /** Used when the creating event of a listing is not in the journal read so far. */
    static final String UNKNOWN = "UNKNOWN";
    /** Event types that create a listing, with the mechanism they imply. */
    static final Map<String, String> CREATED_BY = Map.of("ListingSubmitted", "NEGOTIATED");
    /** Mechanisms shown even on a day without their listings, so the table keeps its shape. */
    static final List<String> KNOWN = List.of("NEGOTIATED");
    /** States shown for every mechanism, in lifecycle order; other states follow in name order. */
    static final List<String> STANDARD_STATES = List.of("SUBMITTED", "OPENED", "EXPIRED", "EXECUTED");
    /**
     * A transfer notice (issue 20, consent and first refusal) opened on the listing and resolved: listing states beside
     * the others, so the day's notices opened and resolved count per mechanism (no new field: the report's version stays);
     * likewise an auction's match stage after its close (rules version 6), MATCH_OPENED and MATCH_RESOLVED.
     */
    private static final Map<String, String> STATE_OF = Map.of(
            "ListingSubmitted", "SUBMITTED",
            "ListingOpened", "OPENED",
            "ListingExpired", "EXPIRED",
            "TradeExecuted", "EXECUTED",
            "TransferNoticeIssued", "NOTICE_OPENED",
            "TransferNoticeResolved", "NOTICE_RESOLVED",
            "AuctionAwardedConditionally", "MATCH_OPENED",
            "AuctionMatchResolved", "MATCH_RESOLVED");
    private static final String LISTING_PREFIX = "Listing";

    private ListingMechanisms() {
    }

    /** The mechanism an event gives the listing it creates, if it creates one. */
    static Optional<String> createdBy(String type, JsonNode event) {
        if (!event.has("listingId") || !CREATED_BY.containsKey(type)) {
            return Optional.empty();
        }
        String named = Json.text(event, "mechanism");
        return Optional.of(named != null ? named : CREATED_BY.get(type));
    }

    /**
     * The state an event puts its listing in: known types by table, any other {@code Listing<Word>} type carrying a
     * {@code listingId} by its word ({@code ListingCancelled} is CANCELLED); empty for events that are not listing states,
     * and for trades on non-listed offers (they carry an {@code offerId} and listing id 0).
     */
    static Optional<String> stateOf(String type, JsonNode event) {
        if (type == null || !event.has("listingId") || event.hasNonNull("offerId")) {
            return Optional.empty();
        }
        String known = STATE_OF.get(type);
        if (known != null) {
            return Optional.of(known);
        }
        if (type.startsWith(LISTING_PREFIX) && type.length() > LISTING_PREFIX.length()) {
            return Optional.of(upperSnake(type.substring(LISTING_PREFIX.length())));
        }
        return Optional.empty();
    }

    /** Sort key of a state: standard states in lifecycle order, then the rest by name. */
    static String order(String state) {
        int standard = STANDARD_STATES.indexOf(state);
        return standard >= 0 ? "0" + standard : "1" + state;
    }

    private static String upperSnake(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toUpperCase(c));
        }
        return out.toString();
    }
}
