package fundexchange.registry.projector;

import static fundexchange.registry.TestJournal.DIGEST;
import static fundexchange.registry.TestJournal.FUND;
import static fundexchange.registry.TestJournal.HOLDER;
import static fundexchange.registry.TestJournal.INVESTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.command.AnswerTransferNotice;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.command.SetTransferTerms;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.transfer.NoticeAnswer;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.RegistryDump;
import fundexchange.registry.TestJournal;
import fundexchange.registry.read.NoticeQuery;
import fundexchange.registry.read.NoticeReads;
import fundexchange.registry.read.NoticeView;
import fundexchange.registry.read.Page;
import fundexchange.registry.read.RegistryReads;
import fundexchange.registry.read.TermsView;
import java.math.BigDecimal;
import fundexchange.testsupport.JournalWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Consent and first refusal as the registry projects it (V18_1: after V18, which released registries already hold): terms, notice, recipients, answers, resolution. */
class NoticeProjectionTest {
    private static final String MANAGER = "Manager-01";
    private static final String PARTNER = "Holder-02";
    /** V21's match columns of a notice without a match stage. */
    private static final String NO_MATCH = ",\"match_after_close\":null,\"winner\":null,\"winning_bid_id\":null,"
            + "\"clearing_price\":null,\"match_by\":null,\"awarded_index\":null,\"awarded_at\":null,\"winner_units\":null,"
            + "\"match_silent\":null,\"match_resolved_index\":null,\"match_resolved_at\":null";
    private static final String NO_MATCH_LINE = ",\"units_at_close\":null,\"match_requested\":null,"
            + "\"match_allocated\":null,\"match_refused_code\":null";
    @RegisterExtension
    static final MigratedRegistry REGISTRY = new MigratedRegistry();
    private final DataSource dataSource = REGISTRY.dataSource();

    @TempDir
    Path data;
    private TestJournal journal;

    @BeforeEach
    void market() {
        journal = new TestJournal(data).market();
        participant(MANAGER, Role.MANAGER, Role.INVESTOR);
        participant(PARTNER, Role.HOLDER, Role.INVESTOR);
        journal.acceptedBy("Staff-01", new DepositUnits(FUND, PARTNER, Units.of("3000.00"), Money.of("3000.00")));
        journal.approved(new SetTransferTerms(FUND, MANAGER, null, null, null, null, null, null, DIGEST));
    }

    private void participant(String id, Role... roles) {
        journal.acceptedBy("Staff-01", new RegisterParticipant(id, id, ParticipantType.INSTITUTION, List.of(roles)));
        journal.approved(new ApproveParticipant(id));
        journal.approved(new RegisterFirstKey(id, id + "-k1", "ED25519", JournalWriter.key(id + "-k1")));
        journal.approved(new SetQualification(id, QualificationStatus.QUALIFIED, "2027-12-31"));
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    @Test
    void theRegistryShowsWhoWasNotifiedWhoAnsweredWhenAndWhatEachWasAllotted() {
        long listing = journal.acceptedBy(HOLDER, new ListNegotiated(FUND, INVESTOR, Units.of("1000.00"), Price.of("1.2000"), 0))
                .sourceIndex();
        journal.advance(60_000);
        long consent = journal.acceptedBy(MANAGER, new AnswerTransferNotice(listing, NoticeAnswer.CONSENT, null, null)).sourceIndex();
        long waiver = journal.acceptedBy(MANAGER, new AnswerTransferNotice(listing, NoticeAnswer.WAIVE, null, null)).sourceIndex();
        journal.advance(60_000);
        long exercise = journal.acceptedBy(PARTNER, new AnswerTransferNotice(listing, NoticeAnswer.EXERCISE,
                Units.of("400.00"), null)).sourceIndex();
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            projector.catchUp();
        }
        TreeMap<String, List<String>> tables = RegistryDump.of(dataSource);
        assertEquals(List.of("{\"fund_code\":\"DGF3\",\"manager\":\"Manager-01\",\"consent_required\":true,"
                + "\"consent_on_silence\":\"REFUSAL\",\"priority\":\"MANAGER_FIRST_THEN_PRO_RATA\",\"notice_days\":30,"
                + "\"match_days\":30,\"affiliates\":\"\",\"document_digest\":\"" + DIGEST + "\",\"source_index\":"
                + (listing - 1) + "}"), tables.get("transfer_terms"));
        assertEquals(List.of("{\"listing_id\":" + listing + ",\"fund_code\":\"DGF3\",\"transferor\":\"Holder-01\","
                + "\"buyer\":\"Investor-07\",\"manager\":\"Manager-01\",\"units\":1000.00,\"price\":1.2000,"
                + "\"consent_required\":true,\"priority\":\"MANAGER_FIRST_THEN_PRO_RATA\",\"attestation_required\":false,"
                + "\"answer_by\":" + (TestJournal.START + 30 * 86_400_000L) + ",\"issued_index\":" + listing + ","
                + "\"consent_outcome\":\"GIVEN\",\"units_left\":600.00,\"silent\":\"\",\"resolved_index\":" + exercise
                + ",\"issued_at\":" + TestJournal.START + ",\"resolved_at\":" + (TestJournal.START + 120_000) + NO_MATCH + "}"),
                tables.get("transfer_notices"));
        assertEquals(List.of(
                "{\"listing_id\":" + listing + ",\"participant_id\":\"Holder-02\",\"units_at_notice\":3000.00,"
                        + "\"requested\":400.00,\"allocated\":400.00,\"refused_code\":null" + NO_MATCH_LINE + "}",
                "{\"listing_id\":" + listing + ",\"participant_id\":\"Manager-01\",\"units_at_notice\":null,"
                        + "\"requested\":null,\"allocated\":null,\"refused_code\":null" + NO_MATCH_LINE + "}"),
                tables.get("transfer_notice_recipients"));
        assertEquals(List.of(
                answer(listing, consent, MANAGER, "CONSENT", "null", 60_000),
                answer(listing, exercise, PARTNER, "EXERCISE", "400.00", 120_000),
                answer(listing, waiver, MANAGER, "WAIVE", "null", 60_000)).stream().sorted().toList(),
                tables.get("transfer_notice_answers"));
    }

