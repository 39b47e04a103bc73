package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.engine.Allotment.Claim;
import fundexchange.engine.Allotment.Share;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pro-rata allotment of exercised priority rights, in raw units (docs/rules.md, "Consent and first refusal"). */
class AllotmentTest {
    @Test
    void theFirstClaimTakesWhatItAskedBeforeAnyProRataShare() {
        assertEquals(List.of(new Share("M", 300, 300), new Share("A", 900, 525), new Share("B", 900, 175)),
                Allotment.allot(1000, new Claim("M", 0, 300, 1), List.of(new Claim("A", 3, 900, 2), new Claim("B", 1, 900, 3)), 1));
    }

    @Test
    void sharesRoundDownToTheLotAndTheRemainderGoesLargestWeightFirstThenEarliestAnswer() {
        // 1000 x 1/3 = 333 -> 300 each; 100 left: one lot to the earliest answer among equal weights.
        assertEquals(List.of(new Share("A", 1000, 300), new Share("B", 1000, 400), new Share("C", 1000, 300)),
                Allotment.allot(1000, null, List.of(new Claim("A", 5, 1000, 9), new Claim("B", 5, 1000, 4),
                        new Claim("C", 5, 1000, 7)), 100));
    }

    @Test
    void aHolderWhoseShareCoversItsRequestDropsOutAndTheOthersShareAgain() {
        // A's share 750 covers its 200: it gets 200; B and C share the 800 left 1:1 -> 400 each.
        assertEquals(List.of(new Share("A", 200, 200), new Share("B", 1000, 400), new Share("C", 1000, 400)),
                Allotment.allot(1000, null, List.of(new Claim("A", 6, 200, 1), new Claim("B", 1, 1000, 2),
                        new Claim("C", 1, 1000, 3)), 100));
    }

    @Test
    void undersubscribedRequestsAreMetInFullAndTheRestIsLeft() {
        assertEquals(List.of(new Share("A", 300, 300), new Share("B", 100, 100)),
                Allotment.allot(1000, null, List.of(new Claim("A", 1, 300, 1), new Claim("B", 9, 100, 2)), 100));
    }

    @Test
    void aFragmentSmallerThanTheLotGoesToTheNextInOrder() {
        assertEquals(List.of(new Share("A", 1050, 750), new Share("B", 1050, 300)),
                Allotment.allot(1050, null, List.of(new Claim("A", 2, 1050, 1), new Claim("B", 1, 1050, 2)), 100));
    }

    @Test
    void hugeAmountsDoNotOverflow() {
        long units = Long.MAX_VALUE / 2;
        assertEquals(List.of(new Share("A", units, units / 2 + 1), new Share("B", units, units / 2)),
                Allotment.allot(units, null, List.of(new Claim("A", Long.MAX_VALUE / 3, units, 1),
                        new Claim("B", Long.MAX_VALUE / 3, units, 2)), 1));
    }
}
