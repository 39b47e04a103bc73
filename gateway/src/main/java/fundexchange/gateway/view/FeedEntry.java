package fundexchange.gateway.view;

import java.util.Map;

/** One item of a participant's feed, already shaped for that viewer (CONTRACTS.md 12). */
public record FeedEntry(long sourceIndex, long time, String kind, Map<String, Object> data) {
}
