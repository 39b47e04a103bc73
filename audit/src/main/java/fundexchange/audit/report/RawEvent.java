package fundexchange.audit.report;

import com.fasterxml.jackson.databind.JsonNode;

/** An event as journaled, for types the engine's model may not know; {@code event} has its properties sorted. */
public record RawEvent(long sourceIndex, String time, String type, JsonNode event) {
}
