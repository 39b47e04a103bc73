package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.TRANSFER_NOTICES;
import static fundexchange.registry.schema.Tables.TRANSFER_NOTICE_ANSWERS;
import static fundexchange.registry.schema.Tables.TRANSFER_NOTICE_RECIPIENTS;
import static fundexchange.registry.schema.Tables.TRANSFER_TERMS;

import fundexchange.protocol.event.AuctionAwardedConditionally;
import fundexchange.protocol.event.AuctionMatchResolved;
import fundexchange.protocol.event.TransferNoticeAnswered;
import fundexchange.protocol.event.TransferNoticeIssued;
import fundexchange.protocol.event.TransferNoticeResolved;
import fundexchange.protocol.event.TransferTermsSet;
import fundexchange.protocol.transfer.Allocation;
import fundexchange.protocol.transfer.PriorityOrder;
import fundexchange.protocol.transfer.TransferTerms;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Consent and first refusal (V18_1, times V20): each fund's transfer terms, the notices listings give, who they went to, every
 * answer with its index, and each notice's resolution with its allotments, so the audit trail shows who was notified
 * and who answered when.
 */
final class NoticeProjection {
    private final DSLContext tx;
    private final StatementBatch batch;

    NoticeProjection(DSLContext tx, StatementBatch batch) {
        this.tx = tx;
        this.batch = batch;
    }

    private static String notice(long listingId) {
        return "TransferNotice:" + listingId;
    }

    void terms(TransferTermsSet e, long index) {
        TransferTerms t = e.terms();
        String affiliates = t.affiliates().stream().map(a -> a.holder() + ">" + a.affiliate()).collect(Collectors.joining(","));
        var insert = tx.insertInto(TRANSFER_TERMS)
                .set(TRANSFER_TERMS.FUND_CODE, t.fundCode())
                .set(TRANSFER_TERMS.MANAGER, t.manager())
                .set(TRANSFER_TERMS.CONSENT_REQUIRED, t.consentRequired())
                .set(TRANSFER_TERMS.CONSENT_ON_SILENCE, t.consentOnSilence().name())
                .set(TRANSFER_TERMS.PRIORITY, t.priority().name())
                .set(TRANSFER_TERMS.NOTICE_DAYS, t.noticeDays())
                .set(TRANSFER_TERMS.MATCH_DAYS, t.matchDays())
                .set(TRANSFER_TERMS.AFFILIATES, affiliates)
                .set(TRANSFER_TERMS.DOCUMENT_DIGEST, t.documentDigest())
                .set(TRANSFER_TERMS.SOURCE_INDEX, index)
                .onConflict(TRANSFER_TERMS.FUND_CODE).doUpdate()
                .set(TRANSFER_TERMS.MANAGER, t.manager())
                .set(TRANSFER_TERMS.CONSENT_REQUIRED, t.consentRequired())
                .set(TRANSFER_TERMS.CONSENT_ON_SILENCE, t.consentOnSilence().name())
                .set(TRANSFER_TERMS.PRIORITY, t.priority().name())
                .set(TRANSFER_TERMS.NOTICE_DAYS, t.noticeDays())
                .set(TRANSFER_TERMS.MATCH_DAYS, t.matchDays())
                .set(TRANSFER_TERMS.AFFILIATES, affiliates)
                .set(TRANSFER_TERMS.DOCUMENT_DIGEST, t.documentDigest())
                .set(TRANSFER_TERMS.SOURCE_INDEX, index);
        if (t.manager() == null) {
            batch.insert(insert, List.of("TransferTerms:" + t.fundCode()), EventProjection.fund(t.fundCode()));
        } else {
            batch.insert(insert, List.of("TransferTerms:" + t.fundCode()), EventProjection.fund(t.fundCode()),
                    EventProjection.participant(t.manager()));
        }
    }

    void issued(TransferNoticeIssued e, long index, long time) {
        batch.insert(tx.insertInto(TRANSFER_NOTICES)
                .set(TRANSFER_NOTICES.LISTING_ID, e.listingId())
                .set(TRANSFER_NOTICES.FUND_CODE, e.fundCode())
                .set(TRANSFER_NOTICES.TRANSFEROR, e.transferor())
                .set(TRANSFER_NOTICES.BUYER, e.buyer())
                .set(TRANSFER_NOTICES.MANAGER, e.manager())
                .set(TRANSFER_NOTICES.UNITS, e.units().decimal())
                .set(TRANSFER_NOTICES.PRICE, e.price().decimal())
                .set(TRANSFER_NOTICES.CONSENT_REQUIRED, e.consentRequired())
                .set(TRANSFER_NOTICES.PRIORITY, e.priority().name())
                .set(TRANSFER_NOTICES.ATTESTATION_REQUIRED, e.attestationRequired())
                .set(TRANSFER_NOTICES.ANSWER_BY, e.answerBy())
                .set(TRANSFER_NOTICES.ISSUED_INDEX, index)
                .set(TRANSFER_NOTICES.ISSUED_AT, time)
                .set(TRANSFER_NOTICES.MATCH_AFTER_CLOSE, e.matchAfterClose()),
                List.of(notice(e.listingId())), EventProjection.listing(e.listingId()));
        boolean managerHolds = false;
        for (TransferNoticeIssued.NoticeHolder holder : e.holders()) {
            managerHolds |= holder.holder().equals(e.manager());
            recipient(e.listingId(), holder.holder(), holder.units().decimal());
        }
        if (e.manager() != null && !managerHolds && !e.manager().equals(e.transferor())) {
            recipient(e.listingId(), e.manager(), null);
        }
    }

