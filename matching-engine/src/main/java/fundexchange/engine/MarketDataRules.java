package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.SetMarketDataConsent;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.MarketDataConsentSet;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.transfer.TransferTerms;
import java.util.List;

/**
 * Public market data's consent (issue 23, rules version 8): the fund's manager, the one its transfer terms name, opts
 * the fund's own figures in to public market data or out of it. The figures themselves are a registry projection.
 */
final class MarketDataRules {
    private final ExchangeState state;

    MarketDataRules(ExchangeState state) {
        this.state = state;
    }

    List<Event> consent(CommandContext ctx, SetMarketDataConsent c) {
        Rejection.check(state.rulesVersion >= RulesVersion.MARKET_DATA_CONSENT, RejectCode.MARKET_DATA_NOT_IN_RULES,
                "this journal's rules version has no public market data");
        ctx.requireRole(Role.MANAGER);
        Fund fund = Registers.fund(state, c.fundCode());
        TransferTerms terms = state.transferTerms.get(fund.fundCode());
        Rejection.check(terms != null && ctx.actorId().equals(terms.manager()), RejectCode.NOT_FUND_MANAGER,
                ctx.actorId() + " is not the manager of fund " + fund.fundCode());
        return List.of(new MarketDataConsentSet(fund.fundCode(), c.publish(), ctx.actorId()));
    }

    /** Refuses ({@link IllegalArgumentException}, as an unknown parameter) {@code market-data-k} before version 8. */
    static void requireParameterOfVersion(int rulesVersion, String name) {
        if (rulesVersion < RulesVersion.MARKET_DATA_CONSENT && "market-data-k".equals(name)) {
            throw new IllegalArgumentException("unknown platform parameter " + name);
        }
    }
}
