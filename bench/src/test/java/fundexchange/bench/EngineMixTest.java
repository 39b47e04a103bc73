package fundexchange.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.engine.Engine;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingExpired;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.RequestRoute;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EngineMixTest {
    private static final Map<String, Long> BLOCK = new TreeMap<>(Map.ofEntries(
            Map.entry("ListNegotiated", 25L),
            Map.entry("ApproveListing", 23L),
            Map.entry("AcceptListing", 17L),
            Map.entry("ConfirmSettlement", 17L),
            Map.entry("WithdrawListing", 4L),
            Map.entry("DeclineListing", 2L),
            Map.entry("UpdateNav", 2L),
            Map.entry("DepositUnits", 3L),
            Map.entry("Tick", 1L),
            Map.entry("AcceptListing REJECTED NOT_NAMED_BUYER", 1L),
            Map.entry("ListNegotiated REJECTED BELOW_MIN_TRANSFER", 1L),
            Map.entry("ConfirmSettlement REJECTED TRADE_NOT_PENDING", 1L),
            Map.entry("UpdateNav REJECTED TIMESTAMP_OUT_OF_WINDOW", 1L),
            Map.entry("ApproveListing REJECTED WRONG_ROLE", 1L),
            Map.entry("ConfirmSettlement DUPLICATE", 1L)));

    @Test
    void everyBlockAfterTheRampHasTheFixedHistogram() {
        EngineMix mix = new EngineMix();
        long ramp = mix.recordsThrough(EngineMix.RAMP_BLOCKS);
        for (long i = 0; i < ramp; i++) {
            mix.next();
        }
        for (int block = 0; block < 5; block++) {
            mix.resetCounts();
            for (int i = 0; i < EngineMix.BLOCK_COMMANDS; i++) {
                mix.next();
                assertEquals(EngineMix.RAMP_BLOCKS + block, mix.block());
            }
            assertEquals(BLOCK, mix.counts());
        }
        assertEquals(ramp + 5L * EngineMix.BLOCK_COMMANDS, mix.recordsThrough(EngineMix.RAMP_BLOCKS + 5));
    }

    @Test
    void theEngineDecidesEveryCommandAsPlanned() {
        EngineMix mix = new EngineMix();
        Engine engine = new Engine();
        Map<Planned.Expect, Long> classes = new EnumMap<>(Planned.Expect.class);
        long expired = 0;
        long records = mix.recordsThrough(30);
        for (long i = 0; i < records; i++) {
            CommandRecord record = mix.next();
            EventDocument document = engine.apply(record);
            Planned planned = mix.planned();
            assertTrue(planned.matches(document), () -> "index " + record.index() + " " + planned.label() + ": " + document.outcome());
            classes.merge(Planned.classOf(document, record.command()), 1L, Long::sum);
            for (Event event : document.events()) {
                if (event instanceof ListingExpired) {
                    expired++;
                }
            }
        }
        assertEquals(Map.of(Planned.Expect.ACCEPTED, records - 30 - 26 * 6L, Planned.Expect.TICK, 30L,
                Planned.Expect.REJECTED, 26 * 5L, Planned.Expect.DUPLICATE, 26L), classes);
        assertEquals(2 * (30 - 4), expired, "each expiring listing of blocks 0..25 expires four blocks later");
    }

    @Test
    void signedEnvelopesAreWhatTheGatewayJournals() throws Exception {
        EngineMix mix = new EngineMix();
        long records = mix.recordsThrough(10);
        for (long i = 0; i < records; i++) {
            CommandRecord record = mix.next();
            if (record.request() == null) {
                continue;
            }
            assertEquals(record.command(), RequestRoute.commandOf(record.request()), record.request().path());
            assertEquals(EngineSetup.sha256(record.request().body()), record.request().bodyDigest());
            assertEquals(record, JournalCodec.readCommand(JournalCodec.write(record)));
        }
    }

    @Test
    void theSameCallsGiveTheSameBytes() {
        EngineMix first = new EngineMix();
        EngineMix second = new EngineMix();
        for (long i = 0; i < first.recordsThrough(8); i++) {
            assertArrayEquals(JournalCodec.write(first.next()), JournalCodec.write(second.next()));
        }
    }
}
