package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.UnitsDeposited;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.Role;
import java.util.List;

/** Units entering custody. The fund's holder count grows when a new holder appears, within the holder cap. */
final class CustodyRules {
    private final ExchangeState state;

    CustodyRules(ExchangeState state) {
        this.state = state;
    }

    List<Event> deposit(CommandContext ctx, DepositUnits c) {
        ctx.requireRole(Role.STAFF);
        Fund fund = c.fundCode() == null ? null : state.funds.get(c.fundCode());
        Rejection.check(fund != null, RejectCode.UNKNOWN_FUND, "no fund " + c.fundCode());
        Participant holder = c.holder() == null ? null : state.participants.get(c.holder());
        Rejection.check(holder != null, RejectCode.UNKNOWN_PARTICIPANT, "no participant " + c.holder());
        Rejection.check(holder.has(Role.HOLDER), RejectCode.WRONG_ROLE, c.holder() + " is not a holder");
        Duties.notParty(ctx.actorId(), "a deposit to " + c.holder(), c.holder());
        Validation.present(c.units(), "units");
        Validation.present(c.cost(), "cost");
        Rejection.check(c.units().positive(), RejectCode.NOT_POSITIVE, "units must be positive");
        Rejection.check(c.cost().raw() >= 0, RejectCode.INVALID_FIELD, "cost must not be negative");
        Position position = state.position(fund.fundCode(), holder.participantId());
        boolean newHolder = position.units().raw() == 0;
        boolean reserved = state.holdsReservation(fund.fundCode(), holder.participantId());
        if (newHolder && !reserved) {
            Rejection.check(fund.roomForNewHolder(), RejectCode.HOLDER_CAP_REACHED,
                    "fund " + fund.fundCode() + " is at its holder cap of " + fund.holderCap());
        }
        try {
            position.units().plus(c.units());
            position.cost().plus(c.cost());
        } catch (ArithmeticException e) {
            throw new Rejection(RejectCode.ARITHMETIC_OVERFLOW, "position would overflow");
        }
        int holderCount = fund.holderCount() + (newHolder ? 1 : 0);
        return List.of(new UnitsDeposited(fund.fundCode(), holder.participantId(), c.units(), c.cost(), holderCount));
    }
}
