package fundexchange.bench;

import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.DeclineListing;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.command.UpdateNav;
import fundexchange.protocol.command.WithdrawListing;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.SignedRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The engine benchmarks' fixed command mix: after {@link EngineSetup}'s onboarding, blocks of exactly
 * {@value #BLOCK_COMMANDS} commands, each block one millisecond of journal time (100,000 commands per second of
 * journal time). A block is made of flows ({@link #FLOWS}, the one place to add a command kind): a flow's step k is
 * sent in the block k after the flow started, so every block holds the same steps of different flows, in one fixed
 * shuffled order. Ids come from journal indices (a listing's id is its ListNegotiated's index, a trade's id the
 * AcceptListing's index times 4096), so the generator never reads the engine's answers. The first
 * {@value #RAMP_BLOCKS} blocks are a ramp (flows not yet at every step); every later block has the same histogram.
 * Deterministic: the same calls give the same records, byte for byte.
 */
final class EngineMix {
    static final int BLOCK_COMMANDS = 100;
    static final int RAMP_BLOCKS = 4;
    private static final int RING = 8;
    private static final long SHUFFLE_SEED = 20_261_127L;
    private static final String NAV_DATE = "2026-09-30";
    private static final Units LOT = Units.of("100.00");
    private static final Units BELOW_MINIMUM = Units.of("1.00");
    private static final Price PRICE = Price.of("1.2000");
    private static final Price EXPIRING_PRICE = Price.of("1.1000");
    private static final Money LOT_COST = Money.of("100.00");

    /** One step of a flow: the command it sends, given the flow (and through the mix, earlier flows). */
    @FunctionalInterface
    interface Step {
        Planned plan(EngineMix mix, Flow flow);
    }

    /**
     * A kind of flow, how many start in every block, and from which block on (rows that refer to earlier blocks wait
     * for them); its steps are sent in consecutive blocks.
     */
    record FlowSpec(String name, int perBlock, int firstBlock, List<Step> steps) {
        FlowSpec(String name, int perBlock, int firstBlock, Step... steps) {
            this(name, perBlock, firstBlock, List.of(steps));
        }
    }

    /**
     * The mix per block. Adding a command kind (an auction, an order) is one more row here with its steps; the
     * histogram, the checks and the benchmarks follow. The rejected and duplicate rows need {@value #RAMP_BLOCKS}
     * blocks of history.
     */
    static final List<FlowSpec> FLOWS = List.of(
            new FlowSpec("transfer", 17, 0, EngineMix::list, EngineMix::approve, EngineMix::accept, EngineMix::settle),
            new FlowSpec("withdrawn-open", 2, 0, EngineMix::list, EngineMix::approve, EngineMix::withdraw),
            new FlowSpec("withdrawn-pending", 2, 0, EngineMix::list, EngineMix::withdraw),
            new FlowSpec("declined", 2, 0, EngineMix::list, EngineMix::approve, EngineMix::decline),
            new FlowSpec("expiring", 2, 0, EngineMix::listExpiring, EngineMix::approve),
            new FlowSpec("nav", 2, 0, EngineMix::updateNav),
            new FlowSpec("deposit", 3, 0, EngineMix::deposit),
            new FlowSpec("tick", 1, 0, EngineMix::tick),
            new FlowSpec("rejected-not-named-buyer", 1, RAMP_BLOCKS, EngineMix::acceptByOtherInvestor),
            new FlowSpec("rejected-below-minimum", 1, RAMP_BLOCKS, EngineMix::listBelowMinimum),
            new FlowSpec("rejected-settled-trade", 1, RAMP_BLOCKS, EngineMix::settleAgain),
            new FlowSpec("rejected-stale-timestamp", 1, RAMP_BLOCKS, EngineMix::staleNavUpdate),
            new FlowSpec("rejected-wrong-role", 1, RAMP_BLOCKS, EngineMix::approveByHolder),
            new FlowSpec("duplicate-settlement", 1, RAMP_BLOCKS, EngineMix::resendSettlement));

    /** One flow instance: the journal indices its steps got, and its settlement request (for the duplicate). */
    static final class Flow {
        final FlowSpec spec;
        final long serial;
        final long startBlock;
        final long[] indices;
        SignedRequest settlement;

        Flow(FlowSpec spec, long serial, long startBlock) {
            this.spec = spec;
            this.serial = serial;
            this.startBlock = startBlock;
            this.indices = new long[spec.steps().size()];
        }
    }

    private record Slot(int spec, int instance, int step) {
    }

    private final EngineSetup setup = new EngineSetup();
    private final List<CommandRecord> setupRecords;
    private final List<Slot> order;
    private final int[] specOffset = new int[FLOWS.size()];
    private final Flow[][] ring = new Flow[RING][];
    private final Map<String, Long> counts = new TreeMap<>();
    private final Map<Planned.Expect, Long> classes = new java.util.EnumMap<>(Planned.Expect.class);
    private long index;
    private long block = -1;
    private int position;
    private Planned last;

    EngineMix() {
        this.setupRecords = setup.records();
        List<Slot> slots = new ArrayList<>();
        int offset = 0;
        for (int s = 0; s < FLOWS.size(); s++) {
            FlowSpec spec = FLOWS.get(s);
            specOffset[s] = offset;
            offset += spec.perBlock();
            for (int i = 0; i < spec.perBlock(); i++) {
                for (int k = 0; k < spec.steps().size(); k++) {
                    slots.add(new Slot(s, i, k));
                }
            }
        }
        if (slots.size() != BLOCK_COMMANDS) {
            throw new IllegalStateException("a block must hold " + BLOCK_COMMANDS + " commands, FLOWS make " + slots.size());
        }
        Collections.shuffle(slots, new Random(SHUFFLE_SEED));
        this.order = List.copyOf(slots);
    }

    /** The number of setup records that come first. */
    int setupCommands() {
        return setupRecords.size();
    }

    /** Records needed to finish {@code blocks} blocks after the setup. */
    long recordsThrough(long blocks) {
        long ramp = 0;
        for (long b = 0; b < Math.min(blocks, RAMP_BLOCKS); b++) {
            ramp += commandsIn(b);
        }
        return setupRecords.size() + ramp + Math.max(0, blocks - RAMP_BLOCKS) * BLOCK_COMMANDS;
    }

    /** The next record, in journal order; {@link #planned()} tells what it is and what the engine must answer. */
    CommandRecord next() {
        CommandRecord record;
        if (index < setupRecords.size()) {
            record = setupRecords.get((int) index);
            last = EngineSetup.plannedOf(record);
            index++;
        } else {
            Slot slot = nextSlot();
            Flow flow = ring[(int) ((block - slot.step()) % RING)][specOffset[slot.spec()] + slot.instance()];
            index++;
            last = flow.spec.steps().get(slot.step()).plan(this, flow);
            flow.indices[slot.step()] = index;
            record = last.request() == null ? CommandRecord.unsigned(index, time(), last.command())
                    : CommandRecord.signed(index, time(), last.request(), last.command());
        }
        counts.merge(last.label(), 1L, Long::sum);
        classes.merge(last.expect(), 1L, Long::sum);
        return record;
    }

    Planned planned() {
        return last;
    }

    /** How many of each {@link Planned#label()} were generated since the last {@link #resetCounts()}. */
    Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }

    /** How many of each outcome class were planned since the last {@link #resetCounts()}. */
    Map<Planned.Expect, Long> classCounts() {
        return new java.util.EnumMap<>(classes);
    }

    void resetCounts() {
        counts.clear();
        classes.clear();
    }

    /** The block the last record belongs to (-1 during the setup). */
    long block() {
        return block;
    }

    private Slot nextSlot() {
        while (true) {
            if (block < 0 || position == order.size()) {
                startBlock();
            }
            Slot slot = order.get(position++);
            long start = block - slot.step();
            if (start >= FLOWS.get(slot.spec()).firstBlock()) {
                return slot;
            }
        }
    }

    private void startBlock() {
        block++;
        position = 0;
        Flow[] started = new Flow[specOffset[FLOWS.size() - 1] + FLOWS.getLast().perBlock()];
        for (int s = 0; s < FLOWS.size(); s++) {
            FlowSpec spec = FLOWS.get(s);
            for (int i = 0; i < spec.perBlock(); i++) {
                started[specOffset[s] + i] = new Flow(spec, block * spec.perBlock() + i, block);
            }
        }
        ring[(int) (block % RING)] = started;
    }

    private int commandsIn(long b) {
        int n = 0;
        for (Slot slot : order) {
            if (b - slot.step() >= FLOWS.get(slot.spec()).firstBlock()) {
                n++;
            }
        }
        return n;
    }

    /** Journal time: the setup at {@link EngineSetup#START_MS}, block b at {@link EngineSetup#MIX_START_MS} + b ms. */
    long time() {
        return block < 0 ? EngineSetup.START_MS : EngineSetup.MIX_START_MS + block;
    }

    /** The flow of {@code name} that started {@code blocksAgo} blocks before this one. */
    private Flow earlier(String name, int blocksAgo, int instance) {
        for (int s = 0; s < FLOWS.size(); s++) {
            if (FLOWS.get(s).name().equals(name)) {
                return ring[(int) ((block - blocksAgo) % RING)][specOffset[s] + instance];
            }
        }
        throw new IllegalArgumentException("no flow " + name);
    }

    // ---- the steps ----

    private Planned list(Flow flow) {
        String fund = EngineSetup.fund(flow.serial);
        String buyer = EngineSetup.investor(flow.serial);
        return setup.accepted(EngineSetup.holder(flow.serial), "/listings",
                "{\"fundCode\":\"" + fund + "\",\"buyer\":\"" + buyer + "\",\"units\":\"100.00\",\"price\":\"1.2000\"}",
                new ListNegotiated(fund, buyer, LOT, PRICE, 0), index, time());
    }

    /** A listing that expires four blocks (4 ms) after it was made, while open: a deadline the engine fires. */
    private Planned listExpiring(Flow flow) {
        String fund = EngineSetup.fund(flow.serial);
        String buyer = EngineSetup.investor(flow.serial);
        long expiresAt = time() + 4;
        return setup.accepted(EngineSetup.holder(flow.serial), "/listings",
                "{\"fundCode\":\"" + fund + "\",\"buyer\":\"" + buyer + "\",\"units\":\"100.00\",\"price\":\"1.1000\",\"expiresAt\":"
                        + expiresAt + "}",
                new ListNegotiated(fund, buyer, LOT, EXPIRING_PRICE, expiresAt), index, time());
    }

    private Planned approve(Flow flow) {
        long listing = flow.indices[0];
        return setup.accepted(EngineSetup.staff(flow.serial), "/listings/" + listing + "/approve", "{}",
                new ApproveListing(listing), index, time());
    }

    private Planned accept(Flow flow) {
        long listing = flow.indices[0];
        return setup.accepted(EngineSetup.investor(flow.serial), "/listings/" + listing + "/accept", "{}",
                new AcceptListing(listing), index, time());
    }

    private Planned settle(Flow flow) {
        long trade = flow.indices[2] * 4096;
        Planned planned = setup.accepted(EngineSetup.staff(flow.serial + 1), "/trades/" + trade + "/settle", "{}",
                new ConfirmSettlement(trade), index, time());
        flow.settlement = planned.request();
        return planned;
    }

    private Planned withdraw(Flow flow) {
        long listing = flow.indices[0];
        return setup.accepted(EngineSetup.holder(flow.serial), "/listings/" + listing + "/withdraw", "{}",
                new WithdrawListing(listing), index, time());
    }

    private Planned decline(Flow flow) {
        long listing = flow.indices[0];
        return setup.accepted(EngineSetup.investor(flow.serial), "/listings/" + listing + "/decline", "{}",
                new DeclineListing(listing), index, time());
    }

    private Planned updateNav(Flow flow) {
        String fund = EngineSetup.fund(flow.serial);
        String nav = navOf(flow.serial);
        return setup.accepted(EngineSetup.staff(flow.serial), "/funds/" + fund + "/nav",
                "{\"nav\":\"" + nav + "\",\"navDate\":\"" + NAV_DATE + "\"}", new UpdateNav(fund, Price.of(nav), NAV_DATE),
                index, time());
    }

    private Planned deposit(Flow flow) {
        String fund = EngineSetup.fund(flow.serial / EngineSetup.HOLDERS);
        String holder = EngineSetup.holder(flow.serial);
        return setup.accepted(EngineSetup.staff(flow.serial), "/deposits",
                "{\"fundCode\":\"" + fund + "\",\"holder\":\"" + holder + "\",\"units\":\"100.00\",\"cost\":\"100.00\"}",
                new DepositUnits(fund, holder, LOT, LOT_COST), index, time());
    }

    private Planned tick(Flow flow) {
        return new Planned(Planned.Expect.TICK, null, null, new Tick());
    }

    /** Another investor accepts an expiring listing approved in the previous block (open for three more). */
    private Planned acceptByOtherInvestor(Flow flow) {
        Flow target = earlier("expiring", 2, 0);
        long listing = target.indices[0];
        return setup.rejected(EngineSetup.investor(target.serial + 1), "/listings/" + listing + "/accept", "{}",
                new AcceptListing(listing), "NOT_NAMED_BUYER", index, time(), time() - EngineSetup.SIGNING_LAG_MS);
    }

    private Planned listBelowMinimum(Flow flow) {
        String fund = EngineSetup.fund(flow.serial);
        String buyer = EngineSetup.investor(flow.serial);
        return setup.rejected(EngineSetup.holder(flow.serial), "/listings",
                "{\"fundCode\":\"" + fund + "\",\"buyer\":\"" + buyer + "\",\"units\":\"1.00\",\"price\":\"1.2000\"}",
                new ListNegotiated(fund, buyer, BELOW_MINIMUM, PRICE, 0), "BELOW_MIN_TRANSFER",
                index, time(), time() - EngineSetup.SIGNING_LAG_MS);
    }

    /** A new settlement request for a trade settled in the previous block. */
    private Planned settleAgain(Flow flow) {
        long trade = earlier("transfer", 4, 0).indices[2] * 4096;
        return setup.rejected(EngineSetup.staff(flow.serial), "/trades/" + trade + "/settle", "{}",
                new ConfirmSettlement(trade), "TRADE_NOT_PENDING", index, time(), time() - EngineSetup.SIGNING_LAG_MS);
    }

    /** A NAV update signed longer ago than the window W: refused before any rule runs. */
    private Planned staleNavUpdate(Flow flow) {
        String fund = EngineSetup.fund(flow.serial);
        String nav = navOf(flow.serial);
        return setup.rejected(EngineSetup.staff(flow.serial), "/funds/" + fund + "/nav",
                "{\"nav\":\"" + nav + "\",\"navDate\":\"" + NAV_DATE + "\"}", new UpdateNav(fund, Price.of(nav), NAV_DATE),
                "TIMESTAMP_OUT_OF_WINDOW", index, time(), time() - EngineSetup.WINDOW_MS - 1_000);
    }

    /** A holder tries to approve a listing made in the previous block (only staff may). */
    private Planned approveByHolder(Flow flow) {
        long listing = earlier("transfer", 1, 0).indices[0];
        return setup.rejected(EngineSetup.holder(flow.serial + 1), "/listings/" + listing + "/approve", "{}",
                new ApproveListing(listing), "WRONG_ROLE", index, time(), time() - EngineSetup.SIGNING_LAG_MS);
    }

    /** The exact settlement request of the previous block sent again (a client retry): the original outcome. */
    private Planned resendSettlement(Flow flow) {
        Flow target = earlier("transfer", 4, 1);
        return new Planned(Planned.Expect.DUPLICATE, null, target.settlement,
                new ConfirmSettlement(target.indices[2] * 4096));
    }

    private static String navOf(long serial) {
        return "1." + (4000 + serial % 2000);
    }
}
