package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.APPRAISALS;
import static fundexchange.registry.schema.Tables.PARTICIPANTS;
import static fundexchange.registry.schema.Tables.STATE_OWNED_DISCLOSURES;
import static fundexchange.registry.schema.Tables.STATE_OWNED_RESULTS;

import fundexchange.protocol.event.AppraisalRegistered;
import fundexchange.protocol.event.DisclosureOpened;
import fundexchange.protocol.event.ReserveApprovalRecorded;
import fundexchange.protocol.event.ResultAnnounced;
import fundexchange.protocol.event.StateOwnedEvent;
import fundexchange.protocol.event.StateOwnedSet;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;

/**
 * State-owned holders (V18): the flag on {@code participants}, the appraisals with their reserve approvals, and the
 * public disclosures and results. Like {@link EventProjection} it never decides: a missing row halts the projector.
 */
final class StateOwnedProjection {
    private static final String AREA = "state-owned";
    private static final List<String> KEY = List.of(AREA);
    private final DSLContext tx;
    private final StatementBatch batch;

    StateOwnedProjection(DSLContext tx, StatementBatch batch) {
        this.tx = tx;
        this.batch = batch;
    }

    void apply(StateOwnedEvent event, long index, long time) {
        switch (event) {
            case StateOwnedSet e -> batch.one(tx.update(PARTICIPANTS).set(PARTICIPANTS.STATE_OWNED, e.stateOwned())
                    .where(PARTICIPANTS.ID.eq(e.participantId())), "participant " + e.participantId(),
                    EventProjection.participant(e.participantId()));
            case AppraisalRegistered e -> registered(e, time);
            case ReserveApprovalRecorded e -> batch.one(tx.update(APPRAISALS)
                    .set(APPRAISALS.APPROVAL_MINIMUM_PRICE, e.minimumPrice().decimal())
                    .set(APPRAISALS.APPROVAL_REFERENCE, e.approvalReference())
                    .set(APPRAISALS.APPROVAL_PROPOSAL_ID, e.proposalId())
                    .where(APPRAISALS.APPRAISAL_ID.eq(e.appraisalId())), "appraisal " + e.appraisalId(), AREA);
            case DisclosureOpened e -> batch.insert(tx.insertInto(STATE_OWNED_DISCLOSURES)
                    .set(STATE_OWNED_DISCLOSURES.LISTING_ID, e.listingId())
                    .set(STATE_OWNED_DISCLOSURES.FUND_CODE, e.fundCode())
                    .set(STATE_OWNED_DISCLOSURES.APPRAISAL_ID, e.appraisalId())
                    .set(STATE_OWNED_DISCLOSURES.MECHANISM, e.mechanism().name())
                    .set(STATE_OWNED_DISCLOSURES.UNITS, e.units().decimal())
                    .set(STATE_OWNED_DISCLOSURES.PRICE, e.price().decimal())
                    .set(STATE_OWNED_DISCLOSURES.APPRAISED_PRICE, e.appraisedPrice().decimal())
                    .set(STATE_OWNED_DISCLOSURES.OPENED_AT, e.openedAt())
                    .set(STATE_OWNED_DISCLOSURES.DEALS_FROM, e.dealsFrom())
                    .set(STATE_OWNED_DISCLOSURES.ENDS_AT, e.endsAt())
                    .set(STATE_OWNED_DISCLOSURES.SOURCE_INDEX, index), KEY, EventProjection.listing(e.listingId()));
            case ResultAnnounced e -> batch.insert(tx.insertInto(STATE_OWNED_RESULTS)
                    .set(STATE_OWNED_RESULTS.TRADE_ID, e.tradeId())
                    .set(STATE_OWNED_RESULTS.LISTING_ID, e.listingId())
                    .set(STATE_OWNED_RESULTS.FUND_CODE, e.fundCode())
                    .set(STATE_OWNED_RESULTS.MECHANISM, e.mechanism().name())
                    .set(STATE_OWNED_RESULTS.UNITS, e.units().decimal())
                    .set(STATE_OWNED_RESULTS.PRICE, e.price().decimal())
                    .set(STATE_OWNED_RESULTS.CONSIDERATION, e.consideration().decimal())
                    .set(STATE_OWNED_RESULTS.APPRAISED_PRICE, e.appraisedPrice().decimal())
                    .set(STATE_OWNED_RESULTS.ANNOUNCED_AT, time)
                    .set(STATE_OWNED_RESULTS.SOURCE_INDEX, index), KEY, EventProjection.trade(e.tradeId()));
        }
    }

    /** A new appraisal replaces the holder's current one of the fund. */
    private void registered(AppraisalRegistered e, long time) {
        batch.rows(tx.update(APPRAISALS).set(APPRAISALS.IS_CURRENT, false)
                .where(APPRAISALS.FUND_CODE.eq(e.fundCode()), APPRAISALS.HOLDER.eq(e.holder()), APPRAISALS.IS_CURRENT.isTrue()),
                StatementBatch.ANY, "current appraisal", KEY);
        batch.insert(tx.insertInto(APPRAISALS)
                .set(APPRAISALS.APPRAISAL_ID, e.appraisalId())
                .set(APPRAISALS.FUND_CODE, e.fundCode())
                .set(APPRAISALS.HOLDER, e.holder())
                .set(APPRAISALS.APPRAISED_VALUE, e.value().decimal())
                .set(APPRAISALS.UNITS, e.units().decimal())
                .set(APPRAISALS.PRICE_PER_UNIT, e.pricePerUnit().decimal())
                .set(APPRAISALS.FILING_REFERENCE, e.filingReference())
                .set(APPRAISALS.VALID_UNTIL, LocalDate.parse(e.validUntil()))
                .set(APPRAISALS.REGISTERED_AT, time)
                .set(APPRAISALS.IS_CURRENT, true), KEY, EventProjection.fund(e.fundCode()),
                EventProjection.participant(e.holder()));
    }
}
