package fundexchange.audit.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.ChainHash;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Verifies an audit bundle offline (docs/audit.md): no database, no network, only the bundle. Per line, in order:
 * the index is the next one; both digests equal SHA-256 of the bytes (not for a withheld command, nor for a redacted
 * event document, which only a withheld line may carry); the link extends the chain; the command decodes and its
 * {@code index}, and the event document's {@code sourceIndex}, equal the line's index; in a version-2 bundle, each
 * JSON rendering ({@code commandJson}, {@code eventJson}) equals the rendering of the bytes the verifier decoded
 * itself, so whoever reads the JSON reads what the chain covers (except a redaction's, which the chain does not
 * cover); then {@link SignatureRules};
 * then {@link SealedCommitments}: every sealed bid shown or revealed opens the commitment it published, and a
 * withheld or redacted line is allowed only where an honest exporter writes one; and once every line is read,
 * {@link ShownSealedBids}: no line shows a sealed bid that an honest exporter withholds. Stops at the first problem; a
 * line that makes a check throw is reported as a problem too.
 */
public final class AuditBundleVerifier {
    private final KeyBook keys = new KeyBook();
    private final AuditChain chain = new AuditChain();
    private Audience audience;
    private long signatures;
    private long checkpoints;
    private long withheld;
    /** The header's version once read; 0 for a journal read in place. */
    private int bundleVersion;
    private final SealedCommitments sealed = new SealedCommitments();
    private final ShownSealedBids shownSealedBids = new ShownSealedBids();
    private final Optional<String> expectedPlatform;

    AuditBundleVerifier(Optional<String> expectedPlatform) {
        this.expectedPlatform = expectedPlatform;
    }

    public static VerificationReport verify(Path bundle) {
        return verify(bundle, Optional.empty());
    }

    /** As {@link #verify(Path)}, and the bundle's genesis must bind its signatures to {@code expectedPlatform}, if given. */
    public static VerificationReport verify(Path bundle, Optional<String> expectedPlatform) {
        AuditBundleVerifier verifier = new AuditBundleVerifier(expectedPlatform);
        try (BufferedReader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            verifier.run(reader);
            return verifier.report(Optional.empty());
        } catch (BrokenBundle broken) {
            return verifier.report(Optional.of(broken.problem()));
        } catch (IOException | UncheckedIOException e) {
            return verifier.report(Optional.of(new Problem(verifier.chain.length() + 1,
                    "cannot read the bundle: " + e.getClass().getSimpleName() + ": " + e.getMessage())));
        } catch (RuntimeException e) {
            return verifier.report(Optional.of(new Problem(verifier.chain.length() + 1,
                    "the bundle cannot be checked: " + e.getClass().getSimpleName() + ": " + rootMessage(e))));
        }
    }

