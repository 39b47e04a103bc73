package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.journal.JournalCodec;
import fundexchange.protocol.disclosure.Viewer;
import fundexchange.protocol.reference.Role;
import fundexchange.registry.read.NoticeView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A transfer notice read as each viewer's feed shows its events: the transferor and the manager, each holder it went
 * to (its own answer and allotment only, never who else was notified), a stranger (nothing) and a regulator (all).
 */
class NoticeShapeTest {
    private static final NoticeView NOTICE = new NoticeView(40, "DGF3", "Holder-01", "Investor-07", "Manager-01",
            new BigDecimal("1000.00"), new BigDecimal("1.2000"), true, "MANAGER_FIRST_THEN_PRO_RATA", false, 9_000L, 40,
            1_000L, "GIVEN", new BigDecimal("600.00"), List.of("Holder-03"), 43L, 3_000L, "PENDING_APPROVAL",
            List.of(new NoticeView.Recipient("Holder-02", new BigDecimal("3000.00"), new BigDecimal("400.00"),
                            new BigDecimal("400.00"), null),
                    new NoticeView.Recipient("Holder-03", new BigDecimal("1000.00"), null, null, null),
                    new NoticeView.Recipient("Manager-01", null, null, null, null)),
            List.of(new NoticeView.Answer(41, 2_000L, "Manager-01", "CONSENT", null, null),
                    new NoticeView.Answer(42, 2_500L, "Manager-01", "WAIVE", null, null),
                    new NoticeView.Answer(43, 3_000L, "Holder-02", "EXERCISE", new BigDecimal("400.00"), null)));
    private static final String TERMS = "\"attestationRequired\":false,\"buyer\":\"Investor-07\",\"consentRequired\":true,"
            + "\"fundCode\":\"DGF3\",";
    private static final String NOTICE_TAIL = "\"issuedAt\":1000,\"issuedIndex\":40,\"listingId\":40,\"listingStatus\":"
            + "\"PENDING_APPROVAL\",\"manager\":\"Manager-01\",\"price\":\"1.2000\",\"priority\":\"MANAGER_FIRST_THEN_PRO_RATA\",";
    /** A holder of the right is not told the buyer (CONTRACTS.md 12's exception names the transferor and terms). */
    private static final String TERMS_TO_HOLDERS = "\"attestationRequired\":false,\"consentRequired\":true,\"fundCode\":\"DGF3\",";
    /** What became of the listing is the seller's (and oversight's) to read. */
    private static final String NOTICE_TAIL_TO_PARTIES = NOTICE_TAIL.replace("\"listingStatus\":\"PENDING_APPROVAL\",", "");
    private static final String END = "\"status\":\"RESOLVED\",\"transferor\":\"Holder-01\",\"units\":\"1000.00\"}";
    private static final String CONSENT = "{\"answer\":\"CONSENT\",\"answeredAt\":2000,\"index\":41,\"participant\":\"Manager-01\"}";
    private static final String WAIVER = "{\"answer\":\"WAIVE\",\"answeredAt\":2500,\"index\":42,\"participant\":\"Manager-01\"}";
    private static final String EXERCISE = "{\"answer\":\"EXERCISE\",\"answeredAt\":3000,\"index\":43,\"participant\":\"Holder-02\","
            + "\"units\":\"400.00\"}";
    private static final String ALLOTMENT = "{\"allocated\":\"400.00\",\"holder\":\"Holder-02\",\"refusedCode\":0,"
            + "\"requested\":\"400.00\"}";

    private static String resolution(String allocations, String silent) {
        return "\"resolution\":{\"allocations\":[" + allocations + "],\"consent\":\"GIVEN\",\"index\":43,\"resolvedAt\":3000,"
                + silent + "\"unitsLeft\":\"600.00\"},";
    }

