package fundexchange.registry;

import fundexchange.engine.Engine;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.ApproveCustody;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ConfirmHolding;
import fundexchange.protocol.command.FreezeUnits;
import fundexchange.protocol.command.RegisterPledge;
import fundexchange.protocol.command.ReleasePledge;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.command.SubmitCustody;
import fundexchange.protocol.custody.CustodyEntry;
import fundexchange.protocol.reference.QualificationBasis;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.SensitiveAction;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.command.UpdateNav;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.SignedRequest;
import fundexchange.journal.chronicle.Journals;
import fundexchange.testsupport.JournalWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Journals in a directory, written as the sequencer and engine runner would: each command record, then the engine's
 * event document for it. Single-threaded; signatures are not checked by the engine (that is the gateway's job).
 */
public final class TestJournal implements AutoCloseable {
    public static final String FUND = "DGF3";
    public static final String HOLDER = "Holder-01";
    public static final String INVESTOR = "Investor-07";
    public static final String HOLDER_2 = "Holder-02";
    public static final String FULL_FUND = "DGF5";
    public static final String DIGEST = "ab".repeat(32);
    public static final long START = 1_795_000_000_000L;
    /** The exchange's key in this journal. */
    static final String KEY = key("exchange-k1");

    /** A public key of its own per {@code keyId} ({@link JournalWriter#key}). */
    static String key(String keyId) {
        return JournalWriter.key(keyId);
    }

    private final JournalWriter writer;
    private long time = START;
    private int requests;
    private CommandRecord undecided;

    public TestJournal(Path dataDirectory) {
        this.writer = new JournalWriter(dataDirectory, new Engine());
    }

    public Journals journals() {
        return writer.journals();
    }

    public long lastIndex() {
        return writer.lastIndex();
    }

    /** Genesis, two approved participants with keys, a qualified investor, a fund and a deposit of 1,000,000 units. */
    public TestJournal market() {
        return market(fundexchange.protocol.RulesVersion.CURRENT);
    }

    /** {@link #market()} in a journal decided under {@code rulesVersion}. */
    public TestJournal market(int rulesVersion) {
        fundexchange.protocol.command.Genesis genesis = JournalWriter.genesis(TestJournal::key);
        unsigned(new fundexchange.protocol.command.Genesis(genesis.exchangeKeyId(), genesis.exchangeAlgorithm(),
                genesis.exchangePublicKey(), genesis.participants(), genesis.platformId(), rulesVersion,
                genesis.calendars()));
        accepted(by("Staff-01", new RegisterParticipant(HOLDER, "Demo LP One", ParticipantType.INSTITUTION, List.of(Role.HOLDER))));
        accepted(by("Staff-01", new RegisterParticipant(INVESTOR, "Demo S Fund Seven", ParticipantType.INSTITUTION, List.of(Role.INVESTOR))));
        approved(new ApproveParticipant(HOLDER));
        approved(new ApproveParticipant(INVESTOR));
        approved(new RegisterFirstKey(HOLDER, HOLDER + "-k1", "ED25519", key(HOLDER + "-k1")));
        approved(new RegisterFirstKey(INVESTOR, INVESTOR + "-k1", "ED25519", key(INVESTOR + "-k1")));
        approved(new SetQualification(INVESTOR, QualificationStatus.QUALIFIED, "2027-12-31"));
        accepted(by("Staff-01", new RegisterFund(FUND, "Demo Growth Fund III", "Demo Capital Management", "GROWTH", 2019,
                "CNY", LegalForm.PARTNERSHIP, CustodyMode.FULL, null, Price.of("1.5000"), "2026-09-30", Units.of("100.00"), false,
                Money.of("250000000.00"))));
        accepted(by("Staff-01", new DepositUnits(FUND, HOLDER, Units.of("1000000.00"), Money.of("1000000.00"))));
        return this;
    }

    /**
     * After {@link #market()}: 400,000 units at 0.9000 listed, approved, accepted and settled; a second listing of
     * 1,000 units expires; a repeated settlement is rejected. Returns the trade id.
     */
    public long negotiatedTransfer() {
        long listing = accepted(by(HOLDER, new ListNegotiated(FUND, INVESTOR, Units.of("400000.00"), Price.of("0.9000"), 0))).sourceIndex();
        accepted(by("Staff-02", new ApproveListing(listing)));
        long tradeId = accepted(by(INVESTOR, new AcceptListing(listing))).sourceIndex() * 4096;
        accepted(by("Staff-01", new ConfirmSettlement(tradeId)));
        accepted(by(HOLDER, new ListNegotiated(FUND, INVESTOR, Units.of("1000.00"), Price.of("1.0000"), time + 60_000)));
        advance(60_000);
        unsigned(new Tick());
        EventDocument repeat = by("Staff-01", new ConfirmSettlement(tradeId));
        if (repeat.outcome().status() != OutcomeStatus.REJECTED) {
            throw new AssertionError("a second settlement must be rejected: " + repeat.outcome());
        }
        return tradeId;
    }

    /** After {@link #market()}: the settlement bank Bank-01 (role BANK), approved with a key (rules version 7 on). */
    public TestJournal settlementBank() {
        accepted(by("Staff-01", new RegisterParticipant("Bank-01", "Demo Settlement Bank", ParticipantType.INSTITUTION,
                List.of(Role.BANK))));
        approved(new ApproveParticipant("Bank-01"));
        approved(new RegisterFirstKey("Bank-01", "Bank-01-k1", "ED25519", key("Bank-01-k1")));
        return this;
    }

    /** After {@link #market()}: another approved investor with a key, qualified until 2027-12-31 if {@code qualified}. */
    public TestJournal investor(String participantId, boolean qualified) {
        accepted(by("Staff-01", new RegisterParticipant(participantId, participantId, ParticipantType.INSTITUTION, List.of(Role.INVESTOR))));
        approved(new ApproveParticipant(participantId));
        approved(new RegisterFirstKey(participantId, participantId + "-k1", "ED25519", key(participantId + "-k1")));
        if (qualified) {
            approved(new SetQualification(participantId, QualificationStatus.QUALIFIED, "2027-12-31"));
        }
        return this;
    }

    /** What {@link #custodyAndEncumbrances()} made. */
    public record CustodyIds(long custodyId, long activePledge, long releasedPledge, long freezeId, long tradeId) {
    }

    /**
     * After {@link #market()}: a second holder, and a FULL custody fund {@value #FULL_FUND} whose register (Holder-01
     * 7000 units, Holder-02 3000) is approved; Holder-01 confirms, Holder-02 does not. Holder-01's units carry an active
     * pledge of 2000, a released one, and a freeze of 1000; it sells 1000 units to Investor-07, settled. Investor-07
     * gets a qualification record and a platform threshold changes.
     */
    public CustodyIds custodyAndEncumbrances() {
        accepted(by("Staff-01", new RegisterParticipant(HOLDER_2, "Demo LP Two", ParticipantType.INDIVIDUAL,
                List.of(Role.HOLDER), "Demo LP Two", "110101199001011234")));
        approved(new ApproveParticipant(HOLDER_2));
        approved(new RegisterFirstKey(HOLDER_2, HOLDER_2 + "-k1", "ED25519", key(HOLDER_2 + "-k1")));
        accepted(by("Staff-01", new RegisterFund(FULL_FUND, "Demo Buyout Fund V", "Demo Capital Management", "BUYOUT",
                2018, "CNY", LegalForm.PARTNERSHIP, CustodyMode.FULL, null, Price.of("1.2000"), "2026-09-30",
                Units.of("100.00"), false)));
        long custodyId = accepted(by(HOLDER, new SubmitCustody(FULL_FUND, List.of(
                new CustodyEntry(HOLDER, Units.of("7000.00"), Money.of("7000.00"), Money.of("3500.00"), null),
                new CustodyEntry(HOLDER_2, Units.of("3000.00"), Money.of("3000.00"), Money.of("1500.00"), Money.of("1600.00"))),
                DIGEST))).sourceIndex();
        accepted(by("Staff-02", new ApproveCustody(custodyId)));
        accepted(by(HOLDER, new ConfirmHolding(custodyId)));
        long released = accepted(by("Staff-01", new RegisterPledge(FULL_FUND, HOLDER, Units.of("500.00"), "Demo Bank",
                null, DIGEST))).sourceIndex();
        long pledge = accepted(by("Staff-01", new RegisterPledge(FULL_FUND, HOLDER, Units.of("2000.00"), "Demo Bank",
                Money.of("1500000.00"), DIGEST))).sourceIndex();
        accepted(by("Staff-02", new ReleasePledge(released)));
        long freeze = approved(new FreezeUnits(FULL_FUND, HOLDER, Units.of("1000.00"), "Demo Court", "(2026) 1", DIGEST));
        approved(new SetQualification(INVESTOR, QualificationStatus.QUALIFIED, "2027-12-31",
                QualificationBasis.INSTITUTION_NET_ASSETS, null, Money.of("12000000.00"), null, null, DIGEST, null));
        approved(new SetPlatformParameter("qualified-individual-income", "600000.00"));
        long listing = accepted(by(HOLDER, new ListNegotiated(FULL_FUND, INVESTOR, Units.of("1000.00"), Price.of("1.1000"), 0))).sourceIndex();
        accepted(by("Staff-02", new ApproveListing(listing)));
        long tradeId = accepted(by(INVESTOR, new AcceptListing(listing))).sourceIndex() * 4096;
        accepted(by("Staff-01", new ConfirmSettlement(tradeId)));
        return new CustodyIds(custodyId, pledge, released, freeze, tradeId);
    }

    /**
     * After {@link #market()}: {@code rounds} times, Holder-01 sells 100 units of DGF3 to Investor-07 (listed, approved,
     * accepted, settled), a pledge of 10 units is registered and released, and the NAV moves: 7 documents a round.
     */
    public TestJournal trading(int rounds) {
        for (int i = 0; i < rounds; i++) {
            long listing = accepted(by(HOLDER, new ListNegotiated(FUND, INVESTOR, Units.of("100.00"), Price.of("0.9000"), 0))).sourceIndex();
            accepted(by("Staff-02", new ApproveListing(listing)));
            long tradeId = accepted(by(INVESTOR, new AcceptListing(listing))).sourceIndex() * 4096;
            accepted(by("Staff-01", new ConfirmSettlement(tradeId)));
            long pledge = accepted(by("Staff-01", new RegisterPledge(FUND, HOLDER, Units.of("10.00"), "Demo Bank", null,
                    DIGEST))).sourceIndex();
            accepted(by("Staff-02", new ReleasePledge(pledge)));
            accepted(by("Staff-01", new UpdateNav(FUND, Price.of(i % 2 == 0 ? "1.5100" : "1.4900"), "2026-10-31")));
            advance(1_000);
        }
        return this;
    }

    /** The holder auctions {@code units} from now until {@code durationMs} from now; staff approve it. Returns its id. */
    public long auction(ListingMechanism mechanism, String units, String startingPrice, long durationMs) {
        long listing = accepted(by(HOLDER, new ListAuction(FUND, mechanism, Units.of(units), Price.of(startingPrice), null,
                mechanism == ListingMechanism.ENGLISH ? Price.of("0.0100") : null, time, time + durationMs,
                mechanism == ListingMechanism.ENGLISH ? 0L : null, mechanism == ListingMechanism.ENGLISH ? 0L : null,
                false, null))).sourceIndex();
        accepted(by("Staff-02", new ApproveListing(listing)));
        return listing;
    }

    /** A command that must be accepted. */
    public EventDocument acceptedBy(String participant, Command command) {
        return accepted(by(participant, command));
    }

    public EventDocument unsigned(Command command) {
        return submit(CommandRecord.unsigned(lastIndex() + 1, time, command));
    }

    public EventDocument by(String participant, Command command) {
        SignedRequest request = JournalWriter.request(participant, "c2ln", time, "req-" + (++requests), "/commands",
                command);
        return submit(CommandRecord.signed(lastIndex() + 1, time, request, command));
    }

    /** Appends a command record and the engine's event document for it. */
    public EventDocument submit(CommandRecord record) {
        return writer.submit(record);
    }

    /** Appends a pair as given, bypassing the engine (to plant a document the engine would never write). */
    public void append(CommandRecord record, EventDocument document) {
        writer.append(record, document);
    }

    /** Appends an unsigned command record only, as the sequencer does before the engine has decided it. */
    public CommandRecord appendCommandOnly(Command command) {
        CommandRecord record = CommandRecord.unsigned(lastIndex() + 1, time, command);
        writer.appendCommand(record);
        undecided = record;
        return record;
    }

    /** Appends the engine's event document for the command of {@link #appendCommandOnly}. */
    public EventDocument decide() {
        EventDocument document = writer.decide(undecided);
        undecided = null;
        return document;
    }

    /** The journal time the next command gets. */
    public long time() {
        return time;
    }

    public TestJournal advance(long millis) {
        time += millis;
        return this;
    }

    /** Proposes and approves an action; returns the proposal id. */
    public long approved(SensitiveAction action) {
        EventDocument proposal = accepted(by("Staff-01", new Propose(action)));
        accepted(by("Staff-02", new ApproveProposal(proposal.sourceIndex())));
        return proposal.sourceIndex();
    }

    private static EventDocument accepted(EventDocument document) {
        if (!document.outcome().equals(Outcome.ACCEPTED)) {
            throw new AssertionError("command " + document.sourceIndex() + " was not accepted: " + document.outcome());
        }
        return document;
    }

    @Override
    public void close() {
        writer.close();
    }
}
