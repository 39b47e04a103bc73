package fundexchange.audit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The daily report's listing states count a transfer notice's opening and resolution beside the listing's own events. */
class ListingMechanismsTest {
    private static Optional<String> state(String type) throws Exception {
        return ListingMechanisms.stateOf(type, new ObjectMapper().readTree("{\"type\":\"" + type + "\",\"listingId\":7}"));
    }

    @Test
    void noticesOpenedAndResolvedAreListingStates() throws Exception {
        assertEquals(List.of(Optional.of("SUBMITTED"), Optional.of("NOTICE_OPENED"), Optional.empty(),
                        Optional.of("NOTICE_RESOLVED"), Optional.of("CANCELLED")),
                List.of(state("ListingSubmitted"), state("TransferNoticeIssued"), state("TransferNoticeAnswered"),
                        state("TransferNoticeResolved"), state("ListingCancelled")));
    }

    @Test
    void anAuctionsMatchStageOpensAndResolvesAsListingStates() throws Exception {
        assertEquals(List.of(Optional.of("MATCH_OPENED"), Optional.of("MATCH_RESOLVED")),
                List.of(state("AuctionAwardedConditionally"), state("AuctionMatchResolved")));
    }
}
