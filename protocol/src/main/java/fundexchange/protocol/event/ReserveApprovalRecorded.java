package fundexchange.protocol.event;

import fundexchange.protocol.money.Price;

/**
 * The approving body's consent to reserves down to {@code minimumPrice} per unit on appraisal {@code appraisalId},
 * recorded by the approval of proposal {@code proposalId}; {@code approvalReference} names its document.
 */
public record ReserveApprovalRecorded(long appraisalId, String fundCode, String holder, Price minimumPrice,
                                      String approvalReference, long proposalId) implements StateOwnedEvent {
}