    private void recipient(long listingId, String participant, java.math.BigDecimal units) {
        batch.insert(tx.insertInto(TRANSFER_NOTICE_RECIPIENTS)
                .set(TRANSFER_NOTICE_RECIPIENTS.LISTING_ID, listingId)
                .set(TRANSFER_NOTICE_RECIPIENTS.PARTICIPANT_ID, participant)
                .set(TRANSFER_NOTICE_RECIPIENTS.UNITS_AT_NOTICE, units),
                List.of("NR:" + listingId + "|" + participant), notice(listingId), EventProjection.participant(participant));
    }

    void answered(TransferNoticeAnswered e, long index, long time) {
        batch.insert(tx.insertInto(TRANSFER_NOTICE_ANSWERS)
                .set(TRANSFER_NOTICE_ANSWERS.LISTING_ID, e.listingId())
                .set(TRANSFER_NOTICE_ANSWERS.ANSWERED_INDEX, index)
                .set(TRANSFER_NOTICE_ANSWERS.PARTICIPANT_ID, e.participant())
                .set(TRANSFER_NOTICE_ANSWERS.ANSWER, e.answer().name())
                .set(TRANSFER_NOTICE_ANSWERS.UNITS, e.units() == null ? null : e.units().decimal())
                .set(TRANSFER_NOTICE_ANSWERS.EVIDENCE_DIGEST, e.evidenceDigest())
                .set(TRANSFER_NOTICE_ANSWERS.ANSWERED_AT, time),
                List.of("NA:" + e.listingId() + "|" + index), notice(e.listingId()), EventProjection.participant(e.participant()));
    }

    void resolved(TransferNoticeResolved e, long index, long time) {
        batch.one(tx.update(TRANSFER_NOTICES)
                .set(TRANSFER_NOTICES.CONSENT_OUTCOME, e.consent().name())
                .set(TRANSFER_NOTICES.UNITS_LEFT, e.unitsLeft().decimal())
                .set(TRANSFER_NOTICES.SILENT, String.join(",", e.silent()))
                .set(TRANSFER_NOTICES.RESOLVED_INDEX, index)
                .set(TRANSFER_NOTICES.RESOLVED_AT, time)
                .where(TRANSFER_NOTICES.LISTING_ID.eq(e.listingId())), "transfer notice " + e.listingId(), notice(e.listingId()));
        for (Allocation line : e.allocations()) {
            batch.one(tx.update(TRANSFER_NOTICE_RECIPIENTS)
                    .set(TRANSFER_NOTICE_RECIPIENTS.REQUESTED, line.requested().decimal())
                    .set(TRANSFER_NOTICE_RECIPIENTS.ALLOCATED, line.allocated().decimal())
                    .set(TRANSFER_NOTICE_RECIPIENTS.REFUSED_CODE, line.refusedCode() == 0 ? null : line.refusedCode())
                    .where(TRANSFER_NOTICE_RECIPIENTS.LISTING_ID.eq(e.listingId()),
                            TRANSFER_NOTICE_RECIPIENTS.PARTICIPANT_ID.eq(line.holder())),
                    "recipient " + line.holder() + " of notice " + e.listingId(), "NR:" + e.listingId() + "|" + line.holder());
        }
    }

