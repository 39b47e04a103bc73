package fundexchange.registry.read;

import static fundexchange.registry.schema.Tables.CUSTODY_ENTRIES;
import static fundexchange.registry.schema.Tables.CUSTODY_REGISTRATIONS;
import static fundexchange.registry.schema.Tables.FREEZES;
import static fundexchange.registry.schema.Tables.PARTICIPANTS;
import static fundexchange.registry.schema.Tables.PLEDGES;
import static fundexchange.registry.schema.Tables.QUALIFICATION_RECORDS;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.RegistryParameters;
import fundexchange.registry.schema.tables.records.CustodyRegistrationsRecord;
import fundexchange.registry.schema.tables.records.FreezesRecord;
import fundexchange.registry.schema.tables.records.PledgesRecord;
import fundexchange.registry.schema.tables.records.QualificationRecordsRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** {@link RegistryReads}' queries over custody registrations, pledges, freezes and qualification records. */
final class CustodyReads {
    private final DSLContext dsl;
    private final ParameterReads parameters;

    CustodyReads(DSLContext dsl, ParameterReads parameters) {
        this.dsl = dsl;
        this.parameters = parameters;
    }

    List<PledgeView> pledges(Condition condition) {
        return dsl.selectFrom(PLEDGES).where(condition).orderBy(PLEDGES.PLEDGE_ID).fetch(CustodyReads::pledge);
    }

    List<FreezeView> freezes(Condition condition) {
        return dsl.selectFrom(FREEZES).where(condition).orderBy(FREEZES.FREEZE_ID).fetch(CustodyReads::freeze);
    }

    Optional<CustodyView> registration(long custodyId) {
        return registrations(CUSTODY_REGISTRATIONS.CUSTODY_ID.eq(custodyId)).stream().findFirst();
    }

    List<CustodyView> registrations(Condition condition) {
        return dsl.selectFrom(CUSTODY_REGISTRATIONS).where(condition).orderBy(CUSTODY_REGISTRATIONS.CUSTODY_ID)
                .fetch(this::registration);
    }

    Optional<QualificationView> qualification(String participantId) {
        return dsl.selectFrom(PARTICIPANTS).where(PARTICIPANTS.ID.eq(participantId)).fetchOptional()
                .map(p -> new QualificationView(p.getId(), p.getType(), p.getQualification(),
                        p.getQualifiedUntil() == null ? null : p.getQualifiedUntil().toString(),
                        dsl.selectFrom(QUALIFICATION_RECORDS).where(QUALIFICATION_RECORDS.PARTICIPANT_ID.eq(participantId))
                                .orderBy(QUALIFICATION_RECORDS.SOURCE_INDEX).fetch(CustodyReads::record),
                        thresholds()));
    }

    /** The qualification thresholds and pledge rule in force: the registry's part of the parameters in force. */
    Map<String, String> thresholds() {
        TreeMap<String, String> values = new TreeMap<>();
        parameters.inForce().stream().filter(p -> RegistryParameters.NAMES.contains(p.name()))
                .forEach(p -> values.put(p.name(), p.value()));
        return values;
    }

    /** One page of registrations in id order, those after {@code page.after()} matching {@code condition}. */
    List<CustodyView> registrations(Condition condition, Page page) {
        return dsl.selectFrom(CUSTODY_REGISTRATIONS).where(condition.and(CUSTODY_REGISTRATIONS.CUSTODY_ID.gt(page.after())))
                .orderBy(CUSTODY_REGISTRATIONS.CUSTODY_ID).limit(page.limit()).fetch(this::registration);
    }

    private CustodyView registration(CustodyRegistrationsRecord r) {
        List<CustodyView.Line> lines = dsl.selectFrom(CUSTODY_ENTRIES).where(CUSTODY_ENTRIES.CUSTODY_ID.eq(r.getCustodyId()))
                .orderBy(CUSTODY_ENTRIES.HOLDER)
                .fetch(e -> new CustodyView.Line(e.getHolder(), units(e.getUnits()), money(e.getSubscribed()),
                        money(e.getPaidIn()), money(e.getCost()), e.getConfirmedIndex() == null ? 0 : e.getConfirmedIndex()));
        return new CustodyView(r.getCustodyId(), r.getFundCode(), r.getMode(), r.getSubmittedBy(), r.getDocumentDigest(),
                r.getStatus(), r.getDecidedBy(), r.getDecidedIndex() == null ? 0 : r.getDecidedIndex(), r.getReason(), lines);
    }

    private static PledgeView pledge(PledgesRecord r) {
        return new PledgeView(r.getPledgeId(), r.getFundCode(), r.getHolder(), units(r.getUnits()), r.getPledgee(),
                r.getSecuredAmount() == null ? null : money(r.getSecuredAmount()), r.getDocumentDigest(), r.getStatus(),
                r.getReleasedIndex() == null ? 0 : r.getReleasedIndex(), r.getReleasedBy());
    }

    private static FreezeView freeze(FreezesRecord r) {
        return new FreezeView(r.getFreezeId(), r.getFundCode(), r.getHolder(), units(r.getUnits()), r.getAuthority(),
                r.getCaseNumber(), r.getDocumentDigest(), r.getStatus(), r.getFrozenIndex(),
                r.getLiftedIndex() == null ? 0 : r.getLiftedIndex(), r.getLiftReason());
    }

    private static QualificationRecord record(QualificationRecordsRecord r) {
        return new QualificationRecord(r.getSourceIndex(), r.getStatus(),
                r.getValidUntil() == null ? null : r.getValidUntil().toString(), r.getBasis(), r.getDeemedCategory(),
                r.getNetAssets() == null ? null : money(r.getNetAssets()),
                r.getFinancialAssets() == null ? null : money(r.getFinancialAssets()),
                r.getAverageIncome() == null ? null : money(r.getAverageIncome()), r.getEvidenceDigest(), r.getVerifiedBy());
    }

    static BigDecimal units(BigDecimal value) {
        return value.setScale(Units.SCALE, RoundingMode.UNNECESSARY);
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(Money.SCALE, RoundingMode.UNNECESSARY);
    }
}
