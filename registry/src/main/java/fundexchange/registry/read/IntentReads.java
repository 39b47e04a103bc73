package fundexchange.registry.read;

import static fundexchange.registry.read.RegistryReads.scaled;
import static fundexchange.registry.schema.Tables.INTENTS;
import static fundexchange.registry.schema.Tables.MATCH_PROPOSALS;
import static fundexchange.registry.schema.Tables.OFFERS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.journal.JournalCodec;
import fundexchange.registry.schema.tables.records.IntentsRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/**
 * Intents and match proposals. An intent exists only for its investor, staff and regulators. A match proposal exists
 * for staff and regulators from the start, and for the offer's holder and the intent's investor once brokered.
 */
public final class IntentReads {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private final DSLContext dsl;

    IntentReads(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The intents {@code viewer} may see, optionally of one status, in id order. */
    public List<IntentView> intents(ListingViewer viewer, Optional<String> status, Page page) {
        Condition matching = (viewer.oversight() ? DSL.noCondition() : INTENTS.INVESTOR.eq(viewer.participantId()))
                .and(INTENTS.INTENT_ID.gt(page.after()));
        matching = status.map(INTENTS.STATUS::eq).map(matching::and).orElse(matching);
        return dsl.selectFrom(INTENTS).where(matching).orderBy(INTENTS.INTENT_ID).limit(page.limit())
                .fetch(IntentReads::intent);
    }

    public Optional<IntentView> intent(ListingViewer viewer, long intentId) {
        Condition mine = viewer.oversight() ? DSL.noCondition() : INTENTS.INVESTOR.eq(viewer.participantId());
        return dsl.selectFrom(INTENTS).where(mine, INTENTS.INTENT_ID.eq(intentId)).fetchOptional(IntentReads::intent);
    }

    /** The match proposals {@code viewer} may see, optionally of one status, in id order. */
    public List<MatchView> matches(ListingViewer viewer, Optional<String> status, Page page) {
        Condition matching = visibleTo(viewer).and(MATCH_PROPOSALS.MATCH_ID.gt(page.after()));
        matching = status.map(MATCH_PROPOSALS.STATUS::eq).map(matching::and).orElse(matching);
        return withParties().where(matching).orderBy(MATCH_PROPOSALS.MATCH_ID).limit(page.limit())
                .fetch(IntentReads::match);
    }

    public Optional<MatchView> match(ListingViewer viewer, long matchId) {
        return withParties().where(visibleTo(viewer), MATCH_PROPOSALS.MATCH_ID.eq(matchId)).fetchOptional(IntentReads::match);
    }

    private SelectOnConditionStep<Record> withParties() {
        return dsl.select(MATCH_PROPOSALS.fields()).select(OFFERS.HOLDER, OFFERS.FUND_CODE, INTENTS.INVESTOR)
                .from(MATCH_PROPOSALS)
                .join(OFFERS).on(OFFERS.OFFER_ID.eq(MATCH_PROPOSALS.OFFER_ID))
                .join(INTENTS).on(INTENTS.INTENT_ID.eq(MATCH_PROPOSALS.INTENT_ID));
    }

    private static Condition visibleTo(ListingViewer viewer) {
        if (viewer.oversight()) {
            return DSL.noCondition();
        }
        String me = viewer.participantId();
        return MATCH_PROPOSALS.BROKERED_INDEX.isNotNull().and(OFFERS.HOLDER.eq(me).or(INTENTS.INVESTOR.eq(me)));
    }

    private static IntentView intent(IntentsRecord r) {
        List<String> fundCodes = r.getFundCodes() == null ? List.of() : List.of(r.getFundCodes().split(","));
        return new IntentView(r.getIntentId(), r.getInvestor(), fundCodes, strategies(r.getStrategies()),
                r.getVintageFrom(), r.getVintageTo(), r.getCurrency(), r.getManager(), r.getLegalForm(),
                scaled(r.getMinAmount(), Money.SCALE), scaled(r.getMaxAmount(), Money.SCALE), r.getMaxPercentOfNavBp(),
                r.getExpiresAt(), r.getStatus(), r.getAmendedIndex(), r.getClosedIndex());
    }

    private static List<String> strategies(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return JournalCodec.mapper().readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("intent strategies are not a JSON array: " + json, e);
        }
    }

    private static MatchView match(Record row) {
        var r = row.into(MATCH_PROPOSALS);
        return new MatchView(r.getMatchId(), r.getOfferId(), r.getIntentId(), row.get(OFFERS.FUND_CODE),
                row.get(OFFERS.HOLDER), row.get(INTENTS.INVESTOR), r.getMatchRank(), scaled(r.getUnits(), Units.SCALE),
                scaled(r.getPrice(), Price.SCALE), scaled(r.getAmount(), Money.SCALE), r.getPercentOfNavBp(),
                r.getSurplusBp(), r.getStatus(), r.getInvestorPseudonym(), r.getBrokeredBy(), r.getBrokeredIndex(),
                Boolean.TRUE.equals(r.getHolderAccepted()), Boolean.TRUE.equals(r.getInvestorAccepted()), r.getClosedBy(),
                r.getProposedIndex(), r.getClosedIndex());
    }
}
