package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.engine.Engine;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.GenesisParticipant;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.protocol.CommandRecord;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.testsupport.FreshDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * CONTRACTS.md 16: a journal of another rules version (here version 1: a genesis without {@code rulesVersion}, as
 * every journal before issue 13) is refused by {@code serve} and {@code journal replay --verify}, and stays verifiable
 * as a bundle.
 */
class RulesVersionRefusalSystemTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[44]);
    private static final long T = 1_795_000_000_000L;
    private static final String REFUSAL = "the journal follows rules version 1; this engine decides by rules versions 2 to "
            + fundexchange.protocol.RulesVersion.CURRENT + " and refuses to replay it (the journal stays verifiable with exchange audit verify) / journal 遵循规则版本 1；"
            + "本引擎按规则版本 2 至 " + fundexchange.protocol.RulesVersion.CURRENT + " 决定，拒绝重放该日志（该日志仍可用 exchange audit verify 验证）";

    @TempDir
    Path work;

    private static Genesis genesis(Integer rulesVersion) {
        return new Genesis("exchange-k1", "ED25519", KEY, List.of(
                new GenesisParticipant("Staff-01", "Staff One", Role.STAFF, "Staff-01-k1", "ED25519", KEY),
                new GenesisParticipant("Staff-02", "Staff Two", Role.STAFF, "Staff-02-k1", "ED25519", KEY),
                new GenesisParticipant("Regulator-01", "Regulator", Role.REGULATOR, "Regulator-01-k1", "ED25519", KEY)),
                rulesVersion);
    }

    /** A data directory as a version-1 node left it: the genesis and its event document (the same for both versions). */
    private Path versionOneJournal() {
        Path data = work.resolve("data");
        try (Journals journals = Journals.open(data);
             ChronicleJournal.Writer commands = journals.commands().writer();
             ChronicleJournal.Writer events = journals.events().writer()) {
            commands.append(JournalCodec.write(CommandRecord.unsigned(1, T, genesis(null))));
            events.append(JournalCodec.write(new Engine().apply(CommandRecord.unsigned(1, T, genesis(RulesVersion.CURRENT)))));
        }
        return data;
    }

    private static int exchange(StringWriter err, String... args) {
        CommandLine cli = ExchangeCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void serveAndReplayRefuseAJournalOfAnotherRulesVersionWhichStaysVerifiableAsABundle() {
        Path data = versionOneJournal();

        StringWriter replay = new StringWriter();
        assertEquals(1, exchange(replay, "journal", "replay", "--data-dir", data.toString(), "--verify"));
        assertEquals("error: " + REFUSAL + System.lineSeparator(), replay.toString());

        IllegalStateException serve = assertThrows(IllegalStateException.class, () -> ExchangeNode.start(data,
                Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0), Clock.systemUTC()));
        assertEquals("engine refused to start: " + REFUSAL, serve.getMessage());
        try (Journals journals = Journals.open(data)) {
            assertEquals(1, journals.lastEvents().orElseThrow().sourceIndex(), "nothing was written");
        }

        Path bundle = work.resolve("bundle.jsonl");
        StringWriter err = new StringWriter();
        assertEquals(0, exchange(err, "audit", "export", "--data-dir", data.toString(), "--out", bundle.toString()), err.toString());
        assertEquals(0, exchange(err, "audit", "verify", bundle.toString()), err.toString());
    }
}
