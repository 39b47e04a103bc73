package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.PROPOSALS;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.engine.event.ProposalApproved;
import fundexchange.engine.event.ProposalCreated;
import fundexchange.journal.JournalCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jooq.DSLContext;

/** Maker-checker proposals (V8): created PENDING, APPROVED by the second staff member's approval. */
final class ProposalProjection {
    private final DSLContext tx;
    private final StatementBatch batch;

    ProposalProjection(DSLContext tx, StatementBatch batch) {
        this.tx = tx;
        this.batch = batch;
    }

    void created(ProposalCreated e, long time) {
        byte[] action = JournalCodec.write(e.action());
        JsonNode tree = JournalCodec.mapper().valueToTree(e.action());
        batch.insert(tx.insertInto(PROPOSALS)
                .set(PROPOSALS.PROPOSAL_ID, e.proposalId())
                .set(PROPOSALS.PROPOSER, e.proposer())
                .set(PROPOSALS.ACTION_TYPE, tree.path("type").asText(e.action().getClass().getSimpleName()))
                .set(PROPOSALS.ACTION, new String(action, StandardCharsets.UTF_8))
                .set(PROPOSALS.PROPOSED_AT, time)
                .set(PROPOSALS.STATUS, "PENDING"), List.of(proposal(e.proposalId())),
                EventProjection.participant(e.proposer()));
    }

    void approved(ProposalApproved e, long index, long time) {
        batch.rows(tx.update(PROPOSALS)
                .set(PROPOSALS.STATUS, "APPROVED")
                .set(PROPOSALS.APPROVER, e.approver())
                .set(PROPOSALS.APPROVED_INDEX, index)
                .set(PROPOSALS.APPROVED_AT, time)
                .where(PROPOSALS.PROPOSAL_ID.eq(e.proposalId()), PROPOSALS.STATUS.eq("PENDING")),
                1, "pending proposal " + e.proposalId(), List.of(proposal(e.proposalId())),
                EventProjection.participant(e.approver()));
    }

    private static String proposal(long proposalId) {
        return "Prop:" + proposalId;
    }
}