    /**
     * An auction's conditional award: on its notice row, made here (its consent stage NOT_REQUIRED) when the auction
     * gave no notice before it opened; the holders asked to match become recipients with their units at the close.
     */
    void awarded(AuctionAwardedConditionally e, long index, long time) {
        batch.insert(tx.insertInto(TRANSFER_NOTICES)
                .set(TRANSFER_NOTICES.LISTING_ID, e.listingId())
                .set(TRANSFER_NOTICES.FUND_CODE, e.fundCode())
                .set(TRANSFER_NOTICES.TRANSFEROR, e.seller())
                .set(TRANSFER_NOTICES.MANAGER, e.manager())
                .set(TRANSFER_NOTICES.UNITS, e.units().decimal())
                .set(TRANSFER_NOTICES.PRICE, e.clearingPrice().decimal())
                .set(TRANSFER_NOTICES.CONSENT_REQUIRED, false)
                .set(TRANSFER_NOTICES.PRIORITY, e.priority().name())
                .set(TRANSFER_NOTICES.ATTESTATION_REQUIRED, false)
                .set(TRANSFER_NOTICES.ANSWER_BY, e.matchBy())
                .set(TRANSFER_NOTICES.ISSUED_INDEX, index)
                .set(TRANSFER_NOTICES.ISSUED_AT, time)
                .set(TRANSFER_NOTICES.CONSENT_OUTCOME, "NOT_REQUIRED")
                .set(TRANSFER_NOTICES.UNITS_LEFT, e.units().decimal())
                .set(TRANSFER_NOTICES.SILENT, "")
                .set(TRANSFER_NOTICES.RESOLVED_INDEX, index)
                .set(TRANSFER_NOTICES.RESOLVED_AT, time)
                .set(TRANSFER_NOTICES.MATCH_AFTER_CLOSE, true)
                .set(TRANSFER_NOTICES.WINNER, e.winner())
                .set(TRANSFER_NOTICES.WINNING_BID_ID, e.winningBidId())
                .set(TRANSFER_NOTICES.CLEARING_PRICE, e.clearingPrice().decimal())
                .set(TRANSFER_NOTICES.MATCH_BY, e.matchBy())
                .set(TRANSFER_NOTICES.AWARDED_INDEX, index)
                .set(TRANSFER_NOTICES.AWARDED_AT, time)
                .onConflict(TRANSFER_NOTICES.LISTING_ID).doUpdate()
                .set(TRANSFER_NOTICES.WINNER, e.winner())
                .set(TRANSFER_NOTICES.WINNING_BID_ID, e.winningBidId())
                .set(TRANSFER_NOTICES.CLEARING_PRICE, e.clearingPrice().decimal())
                .set(TRANSFER_NOTICES.MATCH_BY, e.matchBy())
                .set(TRANSFER_NOTICES.AWARDED_INDEX, index)
                .set(TRANSFER_NOTICES.AWARDED_AT, time),
                List.of(notice(e.listingId())), EventProjection.listing(e.listingId()));
        boolean managerFirst = e.priority() == PriorityOrder.MANAGER_FIRST_THEN_PRO_RATA && e.manager() != null
                && !e.manager().equals(e.seller()) && !e.manager().equals(e.winner());
        if (managerFirst) {
            closeRecipient(e.listingId(), e.manager(), null);
        }
        for (TransferNoticeIssued.NoticeHolder holder : e.holders()) {
            closeRecipient(e.listingId(), holder.holder(), holder.units().decimal());
        }
    }

    private void closeRecipient(long listingId, String participant, java.math.BigDecimal units) {
        batch.insert(tx.insertInto(TRANSFER_NOTICE_RECIPIENTS)
                .set(TRANSFER_NOTICE_RECIPIENTS.LISTING_ID, listingId)
                .set(TRANSFER_NOTICE_RECIPIENTS.PARTICIPANT_ID, participant)
                .set(TRANSFER_NOTICE_RECIPIENTS.UNITS_AT_CLOSE, units)
                .onConflict(TRANSFER_NOTICE_RECIPIENTS.LISTING_ID, TRANSFER_NOTICE_RECIPIENTS.PARTICIPANT_ID).doUpdate()
                .set(TRANSFER_NOTICE_RECIPIENTS.UNITS_AT_CLOSE, units),
                List.of("NR:" + listingId + "|" + participant), notice(listingId), EventProjection.participant(participant));
    }

    void matchResolved(AuctionMatchResolved e, long index, long time) {
        batch.one(tx.update(TRANSFER_NOTICES)
                .set(TRANSFER_NOTICES.WINNER_UNITS, e.winnerUnits().decimal())
                .set(TRANSFER_NOTICES.MATCH_SILENT, String.join(",", e.silent()))
                .set(TRANSFER_NOTICES.MATCH_RESOLVED_INDEX, index)
                .set(TRANSFER_NOTICES.MATCH_RESOLVED_AT, time)
                .where(TRANSFER_NOTICES.LISTING_ID.eq(e.listingId())), "transfer notice " + e.listingId(), notice(e.listingId()));
        for (Allocation line : e.allocations()) {
            batch.one(tx.update(TRANSFER_NOTICE_RECIPIENTS)
                    .set(TRANSFER_NOTICE_RECIPIENTS.MATCH_REQUESTED, line.requested().decimal())
                    .set(TRANSFER_NOTICE_RECIPIENTS.MATCH_ALLOCATED, line.allocated().decimal())
                    .set(TRANSFER_NOTICE_RECIPIENTS.MATCH_REFUSED_CODE, line.refusedCode() == 0 ? null : line.refusedCode())
                    .where(TRANSFER_NOTICE_RECIPIENTS.LISTING_ID.eq(e.listingId()),
                            TRANSFER_NOTICE_RECIPIENTS.PARTICIPANT_ID.eq(line.holder())),
                    "recipient " + line.holder() + " of auction match " + e.listingId(), "NR:" + e.listingId() + "|" + line.holder());
        }
    }
}
