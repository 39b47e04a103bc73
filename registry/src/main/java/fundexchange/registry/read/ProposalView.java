package fundexchange.registry.read;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A maker-checker proposal: the sensitive action as journaled, who proposed it and when (journal time, epoch ms),
 * and, once APPROVED, who approved it, at which index and when; once EXPIRED (unapproved past its expiry), the index
 * and time it lapsed at.
 */
public record ProposalView(long proposalId, String actionType, JsonNode action, String proposer, long proposedAt,
                           String status, String approver, Long approvedIndex, Long approvedAt, Long expiredIndex,
                           Long expiredAt) {
}
