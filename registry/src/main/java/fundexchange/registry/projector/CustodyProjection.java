package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.CUSTODY_ENTRIES;
import static fundexchange.registry.schema.Tables.CUSTODY_REGISTRATIONS;
import static fundexchange.registry.schema.Tables.FREEZES;
import static fundexchange.registry.schema.Tables.PLATFORM_PARAMETERS;
import static fundexchange.registry.schema.Tables.PLEDGES;
import static fundexchange.registry.schema.Tables.QUALIFICATION_RECORDS;

import fundexchange.protocol.custody.CustodyEntry;
import fundexchange.protocol.event.CustodyApproved;
import fundexchange.protocol.event.CustodyRejected;
import fundexchange.protocol.event.CustodySubmitted;
import fundexchange.protocol.event.HoldingConfirmed;
import fundexchange.protocol.event.PlatformParameterSet;
import fundexchange.protocol.event.PledgeRegistered;
import fundexchange.protocol.event.PledgeReleased;
import fundexchange.protocol.event.QualificationSet;
import fundexchange.protocol.event.UnitsFrozen;
import fundexchange.protocol.event.UnitsUnfrozen;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.reference.CustodyMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Custody registrations, holding confirmations, pledges, freezes, qualification records and platform parameters.
 * Like {@link EventProjection} it never decides: a missing row or a broken constraint halts the projector.
 */
final class CustodyProjection {
    /** The one {@link StatementBatch} row key of these tables: their statements keep their journal order. */
    private static final String AREA = "custody";
    private static final List<String> KEY = List.of(AREA);
    private final DSLContext tx;
    private final StatementBatch batch;
    private final HoldingChanges holdings;

    CustodyProjection(DSLContext tx, StatementBatch batch, HoldingChanges holdings) {
        this.tx = tx;
        this.batch = batch;
        this.holdings = holdings;
    }

    void submitted(CustodySubmitted e) {
        batch.insert(tx.insertInto(CUSTODY_REGISTRATIONS)
                .set(CUSTODY_REGISTRATIONS.CUSTODY_ID, e.custodyId())
                .set(CUSTODY_REGISTRATIONS.FUND_CODE, e.fundCode())
                .set(CUSTODY_REGISTRATIONS.MODE, e.mode().name())
                .set(CUSTODY_REGISTRATIONS.SUBMITTED_BY, e.submittedBy())
                .set(CUSTODY_REGISTRATIONS.DOCUMENT_DIGEST, e.documentDigest())
                .set(CUSTODY_REGISTRATIONS.STATUS, "PENDING_APPROVAL"), KEY, EventProjection.fund(e.fundCode()));
        for (CustodyEntry entry : e.entries()) {
            batch.insert(tx.insertInto(CUSTODY_ENTRIES)
                    .set(CUSTODY_ENTRIES.CUSTODY_ID, e.custodyId())
                    .set(CUSTODY_ENTRIES.HOLDER, entry.holder())
                    .set(CUSTODY_ENTRIES.UNITS, entry.units().decimal())
                    .set(CUSTODY_ENTRIES.SUBSCRIBED, entry.subscribed().decimal())
                    .set(CUSTODY_ENTRIES.PAID_IN, entry.paidIn().decimal())
                    .set(CUSTODY_ENTRIES.COST, entry.cost().decimal()), KEY);
        }
    }

    /** The deposits follow as UnitsDeposited events; a PARTIAL line needs no confirmation, so it is confirmed now. */
    void approved(CustodyApproved e, long index) {
        String mode = decided(e.custodyId(), "APPROVED", e.approvedBy(), index, null);
        if (CustodyMode.PARTIAL.name().equals(mode)) {
            batch.rows(tx.update(CUSTODY_ENTRIES).set(CUSTODY_ENTRIES.CONFIRMED_INDEX, index)
                    .where(CUSTODY_ENTRIES.CUSTODY_ID.eq(e.custodyId())), StatementBatch.ANY, "custody entries", KEY);
        }
    }

    void rejected(CustodyRejected e, long index) {
        decided(e.custodyId(), "REJECTED", e.rejectedBy(), index, e.reason());
    }

    void confirmed(HoldingConfirmed e, long index) {
        batch.one(tx.update(CUSTODY_ENTRIES).set(CUSTODY_ENTRIES.CONFIRMED_INDEX, index)
                .where(CUSTODY_ENTRIES.CUSTODY_ID.eq(e.custodyId()), CUSTODY_ENTRIES.HOLDER.eq(e.holder()),
                        CUSTODY_ENTRIES.CONFIRMED_INDEX.isNull()),
                "unconfirmed line of " + e.holder() + " in custody registration " + e.custodyId(), AREA);
        encumber(e.fundCode(), e.holder(), HoldingChanges.Column.UNCONFIRMED, e.units().decimal().negate());
    }

    void pledged(PledgeRegistered e) {
        batch.insert(tx.insertInto(PLEDGES)
                .set(PLEDGES.PLEDGE_ID, e.pledgeId())
                .set(PLEDGES.FUND_CODE, e.fundCode())
                .set(PLEDGES.HOLDER, e.holder())
                .set(PLEDGES.UNITS, e.units().decimal())
                .set(PLEDGES.PLEDGEE, e.pledgee())
                .set(PLEDGES.SECURED_AMOUNT, e.securedAmount() == null ? null : e.securedAmount().decimal())
                .set(PLEDGES.DOCUMENT_DIGEST, e.documentDigest())
                .set(PLEDGES.STATUS, "ACTIVE"), KEY, EventProjection.fund(e.fundCode()), EventProjection.participant(e.holder()));
        encumber(e.fundCode(), e.holder(), HoldingChanges.Column.PLEDGED, e.units().decimal());
    }

