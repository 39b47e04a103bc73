package fundexchange.protocol.command;

import fundexchange.protocol.money.Price;

/**
 * Staff record the approving body's written consent (maker-checker) to a state-owned holder's reserve under 90% of
 * its current appraisal of a fund, down to {@code minimumPrice} per unit; {@code approvalReference} names the
 * document. It belongs to the appraisal it was recorded against: a new appraisal drops it.
 */
public record RecordReserveApproval(String holder, String fundCode, Price minimumPrice, String approvalReference)
        implements SensitiveAction {
}
