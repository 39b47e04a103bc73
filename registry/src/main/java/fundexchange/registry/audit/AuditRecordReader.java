package fundexchange.registry.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.SealedBidRecord;
import fundexchange.registry.schema.tables.records.AuditRecordsRecord;
import fundexchange.registry.tail.ProjectionHalted;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Decodes one journal index (its command record and event document as written) into its {@code audit_records} row.
 * Halts on an undecodable document or journals out of step. A binary document is read as its JSON rendering. The fund
 * code is found generically: the command's {@code fundCode}, else the first event's that has one; never a sealed bid's
 * command's ({@link SealedBidRecord}): a sealed bid whose type id was changed into a command with a fund code (such as
 * {@code PostOffer}) would put its nonce there.
 */
final class AuditRecordReader {
    static final int CLIENT_REQUEST_ID_LENGTH = 128;
    private static final Pattern FUND_CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final ObjectMapper MAPPER = JournalCodec.mapper();

    private AuditRecordReader() {
    }

    static AuditRecordsRecord read(long expectedIndex, byte[] command, byte[] event, String commandDigest,
                                   String eventDigest, String link) {
        JsonNode commandTree;
        JsonNode eventTree;
        CommandRecord record;
        EventDocument document;
        try {
            commandTree = MAPPER.readTree(JournalDocuments.json(command));
            eventTree = MAPPER.readTree(JournalDocuments.json(event));
            record = MAPPER.treeToValue(commandTree, CommandRecord.class);
            document = MAPPER.treeToValue(eventTree, EventDocument.class);
        } catch (IOException | RuntimeException e) {
            throw new ProjectionHalted(expectedIndex, "undecodable journal document: " + e.getMessage(), e);
        }
        if (record == null || document == null || record.command() == null || document.outcome() == null) {
            throw new ProjectionHalted(expectedIndex, "undecodable journal document: a command or outcome is missing");
        }
        if (record.index() != expectedIndex || document.sourceIndex() != expectedIndex) {
            throw new ProjectionHalted(expectedIndex, "journals out of step: command index " + record.index()
                    + ", event sourceIndex " + document.sourceIndex());
        }
        return new AuditRecordsRecord(expectedIndex, record.time(), record.participant(),
                clip(record.clientRequestId()), commandTree.path("command").path("type").asText(),
                fundCode(SealedBidRecord.of(record, commandTree).isPresent() ? MissingNode.getInstance() : commandTree,
                        eventTree), document.outcome().status().name(), document.outcome().code(),
                commandDigest, eventDigest, link);
    }

    private static String fundCode(JsonNode command, JsonNode event) {
        JsonNode own = command.path("command").path("fundCode");
        if (own.isTextual()) {
            return asCode(own.asText());
        }
        for (JsonNode each : event.path("events")) {
            JsonNode code = each.path("fundCode");
            if (code.isTextual()) {
                return asCode(code.asText());
            }
        }
        return null;
    }

    /** A value that cannot be a fund code (only a rejected command carries one) is not indexed. */
    private static String asCode(String value) {
        return FUND_CODE.matcher(value).matches() ? value : null;
    }

    private static String clip(String clientRequestId) {
        return clientRequestId == null || clientRequestId.length() <= CLIENT_REQUEST_ID_LENGTH
                ? clientRequestId : clientRequestId.substring(0, CLIENT_REQUEST_ID_LENGTH);
    }
}
