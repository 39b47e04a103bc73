package fundexchange.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.CommandRecord;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.reference.OfficialCalendars;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * One step of a golden scenario: the command that goes in, who signs it and when, and the event document expected
 * out. The field names are documented in src/test/resources/golden/README.md.
 */
record GoldenStep(String file, int number, ObjectNode node) {
    private static final Set<String> FIELDS = Set.of("note", "at", "advanceMs", "signer", "signedOffsetMs", "command", "expect");
    private static final Set<String> SIGNER_FIELDS = Set.of("participant", "keyId", "clientRequestId");

    GoldenStep {
        node.properties().forEach(member -> require(file, number, FIELDS.contains(member.getKey()), "unknown field '" + member.getKey() + "'"));
        require(file, number, node.has("command"), "a step needs a 'command'");
        require(file, number, !(node.has("at") && node.has("advanceMs")), "give 'at' or 'advanceMs', not both");
        JsonNode signer = node.get("signer");
        if (signer != null) {
            require(file, number, signer.isObject(), "'signer' must be an object");
            signer.properties().forEach(m -> require(file, number, SIGNER_FIELDS.contains(m.getKey()), "unknown signer field '" + m.getKey() + "'"));
            SIGNER_FIELDS.forEach(name -> require(file, number, signer.hasNonNull(name), "the signer needs '" + name + "'"));
        } else {
            require(file, number, !node.has("signedOffsetMs"), "'signedOffsetMs' needs a 'signer'");
        }
    }

    /** Names the step in test names and failure messages: {@code step 3 (ListNegotiated by Holder-01: note)}. */
    String label() {
        String who = node.has("signer") ? " by " + node.get("signer").get("participant").asText() : " (unsigned)";
        String note = node.hasNonNull("note") ? ": " + node.get("note").asText() : "";
        return "step " + number + " " + node.get("command").path("type").asText("?") + who + note;
    }

    /** The sequencer time of this step's record: {@code at}, or the previous time plus {@code advanceMs} (default 0). */
    long time(long previous) {
        return node.has("at") ? instant(node.get("at"), "at") : Math.addExact(previous, node.path("advanceMs").asLong(0));
    }

    /** The journal record as the sequencer would append it; a signed body is the command's journal JSON. */
    CommandRecord record(long index, long time) {
        Command command;
        try {
            command = JournalCodec.strict().treeToValue(node.get("command"), Command.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " step " + number + ": bad command: " + e.getOriginalMessage(), e);
        }
        JsonNode signer = node.get("signer");
        if (signer == null) {
            return CommandRecord.unsigned(index, time, command);
        }
        String body = new String(JournalCodec.write(command), StandardCharsets.UTF_8);
        long signedAt = Math.addExact(time, node.path("signedOffsetMs").asLong(0));
        SignedRequest request = new SignedRequest(signer.get("participant").asText(), signer.get("keyId").asText(), "ED25519",
                "c2ln", signedAt, signer.get("clientRequestId").asText(), "POST", "/commands", "", Scenario.sha256(body), body);
        return CommandRecord.signed(index, time, request, command);
    }

    Optional<JsonNode> expected() {
        return Optional.ofNullable(node.get("expect"));
    }

    void expect(JsonNode document) {
        node.set("expect", document);
    }

    /** Epoch milliseconds, written either as a number or as an ISO-8601 instant such as "2026-11-17T01:00:00Z". */
    static long instant(JsonNode value, String field) {
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        try {
            return Instant.parse(value.asText()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' must be epoch ms or an ISO-8601 instant: " + value, e);
        }
    }

    private static void require(String file, int number, boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(file + " step " + number + ": " + problem);
        }
    }

    /**
     * This step with a genesis command's {@code rulesVersion} replaced by {@code version}; any other step as it is. From
     * {@link RulesVersion#SETTLEMENT_IN_BUSINESS_DAYS} every trade counts business days of its year's calendar, so a
     * genesis without calendars gets the published ones, as {@code init} and {@code demo} write them.
     */
    GoldenStep underRulesVersion(int version) {
        if (!"Genesis".equals(node.path("command").path("type").asText())) {
            return this;
        }
        ObjectNode copy = node.deepCopy();
        ObjectNode command = (ObjectNode) copy.get("command");
        command.put("rulesVersion", version);
        if (version >= RulesVersion.SETTLEMENT_IN_BUSINESS_DAYS && !command.has("calendars")) {
            ArrayNode calendars = command.putArray("calendars");
            for (OfficialCalendars.YearCalendar published : OfficialCalendars.published()) {
                ObjectNode calendar = calendars.addObject().put("year", published.year());
                published.holidays().forEach(calendar.putArray("holidays")::add);
                published.workdays().forEach(calendar.putArray("workdays")::add);
            }
        }
        return new GoldenStep(file, number, copy);
    }
}
