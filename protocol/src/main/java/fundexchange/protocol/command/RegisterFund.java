package fundexchange.protocol.command;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;

/**
 * Staff registers a fund; holderCap defaults by legal form when absent. {@code fundSize} (optional, added in journal
 * format 1 additively) is the fund's total committed capital in its currency.
 */
public record RegisterFund(String fundCode, String shortName, String manager, String strategy, int vintage, String currency, LegalForm legalForm, CustodyMode custodyMode, Integer holderCap, Price nav, String navDate, Units minTransferUnits, boolean rightOfFirstRefusal, Money fundSize) implements Command {

    /** A fund registered without a size. */
    public RegisterFund(String fundCode, String shortName, String manager, String strategy, int vintage, String currency,
                        LegalForm legalForm, CustodyMode custodyMode, Integer holderCap, Price nav, String navDate,
                        Units minTransferUnits, boolean rightOfFirstRefusal) {
        this(fundCode, shortName, manager, strategy, vintage, currency, legalForm, custodyMode, holderCap, nav, navDate,
                minTransferUnits, rightOfFirstRefusal, null);
    }
}
