package fundexchange.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.reference.PlatformParameters;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the event journal from its start as JSON trees (so unknown event types never stop a report), pairing each
 * document with its command's type from the command journal and tracking the platform parameter {@code zone}.
 */
final class JournalScan {
    /** No zone is further than this from UTC, so no document at or after the bound can fall on the day. */
    private static final long MAX_ZONE_OFFSET_MS = Duration.ofHours(18).toMillis();

    private JournalScan() {
    }

    /**
     * Feeds documents in journal order up to and including the first one that is past {@code date} in every zone
     * (journal times never decrease, so every later document is past it too).
     */
    static void scan(Journals journals, LocalDate date, Consumer<JournalDocument> sink) {
        long bound = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + MAX_ZONE_OFFSET_MS;
        ZoneId zone = ZoneId.of(PlatformParameters.DEFAULTS.zone());
        try (ChronicleJournal.Reader events = journals.events().reader();
             CommandTypes commands = new CommandTypes(journals.commands().reader())) {
            for (Optional<byte[]> next = events.next(); next.isPresent(); next = events.next()) {
                JsonNode json = Json.read(next.get());
                long index = Json.number(json, "sourceIndex");
                long time = Json.number(json, "time");
                sink.accept(new JournalDocument(index, time, zone, commands.typeAt(index), json));
                if (time >= bound) {
                    return;
                }
                zone = zoneAfter(zone, json);
            }
        }
    }

    /** The zone after a document's {@code PlatformParameterSet} events; a value Java does not know is ignored. */
    static ZoneId zoneAfter(ZoneId zone, JsonNode document) {
        ZoneId result = zone;
        for (JsonNode event : document.path("events")) {
            if ("PlatformParameterSet".equals(Json.text(event, "type")) && "zone".equals(Json.text(event, "name"))) {
                String value = Json.text(event, "value");
                try {
                    result = value == null ? result : ZoneId.of(value);
                } catch (DateTimeException e) {
                    // The engine validates zones; an unknown one leaves the previous zone in force here.
                }
            }
        }
        return result;
    }

    /** The command journal read in step with the event journal: the command type at each index. */
    private static final class CommandTypes implements AutoCloseable {
        private final ChronicleJournal.Reader reader;
        private long index;
        private String type;

        CommandTypes(ChronicleJournal.Reader reader) {
            this.reader = reader;
        }

        /** The {@code command.type} at an index, or {@code null} when the command journal has no such record. */
        String typeAt(long wanted) {
            while (index < wanted) {
                Optional<byte[]> next = reader.next();
                if (next.isEmpty()) {
                    return null;
                }
                JsonNode record = Json.read(next.get());
                index = Json.number(record, "index");
                type = Json.text(record.path("command"), "type");
            }
            return index == wanted ? type : null;
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}
