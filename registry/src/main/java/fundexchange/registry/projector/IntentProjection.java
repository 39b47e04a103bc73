package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.INTENTS;
import static fundexchange.registry.schema.Tables.LISTING_NOTICES;
import static fundexchange.registry.schema.Tables.MATCH_PROPOSALS;
import static fundexchange.registry.schema.Tables.OFFERS;
import static fundexchange.registry.schema.Tables.QUOTES;
import static fundexchange.registry.schema.Tables.QUOTE_ROUNDS;

import fundexchange.protocol.event.IntentAmended;
import fundexchange.protocol.event.IntentClosed;
import fundexchange.protocol.event.IntentMatchedListing;
import fundexchange.protocol.event.IntentPosted;
import fundexchange.protocol.event.MatchAccepted;
import fundexchange.protocol.event.MatchAgreed;
import fundexchange.protocol.event.MatchBrokered;
import fundexchange.protocol.event.MatchDeclined;
import fundexchange.protocol.event.MatchProposed;
import fundexchange.protocol.event.OfferClosed;
import fundexchange.protocol.event.OfferPosted;
import fundexchange.protocol.event.QuoteAccepted;
import fundexchange.protocol.event.QuoteCountered;
import fundexchange.protocol.event.QuoteDeclined;
import fundexchange.protocol.event.QuoteSubmitted;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.intent.IntentCriteria;
import fundexchange.protocol.intent.Side;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;
import fundexchange.journal.JournalCodec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Non-listed offers, intents, quotes with their rounds, match proposals and listing notices (V5). Mirrors the
 * engine's {@code IntentApplier}; the holder's locked units are changed by {@link EventProjection}, which owns the
 * holdings.
 */
final class IntentProjection {
    private static final String OPEN = "OPEN";
    private static final String LAPSED = "LAPSED";
    /** The one {@link StatementBatch} row key of these tables: their statements keep their journal order. */
    private static final String AREA = "intents";
    private static final List<String> KEY = List.of(AREA);
    private final DSLContext tx;
    private final StatementBatch batch;

    IntentProjection(DSLContext tx, StatementBatch batch) {
        this.tx = tx;
        this.batch = batch;
    }

    void offerPosted(OfferPosted e) {
        batch.insert(tx.insertInto(OFFERS)
                .set(OFFERS.OFFER_ID, e.offerId())
                .set(OFFERS.FUND_CODE, e.fundCode())
                .set(OFFERS.HOLDER, e.holder())
                .set(OFFERS.UNITS, e.units().decimal())
                .set(OFFERS.REMAINING, e.units().decimal())
                .set(OFFERS.MIN_LOT, e.minLot().decimal())
                .set(OFFERS.ASK_PRICE, e.askPrice().decimal())
                .set(OFFERS.ASK_PERCENT_OF_NAV_BP, e.askPercentOfNavBasisPoints())
                .set(OFFERS.ASK_MULTIPLE_OF_COST, e.askMultipleOfCost().decimal())
                .set(OFFERS.VISIBILITY, e.visibility().name())
                .set(OFFERS.EXPIRES_AT, e.expiresAt())
                .set(OFFERS.STATUS, OPEN), List.of(AREA, "O:" + e.offerId()), EventProjection.fund(e.fundCode()),
                EventProjection.participant(e.holder()));
    }

    void offerClosed(OfferClosed e, long index) {
        batch.one(tx.update(OFFERS).set(OFFERS.STATUS, e.status().name()).set(OFFERS.CLOSED_INDEX, index)
                .where(OFFERS.OFFER_ID.eq(e.offerId()), OFFERS.STATUS.eq(OPEN)), "open offer " + e.offerId(), AREA);
        lapseQuotes(e.lapsedQuotes(), index);
        lapseMatches(e.lapsedMatches(), index);
    }

    /** A trade on an offer takes its units from the offer's remainder. */
    void traded(TradeExecuted e) {
        batch.one(tx.update(OFFERS).set(OFFERS.REMAINING, OFFERS.REMAINING.minus(e.units().decimal()))
                .where(OFFERS.OFFER_ID.eq(e.offerId()), OFFERS.STATUS.eq(OPEN)), "open offer " + e.offerId(), AREA);
    }

