package fundexchange.registry.market;

import fundexchange.protocol.EventDocument;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.SetMarketDataConsent;
import fundexchange.protocol.command.SetTransferTerms;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.transfer.PriorityOrder;
import fundexchange.registry.TestJournal;
import fundexchange.registry.projector.Projector;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;

/**
 * A market for public market data tests, on {@link TestJournal#market()}: a manager (Manager-01) named by the transfer
 * terms (no consent, no priority right) of every fund, holders Holder-01 to Holder-0n each holding units of every fund,
 * and Investor-0n buying from Holder-0n (registered and qualified). Trades are negotiated, approved, accepted and settled at once, on the journal's current day.
 */
final class MarketJournal implements AutoCloseable {
    static final String MANAGER = "Manager-01";
    static final long DAY = 86_400_000L;
    private final TestJournal journal;
    private final DataSource dataSource;
    private final int holders;

    MarketJournal(Path data, DataSource dataSource, int holders) {
        this.journal = new TestJournal(data).market();
        this.dataSource = dataSource;
        this.holders = holders;
        register(MANAGER, Role.MANAGER);
        for (int h = 2; h <= holders; h++) {
            register(holder(h), Role.HOLDER);
        }
        for (int h = 1; h <= holders; h++) {
            if (!buyer(holder(h)).equals(TestJournal.INVESTOR)) {
                journal.investor(buyer(holder(h)), true);
            }
        }
        fund(TestJournal.FUND);
    }

    static String holder(int n) {
        return "Holder-0" + n;
    }

    /** The qualified investor that buys from {@code seller}: Holder-0n sells to Investor-0n (k sellers, k buyers). */
    static String buyer(String seller) {
        return seller.replace("Holder-", "Investor-");
    }

    private void register(String id, Role role) {
        journal.acceptedBy("Staff-01", new RegisterParticipant(id, id, ParticipantType.INSTITUTION, List.of(role)));
        journal.approved(new fundexchange.protocol.command.ApproveParticipant(id));
        journal.approved(new RegisterFirstKey(id, id + "-k1", "ED25519", fundexchange.testsupport.JournalWriter.key(id + "-k1")));
    }

    /** Gives the fund transfer terms naming the manager and deposits units with every holder but Holder-01's own. */
    private void fund(String code) {
        journal.approved(new SetTransferTerms(code, MANAGER, false, null, PriorityOrder.NONE, null, null, List.of(),
                TestJournal.DIGEST));
        for (int h = 2; h <= holders; h++) {
            journal.acceptedBy("Staff-01", new DepositUnits(code, holder(h), Units.of("1000000.00"), Money.of("1000000.00")));
        }
    }

    /** Registers another fund with NAV 1.5000 and deposits with every holder, Holder-01 included. */
    MarketJournal newFund(String code, String strategy, int vintage, String currency) {
        journal.acceptedBy("Staff-01", new RegisterFund(code, "Demo Fund " + code, "Demo Capital Management", strategy,
                vintage, currency, LegalForm.PARTNERSHIP, CustodyMode.FULL, null, Price.of("1.5000"), "2026-09-30",
                Units.of("100.00"), false, Money.of("250000000.00")));
        journal.acceptedBy("Staff-01", new DepositUnits(code, TestJournal.HOLDER, Units.of("1000000.00"), Money.of("1000000.00")));
        fund(code);
        return this;
    }

    /** The manager opts the fund's figures in or out. */
    MarketJournal consent(String fund, boolean publish) {
        journal.acceptedBy(MANAGER, new SetMarketDataConsent(fund, publish));
        return this;
    }

    /** {@code seller} sells {@code units} at {@code price} to its {@link #buyer}, settled at once; returns the trade id. */
    long trade(String fund, String seller, String units, String price) {
        return trade(fund, seller, buyer(seller), units, price);
    }

    /** {@code seller} sells {@code units} at {@code price} to {@code buyer}, settled at once; returns the trade id. */
    long trade(String fund, String seller, String buyer, String units, String price) {
        long listing = journal.acceptedBy(seller, new ListNegotiated(fund, buyer, Units.of(units),
                Price.of(price), 0)).sourceIndex();
        journal.acceptedBy("Staff-02", new ApproveListing(listing));
        long tradeId = journal.acceptedBy(buyer, new AcceptListing(listing)).sourceIndex() * 4096;
        journal.acceptedBy("Staff-01", new ConfirmSettlement(tradeId));
        return tradeId;
    }

    /** Moves to the next day and writes a tick there, so the previous day's snapshot is published. */
    MarketJournal nextDay() {
        journal.advance(DAY);
        journal.unsigned(new Tick());
        return this;
    }

    /** Projects everything written so far. */
    MarketJournal project() {
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            projector.catchUp();
        }
        return this;
    }

    TestJournal journal() {
        return journal;
    }

    EventDocument by(String participant, fundexchange.protocol.command.Command command) {
        return journal.by(participant, command);
    }

    @Override
    public void close() {
        journal.close();
    }
}
