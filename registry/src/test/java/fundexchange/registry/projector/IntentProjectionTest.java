package fundexchange.registry.projector;

import static fundexchange.registry.TestJournal.FUND;
import static fundexchange.registry.TestJournal.HOLDER;
import static fundexchange.registry.TestJournal.INVESTOR;
import static fundexchange.registry.schema.Tables.INTENTS;
import static fundexchange.registry.schema.Tables.MATCH_PROPOSALS;
import static fundexchange.registry.schema.Tables.OFFERS;
import static fundexchange.registry.schema.Tables.QUOTES;
import static fundexchange.registry.schema.Tables.QUOTE_ROUNDS;
import static fundexchange.registry.schema.Tables.TRANSFERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.command.AcceptMatch;
import fundexchange.protocol.command.AcceptQuote;
import fundexchange.protocol.command.BrokerMatch;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.CounterQuote;
import fundexchange.protocol.command.PostIntent;
import fundexchange.protocol.command.PostOffer;
import fundexchange.protocol.command.SubmitQuote;
import fundexchange.protocol.command.WithdrawOffer;
import fundexchange.protocol.event.MatchProposed;
import fundexchange.protocol.intent.IntentCriteria;
import fundexchange.protocol.intent.OfferVisibility;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.TestJournal;
import fundexchange.registry.read.RegistryReads;
import fundexchange.registry.reconcile.Reconciliation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The V5 tables follow offers, intents, quotes and proposals as the engine decided them; locked units reconcile. */
class IntentProjectionTest {
    @RegisterExtension
    static final MigratedRegistry REGISTRY = new MigratedRegistry();
    private final DataSource dataSource = REGISTRY.dataSource();

    @TempDir
    Path data;
    private TestJournal journal;

    @BeforeEach
    void market() {
        journal = new TestJournal(data).market();
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    private EventDocument ok(String participant, fundexchange.protocol.command.Command command) {
        EventDocument document = journal.by(participant, command);
        assertEquals(Outcome.ACCEPTED, document.outcome(), () -> command + ": " + document.outcome());
        return document;
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void projectsOffersIntentsQuotesProposalsAndTheirTradesWithLockedUnitsAsTheEngineHasThem() {
        long intent = ok(INVESTOR, new PostIntent(null, new IntentCriteria(List.of("GROWTH"), 2015, 2020, "CNY", null, null),
                Money.ZERO, Money.of("90000.00"), 6500, 0)).sourceIndex();
        EventDocument posted = ok(HOLDER, new PostOffer(FUND, Units.of("400000.00"), Units.of("10000.00"), Price.of("0.9000"),
                OfferVisibility.PUBLIC_TEASER, 0));
        long offer = posted.sourceIndex();
        long match = ((MatchProposed) posted.events().get(1)).matchId();
        long quote = ok(INVESTOR, new SubmitQuote(offer, Price.of("0.8500"), Units.of("50000.00"))).sourceIndex();
        ok(HOLDER, new CounterQuote(quote, Price.of("0.8800"), Units.of("50000.00")));
        long quoteTrade = ok(INVESTOR, new AcceptQuote(quote)).sourceIndex() * 4096;
        ok("Staff-01", new BrokerMatch(match, null, null));
        ok(HOLDER, new AcceptMatch(match));
        long matchTrade = ok(INVESTOR, new AcceptMatch(match)).sourceIndex() * 4096;
        ok("Staff-02", new ConfirmSettlement(quoteTrade));
        ok(HOLDER, new WithdrawOffer(offer));

        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            assertEquals(journal.lastIndex(), projector.catchUp());
        }
        DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        var offerRow = dsl.selectFrom(OFFERS).where(OFFERS.OFFER_ID.eq(offer)).fetchOne();
        assertEquals("WITHDRAWN", offerRow.getStatus());
        assertEquals(d("250000.00"), offerRow.getRemaining());
        assertEquals(6000L, offerRow.getAskPercentOfNavBp());
        var intentRow = dsl.selectFrom(INTENTS).where(INTENTS.INTENT_ID.eq(intent)).fetchOne();
        assertEquals("FILLED", intentRow.getStatus());
        assertEquals("[\"GROWTH\"]", intentRow.getStrategies());
        var quoteRow = dsl.selectFrom(QUOTES).where(QUOTES.QUOTE_ID.eq(quote)).fetchOne();
        assertEquals(List.of("ACCEPTED", "INVESTOR", 1), List.of(quoteRow.getStatus(), quoteRow.getClosedBy(), quoteRow.getRounds()));
        assertEquals(List.of("INVESTOR", "HOLDER"), dsl.select(QUOTE_ROUNDS.SIDE).from(QUOTE_ROUNDS)
                .where(QUOTE_ROUNDS.QUOTE_ID.eq(quote)).orderBy(QUOTE_ROUNDS.ROUND_NO).fetch(QUOTE_ROUNDS.SIDE));
        var matchRow = dsl.selectFrom(MATCH_PROPOSALS).where(MATCH_PROPOSALS.MATCH_ID.eq(match)).fetchOne();
        assertEquals("AGREED", matchRow.getStatus());
        assertTrue(matchRow.getHolderAccepted() && matchRow.getInvestorAccepted());
        assertEquals(d("100000.00"), matchRow.getUnits());
        assertEquals(List.of(offer, offer), dsl.select(TRANSFERS.OFFER_ID).from(TRANSFERS)
                .where(TRANSFERS.TRADE_ID.in(quoteTrade, matchTrade)).orderBy(TRANSFERS.TRADE_ID).fetch(TRANSFERS.OFFER_ID));
        RegistryReads reads = new RegistryReads(dataSource);
        assertEquals(d("100000.00"), reads.holdingsOf(HOLDER).getFirst().locked(), "only the brokered trade still pends");
        assertEquals(0L, reads.allTransfers().getFirst().listingId());
        Reconciliation.Result reconciled = Reconciliation.reconcile(journal.journals(), dataSource);
        assertTrue(reconciled.matches(), () -> "registry differs from the engine: " + reconciled.differences());
    }
}
