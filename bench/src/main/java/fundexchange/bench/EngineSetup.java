package fundexchange.bench;

import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.GenesisParticipant;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.command.YearCalendar;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.OfficialCalendars;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.RequestParameters;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The engine benchmarks' setup, through normal commands as the gateway would journal them: the genesis (two staff,
 * one regulator), the window W set to {@value #WINDOW_MS} ms, the request retention to {@value #RETENTION_MS} ms,
 * the request memory's capacity to {@value #MEMORY_CAPACITY} ids and one participant's share of it to the whole
 * ({@value #PARTICIPANT_SHARE_BP} bp: two staff members sign about half of the mix) by maker-checker parameter
 * proposals, {@value #HOLDERS} holders and {@value #INVESTORS} qualified investors onboarded through maker-checker,
 * {@value #FUNDS} funds and a deposit of 100,000,000.00 units of each fund to each holder. The mix starts at
 * {@link #MIX_START_MS}, once the request memory has dropped the setup's generation. Also builds the signed envelopes of the mix: the
 * request body as a client sends it, its digest, a 64-byte dummy signature (the engine does not verify signatures;
 * the gateway does), a UUID client request id and a signed timestamp {@value #SIGNING_LAG_MS} ms before the command's
 * journal time.
 */
final class EngineSetup {
    static final int HOLDERS = 24;
    static final int INVESTORS = 100;
    static final int FUNDS = 10;
    /** The window W (CONTRACTS.md 8). */
    static final long WINDOW_MS = 10_000;
    /** Request ids are remembered at least this long in journal time (the least allowed: 2 W). */
    static final long RETENTION_MS = 2 * WINDOW_MS;
    /**
     * Room for 25 s of ids at 100,000 commands per second (five generations of RETENTION_MS / 4 holding 500,000 ids
     * each), with a fifth to spare: a generation refuses non-oversight writes in its last 1%.
     */
    static final int MEMORY_CAPACITY = 3_000_000;
    /** One participant may fill a whole generation. */
    static final int PARTICIPANT_SHARE_BP = 10_000;
    static final long SIGNING_LAG_MS = 3;
    static final long START_MS = 1_795_000_000_000L;
    /**
     * The mix's first block: the setup's requests opened the request memory's first generation under the default
     * retention (a quarter of it long, so ending at most that after {@link #START_MS}, with the default capacity), and
     * it is dropped {@link #RETENTION_MS} after its end; the mix's generations are then all of the setup's parameters.
     */
    static final long MIX_START_MS = START_MS + RequestParameters.DEFAULTS.retentionMs() / 4 + RETENTION_MS;
    private static final String SIGNATURE = Base64.getEncoder().encodeToString(pattern(64, 7));
    private static final String EMPTY_BODY_DIGEST = sha256("{}");

    private static final String[] HOLDER_IDS = names("Holder-%04d", HOLDERS);
    private static final String[] INVESTOR_IDS = names("Investor-%04d", INVESTORS);
    private static final String[] FUND_CODES = names("DEMO-F%02d", FUNDS);

    static String holder(long serial) {
        return HOLDER_IDS[(int) (serial % HOLDERS)];
    }

    static String investor(long serial) {
        return INVESTOR_IDS[(int) (serial % INVESTORS)];
    }

    /** Funds rotate so that over time every investor buys into every fund. */
    static String fund(long serial) {
        return FUND_CODES[(int) ((serial + serial / INVESTORS) % FUNDS)];
    }

    private static String[] names(String format, int count) {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = format.formatted(i);
        }
        return names;
    }

    static String staff(long serial) {
        return serial % 2 == 0 ? "Staff-01" : "Staff-02";
    }

    /**
     * The State Council's published calendars, set at the genesis as {@code init} sets them: from rules version 6 a
     * trade's settlement deadline counts business days of the calendar, and a year without one is refused.
     */
    static List<YearCalendar> officialCalendars() {
        return OfficialCalendars.published().stream()
                .map(c -> new YearCalendar(c.year(), c.holidays(), c.workdays())).toList();
    }

    /** The setup's records, journal indices from 1, all at {@link #START_MS}. */
    List<CommandRecord> records() {
        List<CommandRecord> records = new ArrayList<>();
        records.add(CommandRecord.unsigned(1, START_MS, new Genesis("exchange-k1", "ED25519", publicKey("exchange"), List.of(
                new GenesisParticipant("Staff-01", "Staff One", Role.STAFF, "Staff-01-k1", "ED25519", publicKey("Staff-01")),
                new GenesisParticipant("Staff-02", "Staff Two", Role.STAFF, "Staff-02-k1", "ED25519", publicKey("Staff-02")),
                new GenesisParticipant("Staff-03", "Staff Three", Role.STAFF, "Staff-03-k1", "ED25519", publicKey("Staff-03")),
                new GenesisParticipant("Regulator-01", "Regulator", Role.REGULATOR, "Regulator-01-k1", "ED25519",
                        publicKey("Regulator-01"))), null, RulesVersion.CURRENT, officialCalendars())));
        approved(records, """
                {"type":"SetPlatformParameter","name":"request-window-ms","value":"%d"}""".formatted(WINDOW_MS),
                new SetPlatformParameter("request-window-ms", Long.toString(WINDOW_MS)));
        approved(records, """
                {"type":"SetPlatformParameter","name":"request-retention-ms","value":"%d"}""".formatted(RETENTION_MS),
                new SetPlatformParameter("request-retention-ms", Long.toString(RETENTION_MS)));
        approved(records, """
                {"type":"SetPlatformParameter","name":"request-memory-capacity","value":"%d"}""".formatted(MEMORY_CAPACITY),
                new SetPlatformParameter("request-memory-capacity", Integer.toString(MEMORY_CAPACITY)));
        approved(records, """
                {"type":"SetPlatformParameter","name":"request-memory-participant-share-bp","value":"%d"}"""
                .formatted(PARTICIPANT_SHARE_BP), new SetPlatformParameter("request-memory-participant-share-bp",
                Integer.toString(PARTICIPANT_SHARE_BP)));
        for (int h = 0; h < HOLDERS; h++) {
            onboard(records, holder(h), Role.HOLDER);
        }
        for (int i = 0; i < INVESTORS; i++) {
            onboard(records, investor(i), Role.INVESTOR);
        }
        for (int f = 0; f < FUNDS; f++) {
            String fund = FUND_CODES[f];
            add(records, "Staff-01", "/funds", """
                    {"fundCode":"%s","shortName":"Demo Fund %d","manager":"Demo Capital Management","strategy":"GROWTH",\
                    "vintage":2019,"currency":"CNY","legalForm":"CONTRACTUAL","custodyMode":"FULL","nav":"1.5000",\
                    "navDate":"2026-09-30","minTransferUnits":"100.00","rightOfFirstRefusal":false}""".formatted(fund, f),
                    new RegisterFund(fund, "Demo Fund " + f, "Demo Capital Management", "GROWTH", 2019, "CNY",
                            LegalForm.CONTRACTUAL, CustodyMode.FULL, null, Price.of("1.5000"), "2026-09-30",
                            Units.of("100.00"), false));
            for (int h = 0; h < HOLDERS; h++) {
                add(records, "Staff-01", "/deposits", """
                        {"fundCode":"%s","holder":"%s","units":"100000000.00","cost":"100000000.00"}""".formatted(fund, holder(h)),
                        new DepositUnits(fund, holder(h), Units.of("100000000.00"), Money.of("100000000.00")));
            }
        }
        return List.copyOf(records);
    }

    /** What a setup record is: accepted, labelled "setup" and its command type. */
    static Planned plannedOf(CommandRecord record) {
        return new Planned("setup " + record.command().getClass().getSimpleName(), Planned.Expect.ACCEPTED, null,
                record.request(), record.command());
    }

    private void onboard(List<CommandRecord> records, String participant, Role role) {
        add(records, "Staff-01", "/participants", """
                {"participantId":"%s","name":"%s Ltd","participantType":"INSTITUTION","roles":["%s"]}"""
                .formatted(participant, participant, role), new RegisterParticipant(participant, participant + " Ltd",
                ParticipantType.INSTITUTION, List.of(role)));
        approved(records, """
                {"type":"ApproveParticipant","participantId":"%s"}""".formatted(participant), new ApproveParticipant(participant));
        approved(records, """
                {"type":"RegisterFirstKey","participantId":"%s","keyId":"%s-k1","algorithm":"ED25519","publicKey":"%s"}"""
                .formatted(participant, participant, publicKey(participant)),
                new RegisterFirstKey(participant, participant + "-k1", "ED25519", publicKey(participant)));
        if (role == Role.INVESTOR) {
            approved(records, """
                    {"type":"SetQualification","participantId":"%s","status":"QUALIFIED","validUntil":"2099-12-31"}"""
                    .formatted(participant), new SetQualification(participant, QualificationStatus.QUALIFIED, "2099-12-31"));
        }
    }

    /** A maker-checker action: Staff-01 proposes, Staff-02 approves. */
    private void approved(List<CommandRecord> records, String actionJson, fundexchange.protocol.command.SensitiveAction action) {
        long proposal = add(records, "Staff-01", "/proposals", "{\"action\":" + actionJson + "}", new Propose(action));
        add(records, "Staff-02", "/proposals/" + proposal + "/approve", "{}", new ApproveProposal(proposal));
    }

    private long add(List<CommandRecord> records, String participant, String path, String body, Command command) {
        long index = records.size() + 1;
        Planned planned = accepted(participant, path, body, command, index, START_MS);
        records.add(CommandRecord.signed(index, START_MS, planned.request(), command));
        return index;
    }

    Planned accepted(String participant, String path, String body, Command command, long index, long time) {
        return new Planned(Planned.Expect.ACCEPTED, null, request(participant, path, body, index, time - SIGNING_LAG_MS), command);
    }

    Planned rejected(String participant, String path, String body, Command command, String reason, long index, long time,
                     long signedAt) {
        return new Planned(Planned.Expect.REJECTED, reason, request(participant, path, body, index, signedAt), command);
    }

    private static SignedRequest request(String participant, String path, String body, long index, long signedAt) {
        String digest = body.equals("{}") ? EMPTY_BODY_DIGEST : sha256(body);
        return new SignedRequest(participant, participant + "-k1", "ED25519", SIGNATURE, signedAt, clientRequestId(index),
                "POST", path, "", digest, body);
    }

    /** A UUID-shaped id, unique per journal index. */
    static String clientRequestId(long index) {
        return new UUID(index * 0x9E37_79B9_7F4A_7C15L ^ 0x4000L, 0x8000_0000_0000_0000L | index).toString();
    }

    /** A well-formed Ed25519 SubjectPublicKeyInfo with key bytes derived from the name (never used to verify). */
    private static String publicKey(String name) {
        byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100" + sha256(name));
        return Base64.getEncoder().encodeToString(spki);
    }

    private static byte[] pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i * 17);
        }
        return bytes;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
