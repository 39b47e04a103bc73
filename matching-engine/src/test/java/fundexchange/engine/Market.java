package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.SensitiveAction;
import fundexchange.protocol.command.SetHolidays;
import fundexchange.protocol.command.SetOfficialCalendar;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.OutcomeStatus;
import java.util.List;

/** A small onboarded market on a {@link Scenario}: holders, qualified investors and funds, with assertion helpers. */
final class Market {
    final Scenario s;

    Market() {
        s = new Scenario().genesis();
    }

    /** A market on a journal whose genesis records {@code rulesVersion} and the published calendars. */
    static Market withCalendars(int rulesVersion) {
        return new Market(new Scenario().genesisWithCalendars(rulesVersion));
    }

    private Market(Scenario scenario) {
        s = scenario;
    }

    /** A market on a journal whose genesis records {@code rulesVersion}. */
    Market(int rulesVersion) {
        s = new Scenario().genesis(rulesVersion);
    }

    /** Registers, approves, keys and (for investors) qualifies a participant through maker-checker. */
    Market participant(String id, Role... roles) {
        accepted(s.by("Staff-01", new RegisterParticipant(id, "Demo " + id, ParticipantType.INSTITUTION, List.of(roles))));
        approved(new ApproveParticipant(id));
        approved(new RegisterFirstKey(id, id + "-k1", "ED25519", Scenario.key(id + "-k1")));
        if (List.of(roles).contains(Role.INVESTOR)) {
            approved(new SetQualification(id, QualificationStatus.QUALIFIED, "2027-12-31"));
        }
        return this;
    }

    Market fund(String code, boolean rightOfFirstRefusal) {
        accepted(s.by("Staff-01", new RegisterFund(code, "Demo Growth Fund " + code, "Demo Capital Management", "GROWTH",
                2019, "CNY", LegalForm.PARTNERSHIP, CustodyMode.FULL, null, Price.of("1.5000"), "2026-09-30",
                Units.of("100.00"), rightOfFirstRefusal)));
        return this;
    }

    Market deposit(String fund, String holder, String units, String cost) {
        accepted(s.by("Staff-01", new DepositUnits(fund, holder, Units.of(units), Money.of(cost))));
        return this;
    }

    void approved(SensitiveAction action) {
        EventDocument proposal = accepted(s.by("Staff-01", new Propose(action)));
        accepted(s.by("Staff-02", new ApproveProposal(proposal.sourceIndex())));
    }

    /**
     * Sets a year's official calendar the way this journal's rules version does: from version 7 ({@link
     * fundexchange.protocol.RulesVersion#HOLIDAYS_BY_PROPOSAL}) Staff-01 proposes it and Staff-02 approves, before it
     * Staff-01 sets it directly. Returns the document whose events hold the {@code HolidaysSet}.
     */
    EventDocument calendar(SetHolidays calendar) {
        Command command = calendarCommand(calendar);
        EventDocument doc = ok("Staff-01", command);
        return command instanceof Propose ? ok("Staff-02", new ApproveProposal(doc.sourceIndex())) : doc;
    }

    /** The command by which a staff member sets (from version 7: proposes) {@code calendar} in this journal. */
    Command calendarCommand(SetHolidays calendar) {
        return s.engine.state().rulesVersion >= fundexchange.protocol.RulesVersion.HOLIDAYS_BY_PROPOSAL
                ? new Propose(new SetOfficialCalendar(calendar.year(), calendar.holidays(), calendar.workdays()))
                : calendar;
    }

    EventDocument ok(String participant, Command command) {
        return accepted(s.by(participant, command));
    }

    void refused(String participant, Command command, RejectCode code) {
        EventDocument doc = s.by(participant, command);
        assertEquals(OutcomeStatus.REJECTED, doc.outcome().status(), () -> "expected " + code + ", got " + doc.outcome());
        assertEquals(code.code(), doc.outcome().code(), doc.outcome().message());
        assertEquals(List.of(), doc.events());
    }

    /**
     * Replays the whole journal into a fresh engine, checking the {@link Invariants} after every document and that
     * the replay reproduces every document and the state hash.
     */
    void replayCheckingInvariants() {
        Engine replay = new Engine();
        Invariants invariants = new Invariants();
        for (int i = 0; i < s.journal.size(); i++) {
            EventDocument doc = replay.apply(s.journal.get(i));
            invariants.observe(doc);
            invariants.check(replay);
        }
        assertEquals(s.engine.stateHash(), replay.stateHash(), "replay reproduces the state hash");
    }

    static EventDocument accepted(EventDocument doc) {
        assertEquals(Outcome.ACCEPTED, doc.outcome(), () -> "outcome of " + doc.sourceIndex());
        return doc;
    }
}
