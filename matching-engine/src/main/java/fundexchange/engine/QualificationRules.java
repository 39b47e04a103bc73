package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.QualificationSet;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.QualificationBasis;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.RegistryParameters;
import fundexchange.protocol.reference.Role;
import java.util.List;

/**
 * Qualification records (a maker-checker action). Without a basis the command sets status and validity only, as
 * journals written before qualification records did. With one, a QUALIFIED status must meet the platform's
 * thresholds ({@link RegistryParameters}) for the participant's type, and the record names its evidence and verifier.
 */
final class QualificationRules {
    private final ExchangeState state;

    QualificationRules(ExchangeState state) {
        this.state = state;
    }

    List<Event> decide(SetQualification q, String proposer) {
        Participant participant = Registers.participant(state, q.participantId());
        Rejection.check(participant.has(Role.INVESTOR), RejectCode.WRONG_ROLE, "only investors are qualified");
        Validation.present(q.status(), "status");
        if (q.status() == QualificationStatus.QUALIFIED || q.validUntil() != null) {
            Validation.date(q.validUntil(), "validUntil");
        }
        if (q.basis() == null) {
            Rejection.check(q.deemedCategory() == null && q.netAssets() == null && q.financialAssets() == null
                            && q.averageIncome() == null && q.evidenceDigest() == null && q.verifiedBy() == null,
                    RejectCode.INVALID_FIELD, "a qualification record needs its basis");
            return List.of(new QualificationSet(q.participantId(), q.status(), q.validUntil()));
        }
        Digests.required(q.evidenceDigest(), "evidenceDigest");
        String verifiedBy = q.verifiedBy() == null ? proposer : Validation.text(q.verifiedBy(), "verifiedBy");
        Rejection.check((q.basis() == QualificationBasis.DEEMED) == (q.deemedCategory() != null), RejectCode.INVALID_FIELD,
                "deemedCategory is required for, and only for, the DEEMED basis");
        for (Money amount : new Money[] {q.netAssets(), q.financialAssets(), q.averageIncome()}) {
            Rejection.check(amount == null || amount.raw() >= 0, RejectCode.INVALID_FIELD, "amounts must not be negative");
        }
        if (q.status() == QualificationStatus.QUALIFIED) {
            meetsThresholds(participant, q, state.parameters.registry());
        }
        return List.of(new QualificationSet(q.participantId(), q.status(), q.validUntil(), q.basis(), q.deemedCategory(),
                q.netAssets(), q.financialAssets(), q.averageIncome(), q.evidenceDigest(), verifiedBy));
    }

    private static void meetsThresholds(Participant participant, SetQualification q, RegistryParameters thresholds) {
        boolean institution = participant.participantType() == ParticipantType.INSTITUTION;
        Rejection.check(institution || !thresholds.institutionsOnly(), RejectCode.QUALIFICATION_BASIS_MISMATCH,
                "this platform qualifies institutions only");
        switch (q.basis()) {
            case INSTITUTION_NET_ASSETS -> {
                Rejection.check(institution, RejectCode.QUALIFICATION_BASIS_MISMATCH, q.basis() + " is for institutions");
                atLeast(q.netAssets(), thresholds.institutionNetAssets(), "netAssets");
                if (thresholds.institutionFinancialAssets().positive()) {
                    atLeast(q.financialAssets(), thresholds.institutionFinancialAssets(), "financialAssets");
                }
            }
            case INDIVIDUAL_FINANCIAL_ASSETS -> {
                Rejection.check(!institution, RejectCode.QUALIFICATION_BASIS_MISMATCH, q.basis() + " is for individuals");
                atLeast(q.financialAssets(), thresholds.individualFinancialAssets(), "financialAssets");
            }
            case INDIVIDUAL_INCOME -> {
                Rejection.check(!institution, RejectCode.QUALIFICATION_BASIS_MISMATCH, q.basis() + " is for individuals");
                atLeast(q.averageIncome(), thresholds.individualIncome(), "averageIncome");
            }
            case DEEMED -> {
            }
        }
    }

    private static void atLeast(Money amount, Money threshold, String field) {
        Validation.present(amount, field);
        Rejection.check(amount.compareTo(threshold) >= 0, RejectCode.BELOW_QUALIFICATION_THRESHOLD,
                field + " " + amount + " is below the platform's threshold of " + threshold);
    }
}
