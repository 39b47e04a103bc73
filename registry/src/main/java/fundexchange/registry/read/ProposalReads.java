package fundexchange.registry.read;

import static fundexchange.registry.schema.Tables.PROPOSALS;

import com.fasterxml.jackson.core.JsonProcessingException;
import fundexchange.journal.JournalCodec;
import fundexchange.registry.schema.tables.records.ProposalsRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Maker-checker proposals (V8), for staff and regulators: the gateway checks the role. */
public final class ProposalReads {
    private final DSLContext dsl;

    ProposalReads(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Proposals, optionally of one status (PENDING, APPROVED or EXPIRED), in id order. */
    public List<ProposalView> proposals(Optional<String> status, Page page) {
        Condition matching = PROPOSALS.PROPOSAL_ID.gt(page.after());
        matching = status.map(PROPOSALS.STATUS::eq).map(matching::and).orElse(matching);
        return dsl.selectFrom(PROPOSALS).where(matching).orderBy(PROPOSALS.PROPOSAL_ID).limit(page.limit())
                .fetch(ProposalReads::proposal);
    }

    public Optional<ProposalView> proposal(long proposalId) {
        return dsl.selectFrom(PROPOSALS).where(PROPOSALS.PROPOSAL_ID.eq(proposalId)).fetchOptional(ProposalReads::proposal);
    }

    private static ProposalView proposal(ProposalsRecord r) {
        try {
            return new ProposalView(r.getProposalId(), r.getActionType(), JournalCodec.mapper().readTree(r.getAction()),
                    r.getProposer(), r.getProposedAt(), r.getStatus(), r.getApprover(), r.getApprovedIndex(),
                    r.getApprovedAt(), r.getExpiredIndex(), r.getExpiredAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("proposal " + r.getProposalId() + " holds no JSON action", e);
        }
    }
}