    private static String shape(Viewer viewer) {
        return NoticeShape.of(viewer, NOTICE).map(body -> {
            try {
                return JournalCodec.mapper().writeValueAsString(body);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).orElse("withheld");
    }

    @Test
    void theManagerSeesTheTermsItsOwnAnswersAndEveryAllotmentButNotWhoElseWasNotified() {
        assertEquals("{\"answerBy\":9000,\"answers\":[" + CONSENT + "," + WAIVER + "]," + TERMS + NOTICE_TAIL_TO_PARTIES
                        + resolution(ALLOTMENT, "") + END,
                shape(Viewer.active("Manager-01", Set.of(Role.MANAGER))));
    }

    @Test
    void theTransferorSeesNoAnswerOfOthers() {
        assertEquals("{\"answerBy\":9000,\"answers\":[]," + TERMS + NOTICE_TAIL + resolution(ALLOTMENT, "") + END,
                shape(Viewer.active("Holder-01", Set.of(Role.HOLDER))));
    }

    @Test
    void aHolderSeesItsOwnAnswerAndAllotmentOnly() {
        assertEquals(List.of("{\"answerBy\":9000,\"answers\":[" + EXERCISE + "]," + TERMS_TO_HOLDERS + NOTICE_TAIL_TO_PARTIES
                        + resolution(ALLOTMENT, "") + END,
                "{\"answerBy\":9000,\"answers\":[]," + TERMS_TO_HOLDERS + NOTICE_TAIL_TO_PARTIES + resolution("", "") + END),
                List.of(shape(Viewer.active("Holder-02", Set.of(Role.HOLDER))), shape(Viewer.active("Holder-03", Set.of(Role.HOLDER)))));
    }

    @Test
    void theNamedBuyerAndStrangersSeeNothing() {
        assertEquals(List.of("withheld", "withheld"), List.of(shape(Viewer.active("Investor-07", Set.of(Role.INVESTOR))),
                shape(Viewer.active("Holder-09", Set.of(Role.HOLDER)))));
    }

    @Test
    void aRegulatorSeesWhoWasNotifiedAndWhoAnsweredWhen() {
        assertEquals("{\"answerBy\":9000,\"answers\":[" + CONSENT + "," + WAIVER + "," + EXERCISE + "]," + TERMS
                        + "\"holders\":[{\"holder\":\"Holder-02\",\"units\":\"3000.00\"},{\"holder\":\"Holder-03\",\"units\":\"1000.00\"}],"
                        + NOTICE_TAIL + "\"recipients\":[{\"allocated\":\"400.00\",\"participantId\":\"Holder-02\",\"requested\":\"400.00\","
                        + "\"unitsAtNotice\":\"3000.00\"},{\"participantId\":\"Holder-03\",\"unitsAtNotice\":\"1000.00\"},"
                        + "{\"participantId\":\"Manager-01\"}]," + resolution(ALLOTMENT, "\"silent\":[\"Holder-03\"],") + END,
                shape(Viewer.active("Regulator-01", Set.of(Role.REGULATOR))));
    }

    /** An auction's notice in its resolved match stage (rules version 6): Holder-02 matched 400, the winner bought 600. */
    private static final NoticeView MATCHED = new NoticeView(50, "DGF3", "Holder-01", null, "Manager-01",
            new BigDecimal("1000.00"), new BigDecimal("1.0000"), true, "MANAGER_FIRST_THEN_PRO_RATA", false, 9_000L, 50,
            1_000L, "GIVEN", new BigDecimal("1000.00"), List.of(), 51L, 2_000L, "EXECUTED",
            List.of(new NoticeView.Recipient("Holder-02", null, null, null, null, new BigDecimal("3000.00"),
                            new BigDecimal("400.00"), new BigDecimal("400.00"), null),
                    new NoticeView.Recipient("Manager-01", null, null, null, null)),
            List.of(new NoticeView.Answer(51, 2_000L, "Manager-01", "CONSENT", null, null),
                    new NoticeView.Answer(56, 5_000L, "Manager-01", "WAIVE", null, null),
                    new NoticeView.Answer(57, 6_000L, "Holder-02", "EXERCISE", new BigDecimal("400.00"), null)),
            new NoticeView.Match("Investor-07", 53, new BigDecimal("1.1000"), 99_000L, 55, 4_000L,
                    new BigDecimal("600.00"), List.of(), 57L, 6_000L));

    private static String matchOf(String viewer, Role role) {
        return NoticeShape.of(Viewer.active(viewer, Set.of(role)), MATCHED).map(body -> {
            try {
                return JournalCodec.mapper().writeValueAsString(body.get("match"));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).orElse("withheld");
    }

    @Test
    void duringTheMatchStageTheNoticeIsOpenAndStillShowsHowItsConsentStageResolved() {
        NoticeView matching = new NoticeView(MATCHED.listingId(), MATCHED.fundCode(), MATCHED.transferor(), null,
                MATCHED.manager(), MATCHED.units(), MATCHED.price(), true, MATCHED.priority(), false, MATCHED.answerBy(),
                MATCHED.issuedIndex(), MATCHED.issuedAt(), "GIVEN_BY_SILENCE", MATCHED.unitsLeft(), List.of("Manager-01"),
                51L, 2_000L, "OPEN", MATCHED.recipients(), List.of(),
                new NoticeView.Match("Investor-07", 53, new BigDecimal("1.1000"), 99_000L, 55, 4_000L, null, List.of(),
                        null, null));
        Map<String, Object> body = NoticeShape.of(Viewer.active("Manager-01", Set.of(Role.MANAGER)), matching).orElseThrow();
        assertEquals("OPEN", body.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> resolution = (Map<String, Object>) body.get("resolution");
        assertEquals(List.of("GIVEN_BY_SILENCE", 51L), List.of(resolution.get("consent"), resolution.get("index")));
        assertEquals("OPEN", ((Map<?, ?>) body.get("match")).get("status"));
    }

    @Test
    void theMatchStageNamesTheWinnerToNoHolderAndTheHoldersToNobodyButOversight() {
        String holder = matchOf("Holder-02", Role.HOLDER);
        assertEquals("{\"awardedAt\":4000,\"awardedIndex\":55,\"clearingPrice\":\"1.1000\",\"fundCode\":\"DGF3\","
                + "\"manager\":\"Manager-01\",\"matchBy\":99000,\"priority\":\"MANAGER_FIRST_THEN_PRO_RATA\","
                + "\"resolution\":{\"allocations\":[" + ALLOTMENT + "],\"index\":57,\"resolvedAt\":6000},"
                + "\"seller\":\"Holder-01\",\"status\":\"RESOLVED\",\"units\":\"1000.00\"}", holder);
        String manager = matchOf("Manager-01", Role.MANAGER);
        assertTrue(!manager.contains("Investor-07") && !manager.contains("Holder-02") && manager.contains("1.1000"), manager);
        String seller = matchOf("Holder-01", Role.HOLDER);
        // The seller learns the winner from the resolution, as from the trade that follows it, never the holders asked.
        assertTrue(!seller.contains("\"holders\"") && seller.contains("\"winner\":\"Investor-07\",\"winnerUnits\":\"600.00\""),
                seller);
        assertEquals("withheld", matchOf("Investor-07", Role.INVESTOR));
        String regulator = matchOf("Regulator-01", Role.REGULATOR);
        assertTrue(regulator.contains("\"winner\":\"Investor-07\"") && regulator.contains("\"holders\":[{"), regulator);
    }
}
