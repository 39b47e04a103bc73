package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.SetHolidays;
import fundexchange.protocol.command.UpdateNav;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.FundRegistered;
import fundexchange.protocol.event.NavUpdated;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Role;
import java.util.List;

/** Fund reference data and the business-day calendar. */
final class FundRules {
    private final ExchangeState state;

    FundRules(ExchangeState state) {
        this.state = state;
    }

    List<Event> register(CommandContext ctx, RegisterFund c) {
        ctx.requireRole(Role.STAFF);
        Validation.id(c.fundCode(), "fundCode");
        Rejection.check(!state.funds.containsKey(c.fundCode()), RejectCode.FUND_EXISTS, "fund " + c.fundCode() + " exists");
        Validation.text(c.shortName(), "shortName");
        Validation.text(c.manager(), "manager");
        Validation.text(c.strategy(), "strategy");
        Validation.currency(c.currency());
        Validation.present(c.legalForm(), "legalForm");
        Validation.present(c.custodyMode(), "custodyMode");
        Rejection.check(c.vintage() >= 1900 && c.vintage() <= 2200, RejectCode.INVALID_FIELD, "vintage must be a year");
        Validation.present(c.nav(), "nav");
        Rejection.check(c.nav().positive(), RejectCode.NOT_POSITIVE, "nav must be positive");
        Validation.date(c.navDate(), "navDate");
        int cap = c.holderCap() == null ? Fund.defaultHolderCap(c.legalForm()) : c.holderCap();
        Rejection.check(cap > 0, RejectCode.NOT_POSITIVE, "holderCap must be positive");
        Units minimum = c.minTransferUnits() == null ? Units.ZERO : c.minTransferUnits();
        Rejection.check(minimum.raw() >= 0, RejectCode.INVALID_FIELD, "minTransferUnits must not be negative");
        Rejection.check(c.fundSize() == null || c.fundSize().positive(), RejectCode.NOT_POSITIVE,
                "fundSize must be positive");
        return List.of(new FundRegistered(new Fund(c.fundCode(), c.shortName(), c.manager(), c.strategy(), c.vintage(),
                c.currency(), c.legalForm(), c.custodyMode(), cap, 0, 0, c.nav(), c.navDate(), minimum,
                c.rightOfFirstRefusal(), c.fundSize())));
    }

    List<Event> updateNav(CommandContext ctx, UpdateNav c) {
        ctx.requireRole(Role.STAFF);
        Rejection.check(c.fundCode() != null && state.funds.containsKey(c.fundCode()), RejectCode.UNKNOWN_FUND,
                "no fund " + c.fundCode());
        Validation.present(c.nav(), "nav");
        Rejection.check(c.nav().positive(), RejectCode.NOT_POSITIVE, "nav must be positive");
        Validation.date(c.navDate(), "navDate");
        return List.of(new NavUpdated(c.fundCode(), c.nav(), c.navDate()));
    }

    List<Event> setHolidays(CommandContext ctx, SetHolidays c) {
        ctx.requireRole(Role.STAFF);
        return List.of(new CalendarRules(state).direct(c));
    }
}
