package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.SetMarketDataConsent;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.command.SetTransferTerms;
import fundexchange.protocol.event.MarketDataConsentSet;
import fundexchange.protocol.event.PlatformParameterSet;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.transfer.PriorityOrder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Public market data's consent (issue 23, rules version 8): only the fund's manager, the one its transfer terms name,
 * opts the fund's own figures in or out; staff set {@code market-data-k} (3 to 100, canonical digits); a version-7 or
 * version-6 journal refuses both as before.
 */
class MarketDataConsentTest {
    private static final String FUND = "DGF3";
    private static final String OTHER_FUND = "DGF4";
    private static final String BARE_FUND = "DGF5";
    private Market m;

    private Market market(Market base) {
        m = base.participant("Manager-01", Role.MANAGER).participant("Manager-02", Role.MANAGER)
                .participant("Holder-01", Role.HOLDER)
                .fund(FUND, false).fund(OTHER_FUND, false).fund(BARE_FUND, false);
        m.approved(new SetTransferTerms(FUND, "Manager-01", false, null, PriorityOrder.NONE, null, null, null,
                "d".repeat(64)));
        m.approved(new SetTransferTerms(OTHER_FUND, "Manager-02", false, null, PriorityOrder.NONE, null, null, null,
                "d".repeat(64)));
        return m;
    }

    @AfterEach
    void replayAgrees() {
        m.replayCheckingInvariants();
    }

    @Test
    void theFundsManagerOptsItsFiguresInAndOut() {
        market(new Market());
        assertEquals(List.of(new MarketDataConsentSet(FUND, true, "Manager-01")),
                m.ok("Manager-01", new SetMarketDataConsent(FUND, true)).events());
        assertEquals(List.of(new MarketDataConsentSet(FUND, false, "Manager-01")),
                m.ok("Manager-01", new SetMarketDataConsent(FUND, false)).events());
        m.refused("Manager-02", new SetMarketDataConsent(FUND, true), RejectCode.NOT_FUND_MANAGER);
        m.refused("Manager-01", new SetMarketDataConsent(BARE_FUND, true), RejectCode.NOT_FUND_MANAGER);
        m.refused("Manager-01", new SetMarketDataConsent("NOPE", true), RejectCode.UNKNOWN_FUND);
        m.refused("Holder-01", new SetMarketDataConsent(FUND, true), RejectCode.WRONG_ROLE);
        m.refused("Staff-01", new SetMarketDataConsent(FUND, true), RejectCode.WRONG_ROLE);
        assertEquals(List.of(new MarketDataConsentSet(OTHER_FUND, true, "Manager-02")),
                m.ok("Manager-02", new SetMarketDataConsent(OTHER_FUND, true)).events());
    }

    @Test
    void aSuspendedManagerMayStillOptOutButNotIn() {
        market(new Market());
        m.ok("Manager-01", new SetMarketDataConsent(FUND, true));
        m.approved(new fundexchange.protocol.command.SuspendParticipant("Manager-01", "unpaid fees"));
        m.refused("Manager-01", new SetMarketDataConsent(FUND, true), RejectCode.PARTICIPANT_SUSPENDED);
        assertEquals(List.of(new MarketDataConsentSet(FUND, false, "Manager-01")),
                m.ok("Manager-01", new SetMarketDataConsent(FUND, false)).events());
    }

    @Test
    void staffSetMarketDataKFromThreeToAHundredInCanonicalDigits() {
        market(new Market());
        for (String bad : List.of("2", "101", "03", "+5", "5.0", "", "abc", "1000")) {
            m.refused("Staff-01", new Propose(new SetPlatformParameter("market-data-k", bad)),
                    RejectCode.INVALID_PARAMETER);
        }
        m.approved(new SetPlatformParameter("market-data-k", "100"));
        long proposal = m.ok("Staff-01", new Propose(new SetPlatformParameter("market-data-k", "5"))).sourceIndex();
        assertEquals(List.of(new fundexchange.protocol.event.ProposalApproved(proposal, "Staff-02"),
                        new PlatformParameterSet("market-data-k", "5")),
                m.ok("Staff-02", new fundexchange.protocol.command.ApproveProposal(proposal)).events());
    }

    @Test
    void aVersionSevenJournalRefusesMarketDataConsentAndItsParameterAsBefore() {
        market(new Market(7));
        m.refused("Manager-01", new SetMarketDataConsent(FUND, true), RejectCode.MARKET_DATA_NOT_IN_RULES);
        m.refused("Staff-01", new Propose(new SetPlatformParameter("market-data-k", "5")), RejectCode.INVALID_PARAMETER);
    }

    @Test
    void aVersionSixJournalRefusesMarketDataConsentAndItsParameterAsBefore() {
        market(new Market(6));
        m.refused("Manager-01", new SetMarketDataConsent(FUND, true), RejectCode.MARKET_DATA_NOT_IN_RULES);
        m.refused("Staff-01", new Propose(new SetPlatformParameter("market-data-k", "5")), RejectCode.INVALID_PARAMETER);
    }
}