    /** The columns an intent's terms fill, the same for a new intent and an amended one. */
    private static Map<Field<?>, Object> terms(List<String> fundCodes, IntentCriteria criteria, Money minAmount,
                                               Money maxAmount, long maxPercentOfNavBasisPoints, long expiresAt) {
        Map<Field<?>, Object> terms = new LinkedHashMap<>();
        terms.put(INTENTS.FUND_CODES, fundCodes(fundCodes, criteria));
        terms.put(INTENTS.STRATEGIES, strategies(criteria));
        terms.put(INTENTS.VINTAGE_FROM, criteria == null ? null : criteria.vintageFrom());
        terms.put(INTENTS.VINTAGE_TO, criteria == null ? null : criteria.vintageTo());
        terms.put(INTENTS.CURRENCY, criteria == null ? null : criteria.currency());
        terms.put(INTENTS.MANAGER, criteria == null ? null : criteria.manager());
        terms.put(INTENTS.LEGAL_FORM, legalForm(criteria));
        terms.put(INTENTS.MIN_AMOUNT, minAmount.decimal());
        terms.put(INTENTS.MAX_AMOUNT, maxAmount.decimal());
        terms.put(INTENTS.MAX_PERCENT_OF_NAV_BP, maxPercentOfNavBasisPoints);
        terms.put(INTENTS.EXPIRES_AT, expiresAt);
        return terms;
    }

    void intentPosted(IntentPosted e) {
        batch.insert(tx.insertInto(INTENTS)
                .set(INTENTS.INTENT_ID, e.intentId())
                .set(INTENTS.INVESTOR, e.investor())
                .set(INTENTS.STATUS, OPEN)
                .set(terms(e.fundCodes(), e.criteria(), e.minAmount(), e.maxAmount(), e.maxPercentOfNavBasisPoints(),
                        e.expiresAt())), KEY, EventProjection.participant(e.investor()));
    }

    void intentAmended(IntentAmended e, long index) {
        lapseMatches(e.lapsedMatches(), index);
        batch.one(tx.update(INTENTS)
                .set(terms(e.fundCodes(), e.criteria(), e.minAmount(), e.maxAmount(), e.maxPercentOfNavBasisPoints(),
                        e.expiresAt()))
                .set(INTENTS.AMENDED_INDEX, index)
                .where(INTENTS.INTENT_ID.eq(e.intentId()), INTENTS.STATUS.eq(OPEN)), "open intent " + e.intentId(), AREA);
    }

    void intentClosed(IntentClosed e, long index) {
        lapseMatches(e.lapsedMatches(), index);
        batch.one(tx.update(INTENTS).set(INTENTS.STATUS, e.status().name()).set(INTENTS.CLOSED_INDEX, index)
                .where(INTENTS.INTENT_ID.eq(e.intentId()), INTENTS.STATUS.eq(OPEN)), "open intent " + e.intentId(), AREA);
    }

    void quoteSubmitted(QuoteSubmitted e, long index) {
        batch.insert(tx.insertInto(QUOTES)
                .set(QUOTES.QUOTE_ID, e.quoteId())
                .set(QUOTES.OFFER_ID, e.offerId())
                .set(QUOTES.INVESTOR, e.investor())
                .set(QUOTES.PSEUDONYM, e.pseudonym())
                .set(QUOTES.PRICE, e.price().decimal())
                .set(QUOTES.UNITS, e.units().decimal())
                .set(QUOTES.PERCENT_OF_NAV_BP, e.percentOfNavBasisPoints())
                .set(QUOTES.ROUNDS, 0)
                .set(QUOTES.TURN, Side.HOLDER.name())
                .set(QUOTES.STATUS, OPEN), KEY, EventProjection.participant(e.investor()));
        round(e.quoteId(), 0, Side.INVESTOR, e.price().decimal(), e.units(), e.percentOfNavBasisPoints(), index);
    }

