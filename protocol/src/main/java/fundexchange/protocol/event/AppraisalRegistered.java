package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;

/**
 * A state-owned holder's appraisal of its interest in a fund, id the index of its command: {@code value} for
 * {@code units} units, {@code pricePerUnit} the value per unit rounded up (the lowest price at or above it).
 */
public record AppraisalRegistered(long appraisalId, String fundCode, String holder, Money value, Units units,
                                  Price pricePerUnit, String filingReference, String validUntil) implements StateOwnedEvent {
}
