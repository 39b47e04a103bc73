package fundexchange.bench;

import fundexchange.engine.Engine;
import fundexchange.engine.command.ApproveListing;
import fundexchange.engine.command.ListNegotiated;
import fundexchange.engine.command.Tick;
import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;
import fundexchange.journal.CommandRecord;
import fundexchange.journal.EventDocument;
import fundexchange.journal.OutcomeStatus;

/**
 * Heap per open listing in the production engine: an engine after the benchmark setup, then {@code count} negotiated
 * listings submitted and approved through {@link Engine#apply}, then a Tick past the window W so the idempotency memory
 * forgets their requests; the heap used after GC before and after, divided by {@code count}.
 */
final class OpenListingMemory {
    private OpenListingMemory() {
    }

    static long bytesPerOpenListing(int count) {
        EngineSetup setup = new EngineSetup();
        Engine engine = Engine.selfContained();
        long index = 0;
        for (CommandRecord record : setup.records()) {
            engine.apply(record);
            index = record.index();
        }
        long before = HeapUse.afterGc();
        long time = EngineSetup.START_MS + 1;
        long firstListing = index + 1;
        for (int i = 0; i < count; i++) {
            String holder = EngineSetup.holder(i);
            String buyer = EngineSetup.investor(i);
            String fund = EngineSetup.fund(i);
            ListNegotiated listing = new ListNegotiated(fund, buyer, Units.of("100.00"), Price.of("1.2000"), 0);
            String body = """
                    {"fundCode":"%s","buyer":"%s","units":"100.00","price":"1.2000"}""".formatted(fund, buyer);
            accepted(engine, setup.accepted(holder, "/listings", body, listing, ++index, time), index, time);
        }
        for (int i = 0; i < count; i++) {
            long listingId = firstListing + i;
            accepted(engine, setup.accepted("Staff-02", "/listings/" + listingId + "/approve", "{}",
                    new ApproveListing(listingId), ++index, time), index, time);
        }
        engine.apply(CommandRecord.unsigned(++index, time + EngineSetup.WINDOW_MS + 1, new Tick()));
        long after = HeapUse.afterGc();
        if (engine.lastIndex() != index) {
            throw new IllegalStateException("engine at " + engine.lastIndex() + ", expected " + index);
        }
        return (after - before) / count;
    }

    private static void accepted(Engine engine, Planned planned, long index, long time) {
        EventDocument document = engine.apply(CommandRecord.signed(index, time, planned.request(), planned.command()));
        if (document.outcome().status() != OutcomeStatus.ACCEPTED) {
            throw new IllegalStateException("setup command " + index + " was not accepted: " + document.outcome());
        }
    }
}