    void quoteCountered(QuoteCountered e, long index) {
        batch.one(tx.update(QUOTES)
                .set(QUOTES.PRICE, e.price().decimal())
                .set(QUOTES.UNITS, e.units().decimal())
                .set(QUOTES.PERCENT_OF_NAV_BP, e.percentOfNavBasisPoints())
                .set(QUOTES.ROUNDS, e.round())
                .set(QUOTES.TURN, e.by().other().name())
                .where(QUOTES.QUOTE_ID.eq(e.quoteId()), QUOTES.STATUS.eq(OPEN)), "open quote " + e.quoteId(), AREA);
        round(e.quoteId(), e.round(), e.by(), e.price().decimal(), e.units(), e.percentOfNavBasisPoints(), index);
    }

    void quoteDeclined(QuoteDeclined e, long index) {
        closeQuote(e.quoteId(), "DECLINED", e.by(), index);
    }

    void quoteAccepted(QuoteAccepted e, long index) {
        closeQuote(e.quoteId(), "ACCEPTED", e.by(), index);
    }

    void matchProposed(MatchProposed e, long index) {
        batch.insert(tx.insertInto(MATCH_PROPOSALS)
                .set(MATCH_PROPOSALS.MATCH_ID, e.matchId())
                .set(MATCH_PROPOSALS.OFFER_ID, e.offerId())
                .set(MATCH_PROPOSALS.INTENT_ID, e.intentId())
                .set(MATCH_PROPOSALS.MATCH_RANK, e.rank())
                .set(MATCH_PROPOSALS.UNITS, e.units().decimal())
                .set(MATCH_PROPOSALS.PRICE, e.price().decimal())
                .set(MATCH_PROPOSALS.AMOUNT, e.amount().decimal())
                .set(MATCH_PROPOSALS.PERCENT_OF_NAV_BP, e.percentOfNavBasisPoints())
                .set(MATCH_PROPOSALS.SURPLUS_BP, e.surplusBasisPoints())
                .set(MATCH_PROPOSALS.STATUS, "PROPOSED")
                .set(MATCH_PROPOSALS.HOLDER_ACCEPTED, false)
                .set(MATCH_PROPOSALS.INVESTOR_ACCEPTED, false)
                .set(MATCH_PROPOSALS.PROPOSED_INDEX, index), KEY);
    }

    void matchBrokered(MatchBrokered e, long index) {
        batch.one(tx.update(MATCH_PROPOSALS)
                .set(MATCH_PROPOSALS.STATUS, "BROKERED")
                .set(MATCH_PROPOSALS.INVESTOR_PSEUDONYM, e.investorPseudonym())
                .set(MATCH_PROPOSALS.BROKERED_BY, e.brokeredBy())
                .set(MATCH_PROPOSALS.BROKERED_INDEX, index)
                .set(MATCH_PROPOSALS.UNITS, e.units().decimal())
                .set(MATCH_PROPOSALS.PRICE, e.price().decimal())
                .set(MATCH_PROPOSALS.PERCENT_OF_NAV_BP, e.percentOfNavBasisPoints())
                .where(MATCH_PROPOSALS.MATCH_ID.eq(e.matchId()), MATCH_PROPOSALS.STATUS.eq("PROPOSED"))
                , "proposed match " + e.matchId(), AREA);
    }

    void matchAccepted(MatchAccepted e) {
        batch.one(tx.update(MATCH_PROPOSALS)
                .set(e.by() == Side.HOLDER ? MATCH_PROPOSALS.HOLDER_ACCEPTED : MATCH_PROPOSALS.INVESTOR_ACCEPTED, true)
                .where(MATCH_PROPOSALS.MATCH_ID.eq(e.matchId()), MATCH_PROPOSALS.STATUS.eq("BROKERED"))
                , "brokered match " + e.matchId(), AREA);
    }

    void matchDeclined(MatchDeclined e, long index) {
        batch.one(tx.update(MATCH_PROPOSALS)
                .set(MATCH_PROPOSALS.STATUS, "DECLINED")
                .set(MATCH_PROPOSALS.CLOSED_BY, e.by().name())
                .set(MATCH_PROPOSALS.CLOSED_INDEX, index)
                .where(MATCH_PROPOSALS.MATCH_ID.eq(e.matchId()), MATCH_PROPOSALS.STATUS.eq("BROKERED"))
                , "brokered match " + e.matchId(), AREA);
    }

