package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.PROPOSALS;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.engine.event.ProposalApproved;
import fundexchange.engine.event.ProposalCreated;
import fundexchange.journal.JournalCodec;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;

/** Maker-checker proposals (V8): created PENDING, APPROVED by the second staff member's approval. */
final class ProposalProjection {
    private final DSLContext tx;

    ProposalProjection(DSLContext tx) {
        this.tx = tx;
    }

    void created(ProposalCreated e, long time) {
        byte[] action = JournalCodec.write(e.action());
        JsonNode tree = JournalCodec.mapper().valueToTree(e.action());
        tx.insertInto(PROPOSALS)
                .set(PROPOSALS.PROPOSAL_ID, e.proposalId())
                .set(PROPOSALS.PROPOSER, e.proposer())
                .set(PROPOSALS.ACTION_TYPE, tree.path("type").asText(e.action().getClass().getSimpleName()))
                .set(PROPOSALS.ACTION, new String(action, StandardCharsets.UTF_8))
                .set(PROPOSALS.PROPOSED_AT, time)
                .set(PROPOSALS.STATUS, "PENDING")
                .execute();
    }

    void approved(ProposalApproved e, long index, long time) {
        EventProjection.one(tx.update(PROPOSALS)
                .set(PROPOSALS.STATUS, "APPROVED")
                .set(PROPOSALS.APPROVER, e.approver())
                .set(PROPOSALS.APPROVED_INDEX, index)
                .set(PROPOSALS.APPROVED_AT, time)
                .where(PROPOSALS.PROPOSAL_ID.eq(e.proposalId()), PROPOSALS.STATUS.eq("PENDING"))
                .execute(), "pending proposal " + e.proposalId());
    }
}
