package fundexchange.engine.command;

import fundexchange.engine.money.Price;
import fundexchange.engine.money.Units;
import fundexchange.engine.reference.CustodyMode;
import fundexchange.engine.reference.LegalForm;

/** Staff registers a fund; holderCap defaults by legal form when absent. */
public record RegisterFund(String fundCode, String shortName, String manager, String strategy, int vintage, String currency, LegalForm legalForm, CustodyMode custodyMode, Integer holderCap, Price nav, String navDate, Units minTransferUnits, boolean rightOfFirstRefusal) implements Command {
}
