package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.PROPOSALS;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.ProposalCreated;
import fundexchange.protocol.event.ProposalExpired;
import fundexchange.journal.JournalCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Maker-checker proposals (V8, V12): created PENDING, APPROVED by the second staff member's approval, or EXPIRED when
 * their expiry passed unapproved.
 */
final class ProposalProjection {
    private static final Template CREATED = Template.insert("proposals.insert", PROPOSALS, PROPOSALS.PROPOSAL_ID,
            PROPOSALS.PROPOSER, PROPOSALS.ACTION_TYPE, PROPOSALS.ACTION, PROPOSALS.PROPOSED_AT, PROPOSALS.STATUS);
    /** Approves a proposal still pending. */
    private static final Template APPROVED = Template.update("proposals.approve", PROPOSALS,
            List.of(PROPOSALS.STATUS, PROPOSALS.APPROVER, PROPOSALS.APPROVED_INDEX, PROPOSALS.APPROVED_AT),
            List.of(PROPOSALS.PROPOSAL_ID, PROPOSALS.STATUS));
    /** Expires a proposal still pending. */
    private static final Template EXPIRED = Template.update("proposals.expire", PROPOSALS,
            List.of(PROPOSALS.STATUS, PROPOSALS.EXPIRED_INDEX, PROPOSALS.EXPIRED_AT),
            List.of(PROPOSALS.PROPOSAL_ID, PROPOSALS.STATUS));
    private final StatementBatch batch;

    ProposalProjection(StatementBatch batch) {
        this.batch = batch;
    }

    void created(ProposalCreated e, long time) {
        byte[] action = JournalCodec.write(e.action());
        JsonNode tree = JournalCodec.mapper().valueToTree(e.action());
        batch.insert(CREATED, CREATED.binds(e.proposalId(), e.proposer(),
                        tree.path("type").asText(e.action().getClass().getSimpleName()),
                        new String(action, StandardCharsets.UTF_8), time, "PENDING"),
                List.of(proposal(e.proposalId())), EventProjection.participant(e.proposer()));
    }

    void approved(ProposalApproved e, long index, long time) {
        batch.rows(APPROVED, APPROVED.binds("APPROVED", e.approver(), index, time, e.proposalId(), "PENDING"),
                1, "pending proposal " + e.proposalId(), List.of(proposal(e.proposalId())),
                EventProjection.participant(e.approver()));
    }

    void expired(ProposalExpired e, long index, long time) {
        batch.rows(EXPIRED, EXPIRED.binds("EXPIRED", index, time, e.proposalId(), "PENDING"),
                1, "pending proposal " + e.proposalId(), List.of(proposal(e.proposalId())),
                EventProjection.participant(e.proposer()));
    }

    private static String proposal(long proposalId) {
        return "Prop:" + proposalId;
    }
}
