package fundexchange.bench;

import fundexchange.engine.Engine;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.command.WithdrawListing;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;

/**
 * Heap per open listing in the production engine: an engine after the benchmark setup, then {@code count} negotiated
 * listings submitted and approved through {@link Engine#apply}, then a Tick late enough that the request memory has
 * dropped their generation (and {@link Engine#selfContained()} their requests); the heap used after GC before and
 * after, divided by {@code count}. "Before" is taken likewise after a Tick at {@link EngineSetup#MIX_START_MS}, when
 * the setup's requests are dropped. One staff member approves every listing within one generation: the setup lets one
 * participant fill a generation.
 */
final class OpenListingMemory {
    /** From a request's journal time until its generation (a quarter of the retention long) is dropped. */
    private static final long FORGOTTEN_AFTER_MS = EngineSetup.RETENTION_MS / 4 + EngineSetup.RETENTION_MS;

    /**
     * The bounded history's retention (docs/rules.md "Bounded history": 7 days of journal time), a copy of the engine's
     * package-private {@code fundexchange.engine.History.RETENTION_MS}; keep the two equal.
     */
    private static final long HISTORY_RETENTION_MS = 7L * 24 * 60 * 60 * 1000;

    private OpenListingMemory() {
    }

    static long bytesPerOpenListing(int count) {
        return bytesPerListing(count, false);
    }

    /**
     * Heap per finished listing once the bounded history (rules version 10, docs/rules.md "Bounded history") has pruned
     * it: as {@link #bytesPerOpenListing}, but each listing is withdrawn by its holder after its approval, and the last
     * Tick comes after the history's retention too. Near 0 when pruning works; about the open figure under version 9.
     */
    static long bytesPerFinishedListing(int count) {
        return bytesPerListing(count, true);
    }

    private static long bytesPerListing(int count, boolean withdrawn) {
        EngineSetup setup = new EngineSetup();
        Engine engine = Engine.selfContained();
        long index = 0;
        for (CommandRecord record : setup.records()) {
            engine.apply(record);
            index = record.index();
        }
        long time = EngineSetup.MIX_START_MS;
        engine.apply(CommandRecord.unsigned(++index, time, new Tick()));
        long before = HeapUse.afterGc();
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
        if (withdrawn) {
            for (int i = 0; i < count; i++) {
                long listingId = firstListing + i;
                accepted(engine, setup.accepted(EngineSetup.holder(i), "/listings/" + listingId + "/withdraw", "{}",
                        new WithdrawListing(listingId), ++index, time), index, time);
            }
        }
        long last = time + (withdrawn ? Math.max(FORGOTTEN_AFTER_MS, HISTORY_RETENTION_MS) : FORGOTTEN_AFTER_MS);
        engine.apply(CommandRecord.unsigned(++index, last, new Tick()));
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
