package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.DepositLocked;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderAmended;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.wire.CommandRecordView;
import fundexchange.protocol.wire.EventDocumentWriter;
import fundexchange.protocol.wire.HotCodecs;
import fundexchange.protocol.wire.JournalBinary;
import fundexchange.protocol.wire.WireBuffer;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hot codec against the generic one over every golden scenario (docs/design/binary-journal.md section 7, C4): each
 * step's command record, in encoding 2, reads through the views as the generic decoder decodes it, and each expected
 * event document streamed through {@link EventDocumentWriter} has the generic encoder's bytes. Every hot command and
 * event type occurs in the goldens, so none goes unchecked.
 */
class HotCodecGoldenDifferentialTest {
    private static final Set<Class<?>> HOT_EVENTS = Set.of(OrderAccepted.class, OrderCancelled.class, OrderAmended.class,
            TradeExecuted.class, BidPlaced.class, SealedBidPlaced.class, DepositLocked.class);

    @Test
    void everyGoldenCommandAndDocumentReadsAndWritesAsTheGenericCodecDoes() throws Exception {
        Path directory = directory();
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no golden scenarios in " + directory);
        CommandRecordView view = new CommandRecordView();
        HotCodecs.Views views = new HotCodecs.Views();
        EventDocumentWriter writer = new EventDocumentWriter();
        WireBuffer generic = new WireBuffer();
        WireBuffer streamed = new WireBuffer();
        Set<String> commandsRead = new TreeSet<>();
        Set<String> eventsWritten = new TreeSet<>();
        for (Path file : files) {
            GoldenScenario scenario = GoldenScenario.read(file);
            long time = 0;
            for (GoldenStep step : scenario.steps()) {
                time = step.time(time);
                String what = file.getFileName() + " " + step.label();
                CommandRecord record = step.record(step.number(), time);
                byte[] bytes = JournalBinary.encode(record);
                CommandRecord decoded = JournalBinary.decodeCommandRecord(bytes);
                view.wrap(bytes, 0, bytes.length);
                if (HotCodecs.assertViewsRead(decoded, view, views, what)) {
                    commandsRead.add(record.command().getClass().getSimpleName());
                }
                assertEquals(decoded, view.toRecord(), what);
                Optional<JsonNode> expected = step.expected();
                if (expected.isEmpty()) {
                    continue;
                }
                EventDocument document = JournalCodec.readEvents(JournalCodec.mapper().writeValueAsBytes(expected.get()));
                JournalBinary.encode(document, generic.clear());
                HotCodecs.write(writer, document, streamed.clear());
                assertArrayEquals(generic.toByteArray(), Arrays.copyOf(streamed.array(), streamed.position()), what);
                for (Event event : document.events()) {
                    if (HOT_EVENTS.contains(event.getClass())) {
                        eventsWritten.add(event.getClass().getSimpleName());
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(Set.of("AcceptListing", "AmendOrder", "CancelOrder", "PlaceBid", "PlaceOrder",
                "PlaceSealedBid")), commandsRead);
        assertEquals(new TreeSet<>(HOT_EVENTS.stream().map(Class::getSimpleName).toList()), eventsWritten);
    }

    /** As {@link GoldenScenarioTest}: {@code -Dgolden.dir} (this module's build sets it), else the class path. */
    private static Path directory() throws Exception {
        String configured = System.getProperty("golden.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        URL url = HotCodecGoldenDifferentialTest.class.getResource("/golden");
        assertNotNull(url, "no golden directory on the test class path");
        assertTrue(Files.isDirectory(Path.of(url.toURI())));
        return Path.of(url.toURI());
    }
}
