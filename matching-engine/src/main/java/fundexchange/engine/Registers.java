package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.custody.CustodyEntry;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.Role;

/** Look-ups and field checks shared by the custody, pledge and freeze rules; each failure is a rejection. */
final class Registers {
    private Registers() {
    }

    static Fund fund(ExchangeState state, String fundCode) {
        Fund fund = fundCode == null ? null : state.funds.get(fundCode);
        Rejection.check(fund != null, RejectCode.UNKNOWN_FUND, "no fund " + fundCode);
        return fund;
    }

    static Participant participant(ExchangeState state, String participantId) {
        Participant participant = participantId == null ? null : state.participants.get(participantId);
        Rejection.check(participant != null, RejectCode.UNKNOWN_PARTICIPANT, "no participant " + participantId);
        return participant;
    }

    static Participant holder(ExchangeState state, String participantId) {
        Participant holder = participant(state, participantId);
        Rejection.check(holder.has(Role.HOLDER), RejectCode.WRONG_ROLE, participantId + " is not a holder");
        return holder;
    }

    /** A valid line naming a registered holder; cost defaults to the paid-in amount. */
    static CustodyEntry entry(ExchangeState state, CustodyEntry entry) {
        Validation.present(entry, "entries");
        holder(state, entry.holder());
        positive(entry.units(), "units");
        notNegative(entry.subscribed(), "subscribed");
        notNegative(entry.paidIn(), "paidIn");
        Rejection.check(entry.paidIn().compareTo(entry.subscribed()) <= 0, RejectCode.INVALID_FIELD,
                "paidIn must not exceed subscribed for " + entry.holder());
        if (entry.cost() == null) {
            return entry.withCost(entry.paidIn());
        }
        notNegative(entry.cost(), "cost");
        return entry;
    }

    static void positive(Units units, String field) {
        Validation.present(units, field);
        Rejection.check(units.positive(), RejectCode.NOT_POSITIVE, field + " must be positive");
    }

    static void notNegative(Money amount, String field) {
        Validation.present(amount, field);
        Rejection.check(amount.raw() >= 0, RejectCode.INVALID_FIELD, field + " must not be negative");
    }

    /** Refuses to encumber more than the position's available units, naming what holds the rest. */
    static void requireAvailable(Position position, Units units, String what) {
        Rejection.check(position.available().compareTo(units) >= 0, RejectCode.INSUFFICIENT_UNITS,
                "cannot " + what + " " + units + " units: " + position.available() + " available (locked " + position.locked()
                        + ", pledged " + position.pledged() + ", frozen " + position.frozen() + ", unconfirmed "
                        + position.unconfirmed() + (position.registering() == null ? ""
                        : ", pending registration " + position.registering()) + ")");
    }
}
