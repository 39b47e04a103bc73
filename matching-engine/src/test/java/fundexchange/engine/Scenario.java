package fundexchange.engine;

import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.GenesisParticipant;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.SignedRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Drives an engine with journal records as the sequencer would write them; signatures are the gateway's job. */
final class Scenario {
    static final long START = 1_795_000_000_000L; // 2026-11-17T...Z
    /** The exchange's key in these scenarios. */
    static final String KEY = key("exchange-k1");

    final Engine engine = new Engine();
    final List<CommandRecord> journal = new ArrayList<>();
    long time = START;
    int requestCounter;

    Scenario genesis() {
        return unsigned(genesisCommand());
    }

    /** The genesis of {@link #genesisCommand()}, recording {@code rulesVersion} instead of the current one. */
    Scenario genesis(int rulesVersion) {
        Genesis current = genesisCommand();
        return unsigned(new Genesis(current.exchangeKeyId(), current.exchangeAlgorithm(), current.exchangePublicKey(),
                current.participants(), rulesVersion));
    }

    /**
     * The genesis of {@link #genesisCommand()}, with its published calendars, recording {@code rulesVersion}: the
     * journal a version before the current one wrote when it was current.
     */
    Scenario genesisWithCalendars(int rulesVersion) {
        Genesis current = genesisCommand();
        return unsigned(new Genesis(current.exchangeKeyId(), current.exchangeAlgorithm(), current.exchangePublicKey(),
                current.participants(), null, rulesVersion, current.calendars()));
    }

    /** The exchange key, three staff and a regulator, each with its own key. */
    static Genesis genesisCommand() {
        return new Genesis("exchange-k1", "ED25519", KEY, List.of(
                new GenesisParticipant("Staff-01", "Staff One", Role.STAFF, "Staff-01-k1", "ED25519", key("Staff-01-k1")),
                new GenesisParticipant("Staff-02", "Staff Two", Role.STAFF, "Staff-02-k1", "ED25519", key("Staff-02-k1")),
                new GenesisParticipant("Staff-03", "Staff Three", Role.STAFF, "Staff-03-k1", "ED25519", key("Staff-03-k1")),
                new GenesisParticipant("Regulator-01", "Regulator", Role.REGULATOR, "Regulator-01-k1", "ED25519",
                        key("Regulator-01-k1"))), null, RulesVersion.CURRENT, officialCalendars());
    }

    /**
     * The settlement deadline the current rules give a trade made at {@code time}: the start of the day after the
     * default number of business days after its date in Shanghai, on the published calendars (counted here on their
     * own, not by the engine's code).
     */
    static long settleBy(long time) {
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        java.time.LocalDate day = java.time.Instant.ofEpochMilli(time).atZone(zone).toLocalDate();
        for (int counted = 0; counted < fundexchange.protocol.reference.PlatformParameters.DEFAULT_SETTLEMENT_BUSINESS_DAYS; ) {
            day = day.plusDays(1);
            var calendar = fundexchange.protocol.reference.OfficialCalendars.of(day.getYear()).orElseThrow();
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            if (weekend ? calendar.workdays().contains(day.toString()) : !calendar.holidays().contains(day.toString())) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /**
     * The State Council's published calendars, as {@code init} sets them: from rules version 6 every trade counts its
     * settlement deadline in business days, so a journal of the current version needs the calendar of its trade dates.
     */
    static List<fundexchange.protocol.command.YearCalendar> officialCalendars() {
        return fundexchange.protocol.reference.OfficialCalendars.published().stream()
                .map(c -> new fundexchange.protocol.command.YearCalendar(c.year(), c.holidays(), c.workdays())).toList();
    }

    /**
     * A well-formed Ed25519 SubjectPublicKeyInfo (Base64) of its own for each {@code name}: the RFC 8410 prefix and
     * the SHA-256 of the name as the key bytes (signatures are the gateway's job, so no private key is needed).
     */
    static String key(String name) {
        byte[] der = new byte[44];
        System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, der, 0, 12);
        System.arraycopy(HexFormat.of().parseHex(sha256(name)), 0, der, 12, 32);
        return Base64.getEncoder().encodeToString(der);
    }

    Scenario unsigned(Command command) {
        last = engine.apply(record(CommandRecord.unsigned(journal.size() + 1L, time, command)));
        return this;
    }

    EventDocument last;
    /** Every document the engine wrote, in journal order (documents.get(i) is of journal.get(i)). */
    final List<EventDocument> documents = new ArrayList<>();

    EventDocument by(String participant, Command command) {
        return by(participant, participant + "-k1", "req-" + (++requestCounter), command);
    }

    EventDocument by(String participant, String keyId, String clientRequestId, Command command) {
        return submit(signedRecord(participant, keyId, clientRequestId, time, command));
    }

    CommandRecord signedRecord(String participant, String keyId, String clientRequestId, long signedAt, Command command) {
        String body = new String(CanonicalJson.write(command), java.nio.charset.StandardCharsets.UTF_8);
        SignedRequest request = new SignedRequest(participant, keyId, "ED25519", "c2ln", signedAt, clientRequestId,
                "POST", "/commands", "", sha256(body), body);
        return CommandRecord.signed(journal.size() + 1L, time, request, command);
    }

    EventDocument submit(CommandRecord record) {
        last = engine.apply(record(record));
        documents.add(last);
        return last;
    }

    private CommandRecord record(CommandRecord record) {
        journal.add(record);
        return record;
    }

    Scenario advance(long millis) {
        time += millis;
        return this;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
