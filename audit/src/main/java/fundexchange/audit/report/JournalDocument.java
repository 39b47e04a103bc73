package fundexchange.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One event document read as a JSON tree, with the type of the command it answers and the platform zone in force
 * when that command was decided (a {@code zone} change takes effect from the next document, as in the engine).
 */
record JournalDocument(long sourceIndex, long time, ZoneId zone, String commandType, JsonNode json) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    LocalDate date() {
        return Instant.ofEpochMilli(time).atZone(zone).toLocalDate();
    }

    /** The journal time in the document's zone, e.g. {@code 2026-11-17T09:00:00.000+08:00}. */
    String localTime() {
        return TIME.format(Instant.ofEpochMilli(time).atZone(zone));
    }

    String participant() {
        return Json.text(json, "participant");
    }

    JsonNode outcome() {
        return json.path("outcome");
    }

    String status() {
        return outcome().path("status").asText("");
    }

    JsonNode events() {
        return json.path("events");
    }
}
