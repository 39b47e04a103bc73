package fundexchange.bench;

import fundexchange.engine.Engine;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.SensitiveAction;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.command.UpdateNav;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.TradeExecuted;
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
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.SignedRequest;
import fundexchange.journal.chronicle.Journals;
import fundexchange.testsupport.JournalWriter;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a journal as the sequencer and engine runner would, with the real {@link Engine} deciding each command:
 * onboarding through maker-checker, funds and deposits, then negotiated transfers (list, approve, accept, settle)
 * with Ticks between them, a periodic NAV update, a rejected late acceptance and a duplicate settlement. Requests
 * carry a well-formed but unverified signature: the engine does not verify signatures (the gateway does) and the
 * audit tailer only hashes the documents as written.
 */
final class ChainJournalWriter implements AutoCloseable {
    private static final int FUNDS = 10;
    private static final int HOLDERS = 20;
    private static final int INVESTORS = 100;
    private static final long STEP_MS = 5;
    private static final String SIGNATURE = Base64.getEncoder().encodeToString(new byte[64]);

    private final JournalWriter writer;
    private final Map<String, Integer> mix = new TreeMap<>();
    private long time;
    private long requests;

    ChainJournalWriter(Path dataDirectory, long startMs) {
        this.writer = new JournalWriter(dataDirectory, Engine.selfContained());
        this.time = startMs;
    }

    Journals journals() {
        return writer.journals();
    }

    /** Writes about {@code records} command/event pairs (the last transfer completes), returning how many. */
    long write(long records) {
        setUp();
        int cycle = 0;
        while (writer.lastIndex() < records) {
            transfer(cycle++);
        }
        return writer.lastIndex();
    }

    /** Command type to count, and the outcomes other than ACCEPTED as "Type/OUTCOME". */
    Map<String, Integer> mix() {
        return mix;
    }

    /** A fresh public key: every participant has its own (the engine refuses one registered twice). */
    private static String publicKey() {
        return Base64.getEncoder().encodeToString(KeyMaterial.spki(KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()));
    }

    private void setUp() {
        submit(CommandRecord.unsigned(writer.lastIndex() + 1, time, JournalWriter.genesis(keyId -> publicKey())));
        for (int h = 0; h < HOLDERS; h++) {
            onboard(holder(h), Role.HOLDER);
        }
        for (int i = 0; i < INVESTORS; i++) {
            onboard(investor(i), Role.INVESTOR);
        }
        for (int f = 0; f < FUNDS; f++) {
            accepted("Staff-01", "/funds", new RegisterFund(fund(f), "Demo Fund " + f, "Demo Capital Management", "GROWTH",
                    2019, "CNY", LegalForm.CONTRACTUAL, CustodyMode.FULL, null, Price.of("1.5000"), "2026-09-30",
                    Units.of("100.00"), false));
            for (int h = 0; h < HOLDERS; h++) {
                accepted("Staff-01", "/deposits", new DepositUnits(fund(f), holder(h), Units.of("100000000.00"),
                        Money.of("100000000.00")));
            }
        }
    }

    private void onboard(String participant, Role role) {
        accepted("Staff-01", "/participants", new RegisterParticipant(participant, participant + " Ltd",
                ParticipantType.INSTITUTION, List.of(role)));
        approved(new ApproveParticipant(participant));
        approved(new RegisterFirstKey(participant, participant + "-k1", "ED25519", publicKey()));
        if (role == Role.INVESTOR) {
            approved(new SetQualification(participant, QualificationStatus.QUALIFIED, "2099-12-31"));
        }
    }

    private void approved(SensitiveAction action) {
        long proposal = accepted("Staff-01", "/proposals", new Propose(action)).sourceIndex();
        accepted("Staff-02", "/proposals/" + proposal + "/approve", new ApproveProposal(proposal));
    }

    /** One negotiated transfer, a Tick, and every so often a NAV update, a late acceptance and a duplicate. */
    private void transfer(int cycle) {
        String seller = holder(cycle % HOLDERS);
        String buyer = investor(cycle % INVESTORS);
        String fund = fund(cycle % FUNDS);
        long listing = accepted(seller, "/listings", new ListNegotiated(fund, buyer, Units.of("100.00"), Price.of("1.2000"), 0))
                .sourceIndex();
        accepted("Staff-02", "/listings/" + listing + "/approve", new ApproveListing(listing));
        long tradeId = tradeId(accepted(buyer, "/listings/" + listing + "/accept", new AcceptListing(listing)));
        SignedRequest settle = request("Staff-01", "/trades/" + tradeId + "/settle", new ConfirmSettlement(tradeId));
        accepted(settle, new ConfirmSettlement(tradeId));
        time += STEP_MS;
        submit(CommandRecord.unsigned(writer.lastIndex() + 1, time, new Tick()));
        if (cycle % 10 == 0) {
            submit(CommandRecord.signed(writer.lastIndex() + 1, time, request(buyer, "/listings/" + listing + "/accept",
                    new AcceptListing(listing)), new AcceptListing(listing)));
            submit(CommandRecord.signed(writer.lastIndex() + 1, time, settle, new ConfirmSettlement(tradeId)));
        }
        if (cycle % 50 == 0) {
            accepted("Staff-01", "/funds/" + fund + "/nav", new UpdateNav(fund, Price.of("1.5000"), "2026-09-30"));
        }
    }

    private static long tradeId(EventDocument accepted) {
        for (Event event : accepted.events()) {
            if (event instanceof TradeExecuted trade) {
                return trade.tradeId();
            }
        }
        throw new IllegalStateException("no trade at index " + accepted.sourceIndex());
    }

    private EventDocument accepted(String participant, String path, Command command) {
        return accepted(request(participant, path, command), command);
    }

    private EventDocument accepted(SignedRequest request, Command command) {
        EventDocument document = submit(CommandRecord.signed(writer.lastIndex() + 1, time, request, command));
        if (document.outcome().status() != OutcomeStatus.ACCEPTED) {
            throw new IllegalStateException("setup command " + writer.lastIndex() + " was not accepted: "
                    + document.outcome());
        }
        return document;
    }

    private SignedRequest request(String participant, String path, Command command) {
        time += STEP_MS;
        return JournalWriter.request(participant, SIGNATURE, time, "bench-" + participant + "-" + (++requests), path,
                command);
    }

    private EventDocument submit(CommandRecord record) {
        EventDocument document = writer.submit(record);
        String type = JournalCodec.mapper().valueToTree(record.command()).path("type").asText();
        mix.merge(document.outcome().status() == OutcomeStatus.ACCEPTED ? type : type + "/" + document.outcome().status(),
                1, Integer::sum);
        return document;
    }

    private static String holder(int n) {
        return "Holder-%04d".formatted(n);
    }

    private static String investor(int n) {
        return "Investor-%04d".formatted(n);
    }

    private static String fund(int n) {
        return "DEMO-F%02d".formatted(n);
    }

    @Override
    public void close() {
        writer.close();
    }
}