    void released(PledgeReleased e, long index) {
        batch.one(tx.update(PLEDGES)
                .set(PLEDGES.STATUS, "RELEASED")
                .set(PLEDGES.RELEASED_INDEX, index)
                .set(PLEDGES.RELEASED_BY, e.releasedBy())
                .where(PLEDGES.PLEDGE_ID.eq(e.pledgeId()), PLEDGES.STATUS.eq("ACTIVE")), "active pledge " + e.pledgeId(), AREA);
        encumber(e.fundCode(), e.holder(), HoldingChanges.Column.PLEDGED, e.units().decimal().negate());
    }

    void frozen(UnitsFrozen e, long index) {
        batch.insert(tx.insertInto(FREEZES)
                .set(FREEZES.FREEZE_ID, e.freezeId())
                .set(FREEZES.FUND_CODE, e.fundCode())
                .set(FREEZES.HOLDER, e.holder())
                .set(FREEZES.UNITS, e.units().decimal())
                .set(FREEZES.AUTHORITY, e.authority())
                .set(FREEZES.CASE_NUMBER, e.caseNumber())
                .set(FREEZES.DOCUMENT_DIGEST, e.documentDigest())
                .set(FREEZES.STATUS, "ACTIVE")
                .set(FREEZES.FROZEN_INDEX, index), KEY, EventProjection.fund(e.fundCode()), EventProjection.participant(e.holder()));
        encumber(e.fundCode(), e.holder(), HoldingChanges.Column.FROZEN, e.units().decimal());
    }

    void unfrozen(UnitsUnfrozen e, long index) {
        batch.one(tx.update(FREEZES)
                .set(FREEZES.STATUS, "LIFTED")
                .set(FREEZES.LIFTED_INDEX, index)
                .set(FREEZES.LIFT_REASON, e.reason())
                .where(FREEZES.FREEZE_ID.eq(e.freezeId()), FREEZES.STATUS.eq("ACTIVE")), "active freeze " + e.freezeId(), AREA);
        encumber(e.fundCode(), e.holder(), HoldingChanges.Column.FROZEN, e.units().decimal().negate());
    }

    void qualification(QualificationSet e, long index) {
        batch.insert(tx.insertInto(QUALIFICATION_RECORDS)
                .set(QUALIFICATION_RECORDS.PARTICIPANT_ID, e.participantId())
                .set(QUALIFICATION_RECORDS.SOURCE_INDEX, index)
                .set(QUALIFICATION_RECORDS.STATUS, e.status().name())
                .set(QUALIFICATION_RECORDS.VALID_UNTIL, e.validUntil() == null ? null : LocalDate.parse(e.validUntil()))
                .set(QUALIFICATION_RECORDS.BASIS, e.basis() == null ? null : e.basis().name())
                .set(QUALIFICATION_RECORDS.DEEMED_CATEGORY, e.deemedCategory() == null ? null : e.deemedCategory().name())
                .set(QUALIFICATION_RECORDS.NET_ASSETS, decimal(e.netAssets()))
                .set(QUALIFICATION_RECORDS.FINANCIAL_ASSETS, decimal(e.financialAssets()))
                .set(QUALIFICATION_RECORDS.AVERAGE_INCOME, decimal(e.averageIncome()))
                .set(QUALIFICATION_RECORDS.EVIDENCE_DIGEST, e.evidenceDigest())
                .set(QUALIFICATION_RECORDS.VERIFIED_BY, e.verifiedBy()), KEY, EventProjection.participant(e.participantId()));
    }

    void parameter(PlatformParameterSet e, long index) {
        batch.insert(tx.insertInto(PLATFORM_PARAMETERS)
                .set(PLATFORM_PARAMETERS.NAME, e.name())
                .set(PLATFORM_PARAMETERS.VALUE, e.value())
                .set(PLATFORM_PARAMETERS.SET_AT_INDEX, index)
                .onConflict(PLATFORM_PARAMETERS.NAME)
                .doUpdate()
                .set(PLATFORM_PARAMETERS.VALUE, e.value())
                .set(PLATFORM_PARAMETERS.SET_AT_INDEX, index), KEY);
    }

    /** Returns the registration's mode. */
    private String decided(long custodyId, String status, String by, long index, String reason) {
        batch.flush(); // the registration may still be queued
        String mode = tx.update(CUSTODY_REGISTRATIONS)
                .set(CUSTODY_REGISTRATIONS.STATUS, status)
                .set(CUSTODY_REGISTRATIONS.DECIDED_BY, by)
                .set(CUSTODY_REGISTRATIONS.DECIDED_INDEX, index)
                .set(CUSTODY_REGISTRATIONS.REASON, reason)
                .where(CUSTODY_REGISTRATIONS.CUSTODY_ID.eq(custodyId), CUSTODY_REGISTRATIONS.STATUS.eq("PENDING_APPROVAL"))
                .returning(CUSTODY_REGISTRATIONS.MODE)
                .fetchOne(CUSTODY_REGISTRATIONS.MODE);
        if (mode == null) {
            throw new IllegalStateException("no pending custody registration " + custodyId + " in the registry");
        }
        return mode;
    }

    private void encumber(String fundCode, String holder, HoldingChanges.Column column, BigDecimal delta) {
        holdings.change(fundCode, holder, column, delta);
    }

    private static BigDecimal decimal(Money amount) {
        return amount == null ? null : amount.decimal();
    }
}