    private void run(BufferedReader reader) throws IOException, BrokenBundle {
        String first = reader.readLine();
        if (first == null) {
            throw new BrokenBundle(0, "the bundle is empty: it has no header line");
        }
        BundleHeader header = BundleHeader.parse(first);
        bundleVersion = header.version();
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            long index = chain.length() + 1;
            if (index > header.toIndex()) {
                throw new BrokenBundle(index, "a line beyond the header's toIndex " + header.toIndex());
            }
            check(index, BundleLine.parse(index, text, header.version()));
        }
        if (chain.length() < header.toIndex()) {
            throw new BrokenBundle(chain.length() + 1, "index " + (chain.length() + 1) + " is missing: the bundle ends at index "
                    + chain.length() + " but its header says toIndex " + header.toIndex());
        }
        shownSealedBids.finish(header.toIndex());
    }

    /** {@link #checkLine}, with any unexpected exception (a bundle no honest exporter writes) reported as a failure. */
    void check(long index, BundleLine line) throws BrokenBundle {
        try {
            checkLine(index, line);
        } catch (RuntimeException e) {
            throw new BrokenBundle(index, "the line cannot be checked: " + e.getClass().getSimpleName() + ": "
                    + rootMessage(e));
        }
    }

    private void checkLine(long index, BundleLine line) throws BrokenBundle {
        if (line.index() != index) {
            throw new BrokenBundle(index, "expected index " + index + " but the line carries index " + line.index() + ": "
                    + (line.index() > index ? "index " + index + " is missing or out of order" : "a line is repeated or out of order"));
        }
        if (!line.withheld()) {
            requireDigest(index, "command", line.command(), line.commandDigest());
        }
        if (line.eventRedacted() && !line.withheld()) {
            throw new BrokenBundle(index, "only the event document of a withheld command may be redacted");
        }
        if (!line.eventRedacted()) {
            requireDigest(index, "event", line.event(), line.eventDigest());
        }
        String link = chain.extend(line.commandDigest(), line.eventDigest());
        if (!link.equals(line.link())) {
            throw new BrokenBundle(index, "the link is " + line.link() + " but the chain recomputed from the bundle gives " + link);
        }
        CommandRecord record = line.withheld() ? null : decodeCommand(index, line.command());
        EventDocument document = decodeEvents(index, line.event());
        checkRenderings(index, line);
        if (index == 1 && record != null && record.command() instanceof Genesis genesis) {
            audience = Audience.of(index, genesis);
            if (expectedPlatform.isPresent() && !expectedPlatform.get().equals(audience.platformId())) {
                throw new BrokenBundle(index, "the bundle is of platform " + audience.platformId() + ", not of the expected "
                        + expectedPlatform.get());
            }
        }
        Authenticity authenticity = line.withheld() ? withheldCommand(index, document)
                : SignatureRules.check(index, record, document, keys, chain, audience);
        switch (authenticity) {
            case Authenticity.ParticipantSigned signed -> signatures++;
            case Authenticity.Checkpointed checkpoint -> checkpoints++;
            case Authenticity.Withheld body -> withheld++;
            case Authenticity.Unsigned unsigned -> {
            }
            case Authenticity.RejectedUnverifiable rejected -> {
            }
        }
        keys.learn(index, record, document);
        sealed.check(index, record, document, line.withheld(), line.eventRedacted());
        if (bundleVersion > 0) {
            shownSealedBids.line(index, line.withheld() ? null : line.command(), line.event(), line.eventRedacted());
        }
    }

    /**
     * A withheld body skips signature checks, so only a participant's command may be withheld (its event document
     * names the signer), never the genesis, and never one that changed keys.
     */
    private static Authenticity withheldCommand(long index, EventDocument document) throws BrokenBundle {
        if (index == 1) {
            throw new BrokenBundle(index, "the genesis cannot be withheld: the exchange and founder keys come from it");
        }
        if (document.participant() == null) {
            throw new BrokenBundle(index, "only a participant's signed command may be withheld; this one was unsigned");
        }
        return new Authenticity.Withheld();
    }

    private static void requireDigest(long index, String which, byte[] document, String digest) throws BrokenBundle {
        String actual = ChainHash.hex(ChainHash.digest(document));
        if (!actual.equals(digest)) {
            throw new BrokenBundle(index, "the " + which + " document's SHA-256 is " + actual + " but its " + which
                    + "Digest says " + digest);
        }
    }

    /** The renderings a line carries (none in version 1, none for a withheld command) equal its documents' bytes. */
    static void checkRenderings(long index, BundleLine line) throws BrokenBundle {
        if (line.commandJson() != null) {
            requireRendering(index, Part.COMMAND, "command", line.command(), line.commandJson());
        }
        if (line.eventJson() != null) {
            requireRendering(index, Part.EVENT, "event", line.event(), line.eventJson());
        }
    }

    /**
     * A rendering must say what the bytes say: the verifier decodes the bytes itself (either encoding) and renders
     * them as the exporter must have ({@link AuditBundle#rendering}); both trees are read by the same parser, so
     * equal JSON gives equal trees (numbers included) and a repeated name is refused before this.
     */
    private static void requireRendering(long index, Part part, String which, byte[] document, JsonNode rendering)
            throws BrokenBundle {
        JsonNode decoded;
        try {
            decoded = AuditBundle.rendering(document);
        } catch (RuntimeException e) {
            throw new BrokenBundle(index, part, "the " + which + " document cannot be rendered as JSON: " + rootMessage(e));
        }
        if (!decoded.equals(rendering)) {
            throw new BrokenBundle(index, part, "the " + which + "Json rendering differs from the " + which
                    + " document's bytes");
        }
    }

    private static CommandRecord decodeCommand(long index, byte[] bytes) throws BrokenBundle {
        CommandRecord record;
        try {
            record = JournalCodec.readCommand(bytes);
        } catch (RuntimeException e) {
            throw new BrokenBundle(index, Part.COMMAND, "the command document does not decode: " + rootMessage(e));
        }
        if (record.command() == null) {
            throw new BrokenBundle(index, Part.COMMAND, "the command document holds no command");
        }
        if (record.index() != index) {
            throw new BrokenBundle(index, Part.COMMAND, "the command document says index " + record.index());
        }
        return record;
    }

    private static EventDocument decodeEvents(long index, byte[] bytes) throws BrokenBundle {
        EventDocument document;
        try {
            document = JournalCodec.readEvents(bytes);
        } catch (RuntimeException e) {
            throw new BrokenBundle(index, Part.EVENT, "the event document does not decode: " + rootMessage(e));
        }
        if (document.sourceIndex() != index) {
            throw new BrokenBundle(index, Part.EVENT, "the event document says sourceIndex " + document.sourceIndex());
        }
        return document;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /**
     * The authenticity of the command of {@code index}, which no event document answers yet (exchange verify), by
     * {@link SignatureRules} with the keys as of the last index checked; learns nothing, so the next call checks the
     * next such command with the same keys.
     */
    Authenticity unapplied(long index, byte[] command) throws BrokenBundle {
        CommandRecord record = decodeCommand(index, command);
        if (index > 1 && audience == null) {
            return new Authenticity.RejectedUnverifiable("no genesis has been verified yet");
        }
        try {
            return SignatureRules.check(index, record, null, keys, chain,
                    index == 1 && record.command() instanceof Genesis genesis ? Audience.of(index, genesis) : audience);
        } catch (RuntimeException e) {
            throw new BrokenBundle(index, "the command cannot be checked: " + e.getClass().getSimpleName() + ": "
                    + rootMessage(e));
        }
    }

    /** The head of the chain recomputed so far. */
    String chainHead() {
        return chain.head();
    }

    VerificationReport report(Optional<Problem> problem) {
        long checked = problem.map(p -> Math.max(0, p.index() - 1)).orElse(chain.length());
        return new VerificationReport(problem.isEmpty(), checked, signatures, checkpoints, withheld, sealed.opened(), problem,
                Optional.ofNullable(audience).map(Audience::platformId), bundleVersion);
    }
}
