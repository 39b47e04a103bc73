package fundexchange.bench;

import fundexchange.engine.Engine;
import fundexchange.engine.command.ApproveListing;
import fundexchange.engine.command.ApproveProposal;
import fundexchange.engine.command.ListNegotiated;
import fundexchange.engine.command.Propose;
import fundexchange.engine.command.SetPlatformParameter;
import fundexchange.engine.command.Tick;
import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;
import fundexchange.engine.reference.RequestParameters;
import fundexchange.journal.CommandRecord;
import fundexchange.journal.EventDocument;
import fundexchange.journal.OutcomeStatus;

/**
 * Heap per open listing in the production engine: an engine after the benchmark setup, then {@code count} negotiated
 * listings submitted and approved through {@link Engine#apply}, then a Tick late enough that the request memory has
 * dropped their generation (and {@link Engine#selfContained()} their requests); the heap used after GC before and
 * after, divided by {@code count}. "Before" is taken likewise after a Tick that dropped the setup's requests. One staff
 * member approves every listing within one generation, so the per-participant share of the request memory is first
 * raised to the whole generation by a maker-checker proposal (the default share, 10%, would refuse the approvals beyond
 * it).
 */
final class OpenListingMemory {
    /**
     * Journal time after which every request held here has been dropped with its generation: at least a generation's
     * length plus the retention. The setup's generation was opened under the default retention (20 min, generations of
     * 5 min), before the setup lowered it to {@link EngineSetup#RETENTION_MS}; the default retention covers both.
     */
    private static final long FORGOTTEN_AFTER_MS = RequestParameters.DEFAULTS.retentionMs();

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
        long time = EngineSetup.START_MS + 1;
        long proposal = ++index;
        accepted(engine, setup.accepted("Staff-01", "/proposals", """
                {"action":{"type":"SetPlatformParameter","name":"request-memory-participant-share-bp","value":"10000"}}""",
                new Propose(new SetPlatformParameter("request-memory-participant-share-bp", "10000")), proposal, time), proposal, time);
        accepted(engine, setup.accepted("Staff-02", "/proposals/" + proposal + "/approve", "{}",
                new ApproveProposal(proposal), ++index, time), index, time);
        time += FORGOTTEN_AFTER_MS;
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
        engine.apply(CommandRecord.unsigned(++index, time + FORGOTTEN_AFTER_MS, new Tick()));
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
