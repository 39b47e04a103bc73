package fundexchange.engine;

import fundexchange.engine.command.Command;
import fundexchange.engine.command.Genesis;
import fundexchange.engine.command.GenesisParticipant;
import fundexchange.engine.reference.Role;
import fundexchange.journal.CommandRecord;
import fundexchange.journal.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.SignedRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Drives an engine with journal records as the sequencer would write them; signatures are the gateway's job. */
final class Scenario {
    static final long START = 1_795_000_000_000L; // 2026-11-17T...Z
    static final String KEY = Base64.getEncoder().encodeToString(new byte[44]);

    final Engine engine = new Engine();
    final List<CommandRecord> journal = new ArrayList<>();
    long time = START;
    int requestCounter;

    Scenario genesis() {
        return unsigned(new Genesis("exchange-k1", "ED25519", KEY, List.of(
                new GenesisParticipant("Staff-01", "Staff One", Role.STAFF, "Staff-01-k1", "ED25519", KEY),
                new GenesisParticipant("Staff-02", "Staff Two", Role.STAFF, "Staff-02-k1", "ED25519", KEY),
                new GenesisParticipant("Regulator-01", "Regulator", Role.REGULATOR, "Regulator-01-k1", "ED25519", KEY)), RulesVersion.CURRENT));
    }

    Scenario unsigned(Command command) {
        last = engine.apply(record(CommandRecord.unsigned(journal.size() + 1L, time, command)));
        return this;
    }

    EventDocument last;

    EventDocument by(String participant, Command command) {
        return by(participant, participant + "-k1", "req-" + (++requestCounter), command);
    }

    EventDocument by(String participant, String keyId, String clientRequestId, Command command) {
        return submit(signedRecord(participant, keyId, clientRequestId, time, command));
    }

    CommandRecord signedRecord(String participant, String keyId, String clientRequestId, long signedAt, Command command) {
        String body = new String(JournalCodec.write(command), java.nio.charset.StandardCharsets.UTF_8);
        SignedRequest request = new SignedRequest(participant, keyId, "ED25519", "c2ln", signedAt, clientRequestId,
                "POST", "/commands", "", sha256(body), body);
        return CommandRecord.signed(journal.size() + 1L, time, request, command);
    }

    EventDocument submit(CommandRecord record) {
        last = engine.apply(record(record));
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