    @Test
    void noticeReadsFindTheNoticesNamingAParticipantWithTheirRecipientsAndTimedAnswers() {
        long listing = journal.acceptedBy(HOLDER, new ListNegotiated(FUND, INVESTOR, Units.of("1000.00"), Price.of("1.2000"), 0))
                .sourceIndex();
        journal.advance(60_000);
        long consent = journal.acceptedBy(MANAGER, new AnswerTransferNotice(listing, NoticeAnswer.CONSENT, null, null)).sourceIndex();
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            projector.catchUp();
        }
        NoticeReads reads = new RegistryReads(dataSource).notices();
        NoticeView open = new NoticeView(listing, FUND, HOLDER, INVESTOR, MANAGER, new BigDecimal("1000.00"),
                new BigDecimal("1.2000"), true, "MANAGER_FIRST_THEN_PRO_RATA", false, TestJournal.START + 30 * 86_400_000L,
                listing, TestJournal.START, null, null, null, null, null, "PENDING_APPROVAL",
                List.of(new NoticeView.Recipient(PARTNER, new BigDecimal("3000.00"), null, null, null),
                        new NoticeView.Recipient(MANAGER, null, null, null, null)),
                List.of(new NoticeView.Answer(consent, TestJournal.START + 60_000, MANAGER, "CONSENT", null, null)));
        Page page = new Page(0, 10);
        assertEquals(List.of(open), reads.notices(new NoticeQuery(Optional.empty(), Optional.of(PARTNER), Optional.of(true)), page));
        assertEquals(List.of(open), reads.notices(new NoticeQuery(Optional.of(FUND), Optional.of(HOLDER), Optional.empty()), page));
        assertEquals(List.of(), reads.notices(new NoticeQuery(Optional.empty(), Optional.of(INVESTOR), Optional.empty()), page));
        assertEquals(List.of(), reads.notices(new NoticeQuery(Optional.empty(), Optional.empty(), Optional.of(false)), page));
        assertEquals(Optional.of(open), reads.notice(listing));
        assertEquals(Optional.of(new TermsView(FUND, MANAGER, true, "REFUSAL", "MANAGER_FIRST_THEN_PRO_RATA", 30, 30, List.of(),
                DIGEST, listing - 1)), reads.terms(FUND));
        assertEquals(List.of(true, false), List.of(reads.holds(FUND, PARTNER), reads.holds(FUND, INVESTOR)));
    }

    @Test
    void anAuctionsMatchStageShowsItsAwardWhoWasAskedAndWhatEachMatched() {
        long days31 = 31 * 86_400_000L;
        long listing = journal.acceptedBy(HOLDER, new ListAuction(FUND, ListingMechanism.ENGLISH, Units.of("1000.00"),
                Price.of("1.0000"), null, Price.of("0.0100"), journal.time(), journal.time() + days31, 0L, 0L, false,
                null)).sourceIndex();
        journal.acceptedBy(MANAGER, new AnswerTransferNotice(listing, NoticeAnswer.CONSENT, null, null));
        journal.acceptedBy("Staff-02", new ApproveListing(listing));
        long bid = journal.acceptedBy(INVESTOR, new PlaceBid(listing, Price.of("1.1000"), null)).sourceIndex();
        journal.advance(days31);
        long award = journal.unsigned(new Tick()).sourceIndex();
        journal.acceptedBy(MANAGER, new AnswerTransferNotice(listing, NoticeAnswer.WAIVE, null, null));
        long last = journal.acceptedBy(PARTNER, new AnswerTransferNotice(listing, NoticeAnswer.EXERCISE,
                Units.of("400.00"), null)).sourceIndex();
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            projector.catchUp();
        }
        NoticeView notice = new RegistryReads(dataSource).notices().notice(listing).orElseThrow();
        long closedAt = TestJournal.START + days31;
        assertEquals(new NoticeView.Match(INVESTOR, bid, new BigDecimal("1.1000"), closedAt + 30 * 86_400_000L, award,
                closedAt, new BigDecimal("600.00"), List.of(), last, closedAt), notice.match());
        assertEquals(List.of(new NoticeView.Recipient(PARTNER, null, null, null, null, new BigDecimal("3000.00"),
                        new BigDecimal("400.00"), new BigDecimal("400.00"), null),
                new NoticeView.Recipient(MANAGER, null, null, null, null)), notice.recipients());
        assertEquals("GIVEN", notice.consentOutcome());
        assertEquals(List.of(), new RegistryReads(dataSource).notices().notices(new NoticeQuery(Optional.empty(),
                Optional.of(PARTNER), Optional.of(true)), new Page(0, 10)));
    }

    private static String answer(long listing, long index, String who, String answer, String units, long after) {
        return "{\"listing_id\":" + listing + ",\"answered_index\":" + index + ",\"participant_id\":\"" + who
                + "\",\"answer\":\"" + answer + "\",\"units\":" + units + ",\"evidence_digest\":null,\"answered_at\":"
                + (TestJournal.START + after) + "}";
    }
}
