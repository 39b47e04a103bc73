package fundexchange.registry.read;

import static fundexchange.registry.read.RegistryReads.scaled;
import static fundexchange.registry.schema.Tables.INTENTS;
import static fundexchange.registry.schema.Tables.MATCH_PROPOSALS;
import static fundexchange.registry.schema.Tables.OFFERS;
import static fundexchange.registry.schema.Tables.QUOTES;
import static fundexchange.registry.schema.Tables.QUOTE_ROUNDS;

import fundexchange.protocol.disclosure.DisclosurePolicy;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.registry.schema.tables.records.OffersRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Non-listed offers and the quotes on them. Which offers exist for a viewer: staff and regulators all; anyone else
 * their own, every OPEN {@code PUBLIC_TEASER} offer, every OPEN {@code QUALIFIED_ONLY} offer if they are a qualified
 * investor, and every offer they quoted on or were brokered to. Quotes: staff and regulators all; anyone else the
 * quotes they made and the quotes on their offers.
 */
public final class OfferReads {
    private final DSLContext dsl;

    OfferReads(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The offers {@code viewer} may see, optionally of one status and fund, in id order. */
    public List<OfferView> offers(ListingViewer viewer, Optional<String> status, Optional<String> fundCode, Page page) {
        return offers(viewer, Optional.empty(), status, fundCode, page);
    }

    /**
     * As {@link #offers(ListingViewer, Optional, Optional, Page)}, optionally only those of one {@code holder}; the
     * caller decides who may ask for which holder (a teaser never names its holder).
     */
    public List<OfferView> offers(ListingViewer viewer, Optional<String> holder, Optional<String> status,
                                  Optional<String> fundCode, Page page) {
        Condition matching = visibleTo(viewer).and(OFFERS.OFFER_ID.gt(page.after()));
        matching = holder.map(OFFERS.HOLDER::eq).map(matching::and).orElse(matching);
        matching = status.map(OFFERS.STATUS::eq).map(matching::and).orElse(matching);
        matching = fundCode.map(OFFERS.FUND_CODE::eq).map(matching::and).orElse(matching);
        return dsl.selectFrom(OFFERS).where(matching).orderBy(OFFERS.OFFER_ID).limit(page.limit()).fetch(OfferReads::offer);
    }

    /** One offer, if {@code viewer} may see it. */
    public Optional<OfferView> offer(ListingViewer viewer, long offerId) {
        return dsl.selectFrom(OFFERS).where(visibleTo(viewer), OFFERS.OFFER_ID.eq(offerId)).fetchOptional(OfferReads::offer);
    }

    /** The quotes {@code viewer} made or received, optionally on one offer and of one status, in id order. */
    public List<QuoteView> quotes(ListingViewer viewer, Optional<Long> offerId, Optional<String> status, Page page) {
        Condition matching = quotesOf(viewer);
        matching = matching.and(QUOTES.QUOTE_ID.gt(page.after()));
        matching = offerId.map(QUOTES.OFFER_ID::eq).map(matching::and).orElse(matching);
        matching = status.map(QUOTES.STATUS::eq).map(matching::and).orElse(matching);
        return dsl.select(QUOTES.fields()).select(OFFERS.HOLDER, OFFERS.FUND_CODE).from(QUOTES)
                .join(OFFERS).on(OFFERS.OFFER_ID.eq(QUOTES.OFFER_ID))
                .where(matching).orderBy(QUOTES.QUOTE_ID).limit(page.limit())
                .fetch(row -> quote(row, List.of()));
    }

    /** One quote with every round, whoever made it: the caller decides who may read it. */
    public Optional<QuoteView> quote(long quoteId) {
        List<QuoteView.Round> history = dsl.selectFrom(QUOTE_ROUNDS).where(QUOTE_ROUNDS.QUOTE_ID.eq(quoteId))
                .orderBy(QUOTE_ROUNDS.ROUND_NO)
                .fetch(r -> new QuoteView.Round(r.getRoundNo(), r.getSide(), scaled(r.getPrice(), Price.SCALE),
                        scaled(r.getUnits(), Units.SCALE), r.getPercentOfNavBp(), r.getSourceIndex()));
        return dsl.select(QUOTES.fields()).select(OFFERS.HOLDER, OFFERS.FUND_CODE).from(QUOTES)
                .join(OFFERS).on(OFFERS.OFFER_ID.eq(QUOTES.OFFER_ID))
                .where(QUOTES.QUOTE_ID.eq(quoteId)).fetchOptional(row -> quote(row, history));
    }

    private static Condition visibleTo(ListingViewer viewer) {
        String me = viewer.participantId();
        return Rows.where(DisclosurePolicy.offers(viewer.viewer()), ground -> switch (ground) {
            case HOLDS -> OFFERS.HOLDER.eq(me);
            case OPEN_PUBLIC_OFFER -> OFFERS.STATUS.eq("OPEN").and(OFFERS.VISIBILITY.eq("PUBLIC_TEASER"));
            case OPEN_QUALIFIED_OFFER -> OFFERS.STATUS.eq("OPEN").and(OFFERS.VISIBILITY.eq("QUALIFIED_ONLY"));
            case QUOTED -> DSL.exists(DSL.selectOne().from(QUOTES)
                    .where(QUOTES.OFFER_ID.eq(OFFERS.OFFER_ID), QUOTES.INVESTOR.eq(me)));
            case BROKERED_TO -> DSL.exists(DSL.selectOne().from(MATCH_PROPOSALS)
                    .join(INTENTS).on(INTENTS.INTENT_ID.eq(MATCH_PROPOSALS.INTENT_ID))
                    .where(MATCH_PROPOSALS.OFFER_ID.eq(OFFERS.OFFER_ID), INTENTS.INVESTOR.eq(me),
                            MATCH_PROPOSALS.BROKERED_INDEX.isNotNull()));
            default -> throw Rows.unknown(ground, "offers");
        });
    }

    /** The quotes the disclosure policy lets {@code viewer} see: made or received. */
    private static Condition quotesOf(ListingViewer viewer) {
        String me = viewer.participantId();
        return Rows.where(DisclosurePolicy.quotes(viewer.viewer()), ground -> switch (ground) {
            case QUOTED -> QUOTES.INVESTOR.eq(me);
            case HOLDS -> OFFERS.HOLDER.eq(me);
            default -> throw Rows.unknown(ground, "quotes");
        });
    }

    private static OfferView offer(OffersRecord r) {
        return new OfferView(r.getOfferId(), r.getFundCode(), r.getHolder(), scaled(r.getUnits(), Units.SCALE),
                scaled(r.getRemaining(), Units.SCALE), scaled(r.getMinLot(), Units.SCALE),
                scaled(r.getAskPrice(), Price.SCALE), r.getAskPercentOfNavBp(), scaled(r.getAskMultipleOfCost(), Price.SCALE),
                r.getVisibility(), r.getExpiresAt(), r.getStatus(), r.getClosedIndex());
    }

    private static QuoteView quote(Record row, List<QuoteView.Round> history) {
        var r = row.into(QUOTES);
        return new QuoteView(r.getQuoteId(), r.getOfferId(), row.get(OFFERS.FUND_CODE), row.get(OFFERS.HOLDER),
                r.getInvestor(), r.getPseudonym(), scaled(r.getPrice(), Price.SCALE), scaled(r.getUnits(), Units.SCALE),
                r.getPercentOfNavBp(), r.getRounds(), r.getTurn(), r.getStatus(), r.getClosedBy(), r.getClosedIndex(),
                history);
    }
}