    void matchAgreed(MatchAgreed e, long index) {
        batch.one(tx.update(MATCH_PROPOSALS)
                .set(MATCH_PROPOSALS.STATUS, "AGREED")
                .set(MATCH_PROPOSALS.CLOSED_INDEX, index)
                .where(MATCH_PROPOSALS.MATCH_ID.eq(e.matchId()), MATCH_PROPOSALS.STATUS.eq("BROKERED"))
                , "brokered match " + e.matchId(), AREA);
    }

    void listingNotice(IntentMatchedListing e, long index) {
        batch.insert(tx.insertInto(LISTING_NOTICES)
                .set(LISTING_NOTICES.SOURCE_INDEX, index)
                .set(LISTING_NOTICES.INTENT_ID, e.intentId())
                .set(LISTING_NOTICES.LISTING_ID, e.listingId())
                .set(LISTING_NOTICES.INVESTOR, e.investor())
                .set(LISTING_NOTICES.MATCH_RANK, e.rank())
                .set(LISTING_NOTICES.PRICE, e.price().decimal())
                .set(LISTING_NOTICES.PERCENT_OF_NAV_BP, e.percentOfNavBasisPoints()), KEY, EventProjection.listing(e.listingId()));
    }

    private void round(long quoteId, int round, Side side, java.math.BigDecimal price, Units units, long percentOfNav,
                       long index) {
        batch.insert(tx.insertInto(QUOTE_ROUNDS)
                .set(QUOTE_ROUNDS.QUOTE_ID, quoteId)
                .set(QUOTE_ROUNDS.ROUND_NO, round)
                .set(QUOTE_ROUNDS.SIDE, side.name())
                .set(QUOTE_ROUNDS.PRICE, price)
                .set(QUOTE_ROUNDS.UNITS, units.decimal())
                .set(QUOTE_ROUNDS.PERCENT_OF_NAV_BP, percentOfNav)
                .set(QUOTE_ROUNDS.SOURCE_INDEX, index), KEY);
    }

    private void closeQuote(long quoteId, String status, Side by, long index) {
        batch.one(tx.update(QUOTES).set(QUOTES.STATUS, status).set(QUOTES.TURN, (String) null)
                .set(QUOTES.CLOSED_BY, by.name()).set(QUOTES.CLOSED_INDEX, index)
                .where(QUOTES.QUOTE_ID.eq(quoteId), QUOTES.STATUS.eq(OPEN)), "open quote " + quoteId, AREA);
    }

    private void lapseQuotes(List<Long> quoteIds, long index) {
        if (!quoteIds.isEmpty()) {
            batch.rows(tx.update(QUOTES).set(QUOTES.STATUS, LAPSED).set(QUOTES.TURN, (String) null)
                    .set(QUOTES.CLOSED_INDEX, index)
                    .where(QUOTES.QUOTE_ID.in(quoteIds), QUOTES.STATUS.eq(OPEN)), quoteIds.size(), "open quotes " + quoteIds, KEY);
        }
    }

    private void lapseMatches(List<Long> matchIds, long index) {
        if (!matchIds.isEmpty()) {
            batch.rows(tx.update(MATCH_PROPOSALS).set(MATCH_PROPOSALS.STATUS, LAPSED).set(MATCH_PROPOSALS.CLOSED_INDEX, index)
                    .where(MATCH_PROPOSALS.MATCH_ID.in(matchIds), MATCH_PROPOSALS.STATUS.in("PROPOSED", "BROKERED")),
                    matchIds.size(), "live matches " + matchIds, KEY);
        }
    }

    private static String fundCodes(List<String> fundCodes, IntentCriteria criteria) {
        return criteria != null ? null : String.join(",", fundCodes);
    }

    private static String strategies(IntentCriteria criteria) {
        return criteria == null ? null : new String(JournalCodec.write(criteria.strategyList()), StandardCharsets.UTF_8);
    }

    private static String legalForm(IntentCriteria criteria) {
        return criteria == null || criteria.legalForm() == null ? null : criteria.legalForm().name();
    }
}
