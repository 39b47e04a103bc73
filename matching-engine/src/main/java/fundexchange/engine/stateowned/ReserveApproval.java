package fundexchange.engine.stateowned;

import fundexchange.protocol.money.Price;

/** The approving body's written consent to prices down to {@code minimumPrice}, recorded by proposal {@code proposalId}. */
public record ReserveApproval(Price minimumPrice, String approvalReference, long proposalId) {
}
