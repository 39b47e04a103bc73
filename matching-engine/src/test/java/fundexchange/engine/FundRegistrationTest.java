package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.event.FundRegistered;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registering a fund: its reference data, with the optional fund size, as one {@code FundRegistered}. */
class FundRegistrationTest {
    private final Market market = new Market().participant("Holder-01", Role.HOLDER);

    private static RegisterFund fund(String code, Money size) {
        return new RegisterFund(code, "Demo Venture Fund II", "Demo Capital Management", "VENTURE", 2018, "CNY",
                LegalForm.PARTNERSHIP, CustodyMode.FULL, null, Price.of("1.1000"), "2026-09-30", Units.of("100.00"),
                false, size);
    }

    @Test
    void aFundRegisteredWithItsSizeCarriesItAndOneWithoutHasNone() {
        assertEquals(List.of(new FundRegistered(new Fund("DVF2", "Demo Venture Fund II", "Demo Capital Management",
                        "VENTURE", 2018, "CNY", LegalForm.PARTNERSHIP, CustodyMode.FULL, 50, 0, 0, Price.of("1.1000"),
                        "2026-09-30", Units.of("100.00"), false, Money.of("500000000.00")))),
                market.ok("Staff-01", fund("DVF2", Money.of("500000000.00"))).events());
        assertEquals(List.of(new FundRegistered(new Fund("DVF3", "Demo Venture Fund II", "Demo Capital Management",
                        "VENTURE", 2018, "CNY", LegalForm.PARTNERSHIP, CustodyMode.FULL, 50, 0, 0, Price.of("1.1000"),
                        "2026-09-30", Units.of("100.00"), false, null))),
                market.ok("Staff-01", fund("DVF3", null)).events());
    }

    @Test
    void aZeroOrNegativeFundSizeIsRefusedAndOnlyStaffRegisterFunds() {
        market.refused("Staff-01", fund("DVF4", Money.of("0.00")), RejectCode.NOT_POSITIVE);
        market.refused("Staff-01", fund("DVF4", Money.of("-1.00")), RejectCode.NOT_POSITIVE);
        market.refused("Holder-01", fund("DVF4", Money.of("1000.00")), RejectCode.WRONG_ROLE);
        market.ok("Staff-01", fund("DVF4", Money.of("1000.00")));
    }
}
