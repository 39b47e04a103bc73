package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.ParticipantStatus;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whether a trade settles delivery versus payment follows the derived set of active banks, and from rules version 9
 * what its buyer must fund (consideration plus fee) is overflow-checked when the trade is made: a refusal, never an
 * exception at funding.
 */
class SettlementFeesTest {
    /** A trade of a consideration {@code raw} (money scale), without fees. */
    private static TradeExecuted trade(long raw) {
        return new TradeExecuted(4096L, 1L, "DGF3", "Holder-01", "Investor-07", Units.of("1.00"), Price.of("1.0000"),
                new Money(raw), 0L, Multiple.ZERO, false, 0L);
    }

    private static ExchangeState stateWithBank(int rulesVersion, ParticipantStatus status) {
        ExchangeState state = new ExchangeState();
        state.rulesVersion = rulesVersion;
        state.participants.put("Bank-01", new Participant("Bank-01", "Demo Settlement Bank", ParticipantType.INSTITUTION,
                List.of(Role.BANK), status, QualificationStatus.NOT_QUALIFIED, null));
        state.indexParticipant("Bank-01");
        return state;
    }

    @Test
    void onlyAnActiveBankMakesTradesSettleDeliveryVersusPayment() {
        assertTrue(new SettlementFees(stateWithBank(RulesVersion.CURRENT, ParticipantStatus.ACTIVE)).applies());
        assertFalse(new SettlementFees(stateWithBank(RulesVersion.CURRENT, ParticipantStatus.SUSPENDED)).applies());
        assertFalse(new SettlementFees(stateWithBank(RulesVersion.CASH_ACCOUNTS, ParticipantStatus.ACTIVE)).applies());
    }

    @Test
    void aConsiderationPlusBuyerFeeBeyondTheExactRangeIsRefusedWhenTheTradeIsMade() {
        TradeExecuted huge = trade(Long.MAX_VALUE - 100);
        Rejection refused = assertThrows(Rejection.class,
                () -> new SettlementFees(stateWithBank(RulesVersion.UNITS_AT_FUNDING, ParticipantStatus.ACTIVE))
                        .withFees(huge));
        assertEquals(RejectCode.ARITHMETIC_OVERFLOW, refused.code());
    }

    @Test
    void aVersionEightJournalChargesTheFeesWithoutCheckingWhatIsDue() {
        TradeExecuted charged = new SettlementFees(stateWithBank(RulesVersion.DELIVERY_VERSUS_PAYMENT,
                ParticipantStatus.ACTIVE)).withFees(trade(Long.MAX_VALUE - 100));
        assertEquals(Money.of("50000.00"), charged.buyerFee());
    }
}
