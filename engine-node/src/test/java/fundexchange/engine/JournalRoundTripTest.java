package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ClearRofr;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.RevokeKey;
import fundexchange.protocol.command.RotateKey;
import fundexchange.protocol.command.SetHolidays;
import fundexchange.protocol.command.SetOfficialCalendar;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.command.UpdateNav;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command and event type survives the journal's JSON exactly, so replay and projections see what was decided. */
class JournalRoundTripTest {
    @Test
    void everyRecordOfAFullScenarioDecodesToWhatWasWritten() {
        Scenario s = new Scenario().genesis();
        List<EventDocument> docs = new ArrayList<>(List.of(s.last));
        docs.add(s.by("Staff-01", new RegisterParticipant("Holder-01", "Demo LP One", ParticipantType.INSTITUTION, List.of(Role.HOLDER))));
        docs.add(s.by("Staff-01", new RegisterParticipant("Investor-07", "Demo Buyer", ParticipantType.INDIVIDUAL, List.of(Role.INVESTOR))));
        for (var action : List.of(new ApproveParticipant("Holder-01"), new ApproveParticipant("Investor-07"),
                new fundexchange.protocol.command.RegisterFirstKey("Holder-01", "Holder-01-k1", "ED25519", Scenario.key("Holder-01-k1")),
                new fundexchange.protocol.command.RegisterFirstKey("Investor-07", "Investor-07-k1", "ED25519", Scenario.key("Investor-07-k1")),
                new SetQualification("Investor-07", QualificationStatus.QUALIFIED, "2030-01-01"),
                new SetPlatformParameter("request-window-ms", "300000"))) {
            EventDocument proposal = s.by("Staff-01", new Propose(action));
            docs.add(proposal);
            docs.add(s.by("Staff-02", new ApproveProposal(proposal.sourceIndex())));
        }
        docs.add(s.by("Staff-01", new RegisterFund("DGF3", "Demo Growth Fund III", "Demo Capital", "GROWTH", 2019, "CNY",
                LegalForm.LLC, CustodyMode.PARTIAL, 60, Price.of("1.2345"), "2026-06-30", Units.of("10.00"), true,
                Money.of("300000000.00"))));
        docs.add(s.by("Staff-01", new UpdateNav("DGF3", Price.of("1.3000"), "2026-09-30")));
        // Rules version 7 refuses the direct calendar (1044); its command and refusal still round-trip.
        EventDocument direct = s.by("Staff-01", new SetHolidays(2027, List.of("2027-10-01", "2027-02-11")));
        assertEquals(fundexchange.protocol.RejectCode.CALENDAR_NEEDS_PROPOSAL.code(), direct.outcome().code());
        docs.add(direct);
        EventDocument calendar = s.by("Staff-01", new Propose(new SetOfficialCalendar(2027, List.of("2027-10-01", "2027-02-11"),
                List.of("2027-02-06"))));
        docs.add(calendar);
        docs.add(s.by("Staff-02", new ApproveProposal(calendar.sourceIndex())));
        docs.add(s.by("Staff-01", new DepositUnits("DGF3", "Holder-01", Units.of("1000.00"), Money.of("900.00"))));
        EventDocument listed = s.by("Holder-01", new ListNegotiated("DGF3", "Investor-07", Units.of("500.00"), Price.of("1.1000"), s.time + 999_999));
        docs.add(listed);
        EventDocument override = s.by("Staff-01", new Propose(new fundexchange.protocol.command.OverrideRofr(
                listed.sourceIndex(), ClearRofr.RofrDecision.WAIVED, null, "waivers filed on paper")));
        docs.add(override);
        docs.add(s.by("Staff-02", new ApproveProposal(override.sourceIndex())));
        docs.add(s.by("Staff-02", new ApproveListing(listed.sourceIndex())));
        EventDocument accepted = s.by("Investor-07", new AcceptListing(listed.sourceIndex()));
        docs.add(accepted);
        docs.add(s.by("Staff-01", new ConfirmSettlement(accepted.sourceIndex() * 4096)));
        docs.add(s.by("Holder-01", new RotateKey("Holder-01-k2", "ED25519", Scenario.key("Holder-01-k2"))));
        docs.add(s.by("Holder-01", new RevokeKey("Holder-01-k1")));

        assertEquals(List.of(direct), docs.stream().filter(d -> !Engine.succeeded(d.outcome())).toList());
        for (CommandRecord record : s.journal) {
            assertEquals(record, JournalCodec.readCommand(JournalCodec.write(record)));
        }
        for (EventDocument doc : docs) {
            assertEquals(doc, JournalCodec.readEvents(JournalCodec.write(doc)));
        }
    }
}
