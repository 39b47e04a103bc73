package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.ListingCancelled;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.command.SetHolidays;
import fundexchange.protocol.command.SetOfficialCalendar;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.ProposalCreated;
import fundexchange.protocol.event.ProposalExpired;
import fundexchange.protocol.command.YearCalendar;
import fundexchange.protocol.event.HolidaysSet;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.OfficialCalendars;
import fundexchange.protocol.reference.Role;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The official calendar (issue 20): make-up working days, strict dates, the horizon of rules version 4, and maker-checker
 * from rules version 7.
 */
class OfficialCalendarTest {
    private static final String FUND = "DGF3";
    private static final long DAY = 24 * 3_600_000L;
    /** The last version whose trades need no calendar, to show the anti-flip count alone reaching a year without one. */
    private static final int VERSION_5 = RulesVersion.SETTLEMENT_IN_BUSINESS_DAYS - 1;
    private static final ListNegotiated RESALE = new ListNegotiated(FUND, "Investor-08", Units.of("500.00"),
            Price.of("1.3000"), 0);
    private Market m;

    @AfterEach
    void invariantsHeldAtEveryStepAndReplayAgrees() {
        m.replayCheckingInvariants();
    }

    private Market market(int rulesVersion) {
        m = new Market(rulesVersion).participant("Holder-01", Role.HOLDER)
                .participant("Investor-07", Role.INVESTOR, Role.HOLDER).participant("Investor-08", Role.INVESTOR)
                .fund(FUND, false).deposit(FUND, "Holder-01", "10000.00", "10000.00");
        return m;
    }

    /** Investor-07 buys 1000 units from Holder-01; staff settle it the same day (Wednesday 2026-11-18 unless advanced). */
    private void buyAndSettle() {
        long listing = m.ok("Holder-01", new ListNegotiated(FUND, "Investor-07", Units.of("1000.00"), Price.of("1.2000"), 0))
                .sourceIndex();
        m.ok("Staff-02", new ApproveListing(listing));
        long tradeId = ((TradeExecuted) m.ok("Investor-07", new AcceptListing(listing)).events().get(0)).tradeId();
        m.ok("Staff-01", new ConfirmSettlement(tradeId));
    }

    @Test
    void aMakeUpSaturdayCountsAsABusinessDayAndTheHolidaysBeforeItDoNot() {
        market(RulesVersion.CURRENT);
        m.calendar(new SetHolidays(2026, List.of("2026-11-19", "2026-11-20"), List.of("2026-11-21")));
        buyAndSettle(); // settled on Wednesday 11-18
        m.s.advance(7 * DAY); // Wednesday 11-25: Sat 21 (make-up), Mon 23, Tue 24, Wed 25 count; Thu 19, Fri 20 do not
        m.refused("Investor-07", RESALE, RejectCode.ANTI_FLIP_PERIOD);
        m.s.advance(DAY); // Thursday 11-26: the fifth business day (a Friday without the make-up Saturday)
        m.ok("Investor-07", RESALE);
    }

    @Test
    void aCountReachingAYearWithoutACalendarIsRefusedNamingTheYear() {
        market(VERSION_5); // from version 6 the trade itself needs its dates' calendar (SettlementBusinessDaysTest)
        buyAndSettle();
        m.s.advance(7 * DAY);
        EventDocument refused = m.s.by("Investor-07", RESALE);
        assertEquals(RejectCode.CALENDAR_YEAR_NOT_SET.code(), refused.outcome().code());
        assertEquals("no official calendar is set for 2026: staff must set its holidays and make-up working days"
                + " (POST /calendar/holidays) before a business day of it is counted / 尚未设定 2026 年的官方日历：工作人员须先设定该年的"
                + "节假日和调休工作日（POST /calendar/holidays），方可计算该年的工作日", refused.outcome().message());
        m.calendar(new SetHolidays(2026, List.of()));
        m.ok("Investor-07", RESALE);
    }

    @Test
    void aCountCrossingIntoTheNextYearNeedsThatYearsCalendarToo() {
        market(VERSION_5); // from version 6 the trade itself needs its dates' calendar (SettlementBusinessDaysTest)
        m.calendar(new SetHolidays(2026, List.of()));
        m.s.advance(43 * DAY); // Thursday 2026-12-31
        buyAndSettle();
        m.s.advance(7 * DAY); // Thursday 2027-01-07: the count passes into 2027
        m.refused("Investor-07", RESALE, RejectCode.CALENDAR_YEAR_NOT_SET);
        m.calendar(new SetHolidays(2027, List.of("2027-01-01")));
        m.refused("Investor-07", RESALE, RejectCode.ANTI_FLIP_PERIOD); // 01-04 to 01-07: four
        m.s.advance(DAY); // Friday 01-08: the fifth
        m.ok("Investor-07", RESALE);
    }

