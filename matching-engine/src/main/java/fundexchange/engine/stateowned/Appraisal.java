package fundexchange.engine.stateowned;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * A state-owned holder's current appraisal of its interest in a fund (id: the index of its RegisterAppraisal):
 * {@code value} for {@code units} units, {@code pricePerUnit} the value per unit rounded up, valid through
 * {@code validUntil} (ISO date, platform zone); {@code approval} is the approving body's consent to a lower reserve,
 * or null.
 */
public record Appraisal(long appraisalId, String fundCode, String holder, Money value, Units units, Price pricePerUnit,
                        String filingReference, String validUntil, ReserveApproval approval) {
    public Appraisal withApproval(ReserveApproval newApproval) {
        return new Appraisal(appraisalId, fundCode, holder, value, units, pricePerUnit, filingReference, validUntil,
                newApproval);
    }
}
