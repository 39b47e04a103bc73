package fundexchange.registry.read;

import static fundexchange.registry.schema.Tables.APPRAISALS;
import static fundexchange.registry.schema.Tables.LISTINGS;
import static fundexchange.registry.schema.Tables.PARTICIPANTS;
import static fundexchange.registry.schema.Tables.STATE_OWNED_DISCLOSURES;
import static fundexchange.registry.schema.Tables.STATE_OWNED_RESULTS;

import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The state-owned holders' registry (V18): the public disclosures and results, which name no participant, for
 * anyone; the flagged holders and appraisals, for the holder itself and oversight (the gateway checks who asks).
 */
public final class StateOwnedReads {
    private final DSLContext dsl;

    StateOwnedReads(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Public disclosures, a page in listing id order, optionally of one fund, with the listing's status now. */
    public List<DisclosureView> disclosures(Optional<String> fundCode, Page page) {
        Condition matching = STATE_OWNED_DISCLOSURES.LISTING_ID.gt(page.after());
        matching = fundCode.map(STATE_OWNED_DISCLOSURES.FUND_CODE::eq).map(matching::and).orElse(matching);
        return dsl.select(STATE_OWNED_DISCLOSURES.LISTING_ID, STATE_OWNED_DISCLOSURES.FUND_CODE,
                        STATE_OWNED_DISCLOSURES.MECHANISM, STATE_OWNED_DISCLOSURES.UNITS, STATE_OWNED_DISCLOSURES.PRICE,
                        STATE_OWNED_DISCLOSURES.APPRAISED_PRICE, STATE_OWNED_DISCLOSURES.OPENED_AT,
                        STATE_OWNED_DISCLOSURES.DEALS_FROM, STATE_OWNED_DISCLOSURES.ENDS_AT, LISTINGS.STATUS)
                .from(STATE_OWNED_DISCLOSURES)
                .join(LISTINGS).on(LISTINGS.LISTING_ID.eq(STATE_OWNED_DISCLOSURES.LISTING_ID))
                .where(matching)
                .orderBy(STATE_OWNED_DISCLOSURES.LISTING_ID)
                .limit(page.limit())
                .fetch(r -> new DisclosureView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10()));
    }

    /** Published results, a page in trade id order, optionally of one fund. */
    public List<ResultView> results(Optional<String> fundCode, Page page) {
        Condition matching = STATE_OWNED_RESULTS.TRADE_ID.gt(page.after());
        matching = fundCode.map(STATE_OWNED_RESULTS.FUND_CODE::eq).map(matching::and).orElse(matching);
        return dsl.selectFrom(STATE_OWNED_RESULTS).where(matching).orderBy(STATE_OWNED_RESULTS.TRADE_ID).limit(page.limit())
                .fetch(r -> new ResultView(r.getTradeId(), r.getListingId(), r.getFundCode(), r.getMechanism(), r.getUnits(),
                        r.getPrice(), r.getConsideration(), r.getAppraisedPrice(), r.getAnnouncedAt()));
    }

    /** Appraisals, a page in appraisal id order: of one holder (empty: every holder's), current ones only if asked. */
    public List<AppraisalView> appraisals(Optional<String> holder, boolean currentOnly, Page page) {
        Condition matching = APPRAISALS.APPRAISAL_ID.gt(page.after());
        matching = holder.map(APPRAISALS.HOLDER::eq).map(matching::and).orElse(matching);
        matching = currentOnly ? matching.and(APPRAISALS.IS_CURRENT.isTrue()) : matching;
        return dsl.selectFrom(APPRAISALS).where(matching).orderBy(APPRAISALS.APPRAISAL_ID).limit(page.limit())
                .fetch(r -> new AppraisalView(r.getAppraisalId(), r.getFundCode(), r.getHolder(), r.getAppraisedValue(),
                        r.getUnits(), r.getPricePerUnit(), r.getFilingReference(), r.getValidUntil().toString(),
                        r.getRegisteredAt(), r.getIsCurrent(), r.getApprovalMinimumPrice(), r.getApprovalReference(),
                        r.getApprovalProposalId()));
    }

    /** The participants flagged state-owned now, in id order. */
    public List<String> holders() {
        return dsl.select(PARTICIPANTS.ID).from(PARTICIPANTS).where(PARTICIPANTS.STATE_OWNED.isTrue())
                .orderBy(PARTICIPANTS.ID).fetch(PARTICIPANTS.ID);
    }

    /** Whether {@code participantId} is flagged state-owned now. */
    public boolean stateOwned(String participantId) {
        return dsl.fetchExists(DSL.selectOne().from(PARTICIPANTS)
                .where(PARTICIPANTS.ID.eq(participantId), PARTICIPANTS.STATE_OWNED.isTrue()));
    }
}