    @Test
    void aVersionThreeJournalCountsMondayToFridayInAYearWithoutACalendar() {
        market(3);
        buyAndSettle();
        m.s.advance(7 * DAY); // Wednesday 11-25: 19, 20, 23, 24, 25
        m.ok("Investor-07", RESALE);
    }

    @Test
    void staffAdoptThePublishedCalendarWithItsMakeUpWorkingDays() {
        market(RulesVersion.CURRENT);
        OfficialCalendars.YearCalendar published = OfficialCalendars.of(2026).orElseThrow();
        EventDocument set = m.calendar(new SetHolidays(2026, published.holidays(), published.workdays()));
        assertEquals(List.of(new ProposalApproved(set.sourceIndex() - 1, "Staff-02"),
                new HolidaysSet(2026, published.holidays(), published.workdays())), set.events());
        assertEquals(List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"),
                published.workdays());
        BusinessCalendar calendar = new BusinessCalendar(m.s.engine.state());
        assertEquals(true, calendar.isBusinessDay(java.time.LocalDate.parse("2026-02-14")), "make-up Saturday");
        assertEquals(false, calendar.isBusinessDay(java.time.LocalDate.parse("2026-02-16")), "Spring Festival Monday");
        assertEquals(false, calendar.isBusinessDay(java.time.LocalDate.parse("2026-02-21")), "an ordinary Saturday");
        // 2026-02-13 (Fri) to 2026-03-02 (Mon): Sat 14, Tue 24, Wed 25, Thu 26, Fri 27, Sat 28, Mon 2
        assertEquals(7, calendar.businessDaysAfter(java.time.LocalDate.parse("2026-02-13"),
                java.time.LocalDate.parse("2026-03-02"), 100));
    }

    @Test
    void aYearsNewCalendarReplacesItsMakeUpWorkingDays() {
        market(RulesVersion.CURRENT);
        m.calendar(new SetHolidays(2026, List.of("2026-11-20"), List.of("2026-11-21")));
        String withMakeUpDay = m.s.engine.stateHash();
        m.calendar(new SetHolidays(2026, List.of("2026-11-20")));
        assertEquals(false, new BusinessCalendar(m.s.engine.state()).isBusinessDay(java.time.LocalDate.parse("2026-11-21")));
        assertEquals(false, withMakeUpDay.equals(m.s.engine.stateHash()));
        Engine restored = Engine.restore(m.s.engine.snapshot());
        assertEquals(m.s.engine.stateHash(), restored.stateHash());
    }

