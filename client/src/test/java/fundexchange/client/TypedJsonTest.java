package fundexchange.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.command.CorrectCash;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.SetTransferTerms;
import fundexchange.protocol.listing.ClockTerms;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.transfer.Affiliation;
import fundexchange.protocol.transfer.PriorityOrder;
import fundexchange.protocol.transfer.SilenceMeans;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A typed value is written as the strict grammar reads it, for every kind of value a record's component may have: the
 * mechanisms' terms records hold only decimals and whole numbers today, so the staff actions a {@code Propose} carries
 * show the rest (text, flags, choices, lists, nested objects, absent optional fields).
 */
class TypedJsonTest {

    @Test
    void aMechanismsTermsAreTypedThenTheirComponentsInOrder() {
        assertEquals("{\"type\":\"ClockListing\",\"increment\":\"0.0100\",\"roundMs\":60000}",
                TypedJson.of(ListAuction.class, "terms", new ClockTerms.ClockListing(Price.of("0.01"), 60_000))
                        .toString());
        assertEquals("{\"type\":\"ClockBid\",\"round\":0}",
                TypedJson.of(PlaceBid.class, "terms", new ClockTerms.ClockBid(0)).toString());
    }

    @Test
    void everyKindOfValueIsWrittenInItsOneGrammarAndAnAbsentOptionalFieldIsLeftOut() {
        SetTransferTerms terms = new SetTransferTerms("DGF3", null, true, SilenceMeans.REFUSAL, PriorityOrder.PRO_RATA,
                20, null, List.of(new Affiliation("Holder-01", "Holder-02")), "ab".repeat(32));
        assertEquals("{\"type\":\"SetTransferTerms\",\"fundCode\":\"DGF3\",\"consentRequired\":true,"
                        + "\"consentOnSilence\":\"REFUSAL\",\"priority\":\"PRO_RATA\",\"noticeDays\":20,"
                        + "\"affiliates\":[{\"holder\":\"Holder-01\",\"affiliate\":\"Holder-02\"}],"
                        + "\"documentDigest\":\"" + "ab".repeat(32) + "\"}",
                TypedJson.of(Propose.class, "action", terms).toString());
        CorrectCash correction = new CorrectCash("CNY", AccountRef.participant("Investor-07"), AccountRef.SUSPENSE,
                Money.of("12.5"), "bank statement 2026-11-30");
        assertEquals("{\"type\":\"CorrectCash\",\"currency\":\"CNY\","
                        + "\"from\":{\"kind\":\"PARTICIPANT\",\"participantId\":\"Investor-07\"},"
                        + "\"to\":{\"kind\":\"SUSPENSE\"},\"amount\":\"12.50\",\"reason\":\"bank statement 2026-11-30\"}",
                TypedJson.of(Propose.class, "action", correction).toString());
    }

    @Test
    void anAbsentRequiredFieldIsRefusedBeforeAnythingIsSent() {
        assertThrows(IllegalArgumentException.class, () -> TypedJson.of(ListAuction.class, "terms",
                new ClockTerms.ClockListing(null, 60_000)));
        assertThrows(IllegalStateException.class, () -> TypedJson.of(PlaceBid.class, "price",
                new ClockTerms.ClockBid(0)), "price is no typed field");
    }

    /** The gateway's amount grammar takes no sign, so the client refuses a negative amount rather than send a 400. */
    @Test
    void aNegativeAmountIsRefusedBeforeAnythingIsSent() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> TypedJson.of(
                ListAuction.class, "terms", new ClockTerms.ClockListing(Price.of("-0.01"), 60_000)));
        assertEquals("an amount must be 0 or more with at most 4 decimals: -0.0100", refused.getMessage());
        assertEquals("{\"type\":\"ClockListing\",\"increment\":\"0.0000\",\"roundMs\":60000}",
                TypedJson.of(ListAuction.class, "terms", new ClockTerms.ClockListing(Price.of("0"), 60_000)).toString(),
                "zero is an amount (the engine decides whether a clock may stand still)");
    }
}