    @Test
    void aCalendarsDatesAreCheckedStrictly() {
        market(RulesVersion.CURRENT);
        refusedCalendar(new SetHolidays(2026, List.of(), List.of("2026-11-20")), RejectCode.MAKE_UP_DAY_NOT_WEEKEND);
        refusedCalendar(new SetHolidays(2026, List.of(), List.of("2027-01-02")), RejectCode.INVALID_FIELD);
        refusedCalendar(new SetHolidays(2026, List.of("2027-01-01")), RejectCode.INVALID_FIELD);
        refusedCalendar(new SetHolidays(2026, List.of("2026-11-21"), List.of("2026-11-21")), RejectCode.CALENDAR_DATE_REPEATED);
        refusedCalendar(new SetHolidays(2026, List.of("2026-11-20", "2026-11-20")), RejectCode.CALENDAR_DATE_REPEATED);
        refusedCalendar(new SetHolidays(2026, List.of(), List.of("2026-11-21", "2026-11-21")),
                RejectCode.CALENDAR_DATE_REPEATED);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= CalendarRules.MAX_DATES; i++) {
            tooMany.add("2026-01-01");
        }
        refusedCalendar(new SetHolidays(2026, tooMany), RejectCode.CALENDAR_TOO_MANY_DATES);
        refusedCalendar(new SetHolidays(1899, List.of()), RejectCode.INVALID_FIELD);
        m.refused("Investor-07", m.calendarCommand(new SetHolidays(2026, List.of())), RejectCode.WRONG_ROLE);
    }

    /** Staff-01's setting (from version 7 its proposal) of {@code calendar} is refused with {@code code}. */
    private void refusedCalendar(SetHolidays calendar, RejectCode code) {
        m.refused("Staff-01", m.calendarCommand(calendar), code);
    }

    @Test
    void aYearsCalendarIsProposedByOneStaffMemberAndTakesEffectOnlyWhenAnotherApproves() {
        market(RulesVersion.CURRENT);
        SetOfficialCalendar calendar = new SetOfficialCalendar(2027, List.of("2027-01-01"), List.of("2027-01-02"));
        m.refused("Staff-01", calendar.asCommand(), RejectCode.CALENDAR_NEEDS_PROPOSAL);
        EventDocument proposed = m.ok("Staff-01", new Propose(calendar));
        assertEquals(List.of(new ProposalCreated(proposed.sourceIndex(), "Staff-01", calendar,
                m.s.time + m.s.engine.state().parameters.proposalExpiryMs())), proposed.events());
        assertEquals(null, m.s.engine.state().holidays.get(2027), "a proposal sets nothing");
        m.refused("Staff-01", new ApproveProposal(proposed.sourceIndex()), RejectCode.SAME_STAFF_APPROVAL);
        EventDocument approved = m.ok("Staff-02", new ApproveProposal(proposed.sourceIndex()));
        assertEquals(List.of(new ProposalApproved(proposed.sourceIndex(), "Staff-02"),
                new HolidaysSet(2027, List.of("2027-01-01"), List.of("2027-01-02"))), approved.events());
        BusinessCalendar inForce = new BusinessCalendar(m.s.engine.state());
        assertEquals(List.of(false, true), List.of(inForce.isBusinessDay(java.time.LocalDate.parse("2027-01-01")),
                inForce.isBusinessDay(java.time.LocalDate.parse("2027-01-02"))));
        m.refused("Staff-01", new ApproveProposal(proposed.sourceIndex()), RejectCode.PROPOSAL_NOT_PENDING);
    }

    @Test
    void aVersionSixJournalStillSetsACalendarDirectlyAndRefusesItsProposal() {
        market(RulesVersion.HOLIDAYS_BY_PROPOSAL - 1);
        EventDocument set = m.ok("Staff-01", new SetHolidays(2027, List.of("2027-01-01"), List.of("2027-01-02")));
        assertEquals(List.of(new HolidaysSet(2027, List.of("2027-01-01"), List.of("2027-01-02"))), set.events());
        m.refused("Staff-01", new Propose(new SetOfficialCalendar(2027, List.of(), null)),
                RejectCode.CALENDAR_PROPOSAL_NOT_IN_RULES);
    }

    @Test
    void approvingAYearsCalendarLapsesEveryOtherPendingProposalForThatYearInTheSameDocument() {
        market(RulesVersion.CURRENT);
        SetOfficialCalendar first = new SetOfficialCalendar(2027, List.of("2027-01-01"), null);
        SetOfficialCalendar second = new SetOfficialCalendar(2027, List.of("2027-10-01"), null);
        SetOfficialCalendar nextYear = new SetOfficialCalendar(2028, List.of("2028-01-01"), null);
        long older = m.ok("Staff-01", new Propose(first)).sourceIndex();
        long newer = m.ok("Staff-02", new Propose(second)).sourceIndex();
        long other = m.ok("Staff-01", new Propose(nextYear)).sourceIndex();
        EventDocument approved = m.ok("Staff-01", new ApproveProposal(newer));
        assertEquals(List.of(new ProposalApproved(newer, "Staff-01"), new HolidaysSet(2027, List.of("2027-10-01")),
                new ProposalExpired(older, "Staff-01")), approved.events());
        m.refused("Staff-02", new ApproveProposal(older), RejectCode.PROPOSAL_EXPIRED);
        assertEquals(List.of("2027-10-01"), m.s.engine.state().holidays.get(2027).stream().map(Object::toString).toList(),
                "the superseded proposal cannot put its calendar back");
        assertEquals(List.of(new ProposalApproved(other, "Staff-02"), new HolidaysSet(2028, List.of("2028-01-01"))),
                m.ok("Staff-02", new ApproveProposal(other)).events(), "another year's proposal stays pending");
    }

    @Test
    void aCalendarProposalLapsesUnapprovedAtItsExpiryAndSetsNothing() {
        market(RulesVersion.CURRENT);
        long proposal = m.ok("Staff-01", new Propose(new SetOfficialCalendar(2027, List.of("2027-01-01"), null)))
                .sourceIndex();
        m.s.advance(m.s.engine.state().parameters.proposalExpiryMs()).unsigned(new Tick());
        assertEquals(List.of(new ProposalExpired(proposal, "Staff-01")), m.s.last.events());
        m.refused("Staff-02", new ApproveProposal(proposal), RejectCode.PROPOSAL_EXPIRED);
        assertEquals(null, m.s.engine.state().holidays.get(2027));
    }

    @Test
    void fromVersionSevenACountReachingAYearWithoutACalendarNamesTheProposal() {
        market(RulesVersion.CURRENT);
        Rejection refused = org.junit.jupiter.api.Assertions.assertThrows(Rejection.class,
                () -> new BusinessCalendar(m.s.engine.state()).isBusinessDay(java.time.LocalDate.parse("2199-01-04")));
        assertEquals(RejectCode.CALENDAR_YEAR_NOT_SET, refused.code());
        assertEquals("no official calendar is set for 2199: staff must set its holidays and make-up working days"
                + " (propose SetOfficialCalendar, approved by a second staff member) before a business day of it is counted"
                + " / 尚未设定 2199 年的官方日历：工作人员须先设定该年的节假日和调休工作日（提议 SetOfficialCalendar 并经另一名工作人员批准），"
                + "方可计算该年的工作日", refused.getMessage());
    }

    @Test
    void aVersionThreeJournalStillMergesARepeatedHoliday() {
        market(3);
        EventDocument set = m.calendar(new SetHolidays(2026, List.of("2026-11-20", "2026-11-20")));
        assertEquals(Outcome.ACCEPTED, set.outcome());
        assertEquals(List.of(new HolidaysSet(2026, List.of("2026-11-20"))), set.events());
    }

    @Test
    void aGenesisSetsTheCalendarsItCarriesAfterItsParticipants() {
        Genesis base = Scenario.genesisCommand();
        List<YearCalendar> calendars = List.of(new YearCalendar(2026, List.of("2026-10-01"), List.of("2026-10-10")),
                new YearCalendar(2027, List.of(), null));
        Scenario s = new Scenario().unsigned(new Genesis(base.exchangeKeyId(), base.exchangeAlgorithm(),
                base.exchangePublicKey(), base.participants(), null, RulesVersion.CURRENT, calendars));
        List<fundexchange.protocol.event.Event> events = s.last.events();
        assertEquals(List.of(new HolidaysSet(2026, List.of("2026-10-01"), List.of("2026-10-10")),
                new HolidaysSet(2027, List.of())), events.subList(events.size() - 2, events.size()));
        Scenario twice = new Scenario().unsigned(new Genesis(base.exchangeKeyId(), base.exchangeAlgorithm(),
                base.exchangePublicKey(), base.participants(), null, RulesVersion.CURRENT,
                List.of(calendars.get(0), calendars.get(0))));
        assertEquals(RejectCode.CALENDAR_DATE_REPEATED.code(), twice.last.outcome().code());
        m = new Market(); // the journal checked after each test
    }

    @Test
    void anAuctionWhoseSellersCountReachesAYearWithoutACalendarAtTheCloseIsCancelledWithTheReasonNotHalted() {
        market(VERSION_5); // from version 6 the trade itself needs its dates' calendar (SettlementBusinessDaysTest)
        m.calendar(new SetHolidays(2026, List.of()));
        m.deposit(FUND, "Investor-07", "1000.00", "1000.00");
        m.s.advance(42 * DAY); // Wednesday 2026-12-30
        buyAndSettle();
        // Only the deposited units are offered: the count (to 12-30, in 2026) lets the listing through.
        long listing = m.ok("Investor-07", new ListAuction(FUND, ListingMechanism.ENGLISH, Units.of("500.00"),
                Price.of("1.0000"), null, Price.of("0.0500"), m.s.time, m.s.time + 6 * DAY, null, null, false, null))
                .sourceIndex();
        m.ok("Staff-02", new ApproveListing(listing));
        m.ok("Investor-08", new PlaceBid(listing, Price.of("1.0000"), null));
        m.s.advance(7 * DAY); // 2027-01-06: the seller's count at the close reaches 2027, which has no calendar
        List<fundexchange.protocol.event.Event> fired = m.s.unsigned(new Tick()).last.events();
        ListingCancelled cancelled = (ListingCancelled) fired.get(1);
        assertEquals(List.of(listing, (long) RejectCode.CALENDAR_YEAR_NOT_SET.code()),
                List.of(cancelled.listingId(), (long) cancelled.rejectCode()));
        assertEquals(true, cancelled.reason().startsWith("seller failed at the close: no official calendar is set for 2027"),
                cancelled.reason());
    }
}
