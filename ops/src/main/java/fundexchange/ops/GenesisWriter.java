package fundexchange.ops;

import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.GenesisParticipant;
import fundexchange.protocol.command.YearCalendar;
import fundexchange.protocol.reference.OfficialCalendars;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.CommandRecord;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.PlatformId;
import fundexchange.signing.SignatureAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code exchange init}: writes the genesis of a new journal (CONTRACTS.md 4) from public keys the operator supplies,
 * and the exchange's own key pair into {@code exchange.key.pem}. Refuses a data directory that is not empty. The
 * genesis names the platform id, the operator's or by default the one derived from the new exchange key
 * ({@link PlatformId#derivedFrom}), and sets the official calendars this build ships ({@link OfficialCalendars}); staff
 * set every later year (rules version 4 refuses a business-day count reaching a year without one).
 */
public final class GenesisWriter {
    /** A genesis participant as the operator names it: id, role and public key. */
    public record Founder(String participantId, Role role, PublicKey publicKey) {
    }

    public static final String EXCHANGE_KEY_FILE = "exchange.key.pem";
    public static final String EXCHANGE_KEY_ID = "exchange-k1";
    /** Maker-checker needs a second staff member even when one is conflicted (CONTRACTS.md 4 and 18). */
    public static final int MIN_STAFF = 3;

    private GenesisWriter() {
    }

    /** Writes the genesis with an Ed25519 exchange key and the derived platform id, which it returns. */
    public static String write(Path dataDirectory, List<Founder> founders, Clock clock) {
        return write(dataDirectory, founders, clock, SignatureAlgorithm.ED25519);
    }

    /** As above, with the exchange's own key (which signs checkpoints) of the given algorithm. */
    public static String write(Path dataDirectory, List<Founder> founders, Clock clock, SignatureAlgorithm exchangeAlgorithm) {
        return write(dataDirectory, founders, clock, exchangeAlgorithm, key -> PlatformId.derivedFrom(KeyMaterial.spki(key)));
    }

    /**
     * As above, with the platform id {@code platformId}.
     *
     * @throws IllegalArgumentException if {@code platformId} breaks the grammar of {@link PlatformId}
     */
    public static String write(Path dataDirectory, List<Founder> founders, Clock clock, SignatureAlgorithm exchangeAlgorithm,
                               String platformId) {
        PlatformId.requireValid(platformId);
        return write(dataDirectory, founders, clock, exchangeAlgorithm, key -> platformId);
    }

    /**
     * As {@link #write(Path, List, Clock, SignatureAlgorithm)}, setting also {@code extraCalendars} after the published
     * ones: calendars of years this build does not ship (e.g. an official one published after the build, or a test's
     * synthetic one).
     *
     * @throws IllegalArgumentException if two calendars are of one year, or one is of a year this build ships
     */
    public static String write(Path dataDirectory, List<Founder> founders, Clock clock, SignatureAlgorithm exchangeAlgorithm,
                               List<YearCalendar> extraCalendars) {
        return write(dataDirectory, founders, clock, exchangeAlgorithm, key -> PlatformId.derivedFrom(KeyMaterial.spki(key)),
                extraCalendars);
    }

    /** As above, with the platform id {@code platformId} (see {@link #write(Path, List, Clock, SignatureAlgorithm, String)}). */
    public static String write(Path dataDirectory, List<Founder> founders, Clock clock, SignatureAlgorithm exchangeAlgorithm,
                               String platformId, List<YearCalendar> extraCalendars) {
        PlatformId.requireValid(platformId);
        return write(dataDirectory, founders, clock, exchangeAlgorithm, key -> platformId, extraCalendars);
    }

    private static String write(Path dataDirectory, List<Founder> founders, Clock clock, SignatureAlgorithm exchangeAlgorithm,
                                Function<PublicKey, String> platformIdOf) {
        return write(dataDirectory, founders, clock, exchangeAlgorithm, platformIdOf, List.of());
    }

    private static String write(Path dataDirectory, List<Founder> founders, Clock clock, SignatureAlgorithm exchangeAlgorithm,
                                Function<PublicKey, String> platformIdOf, List<YearCalendar> extraCalendars) {
        validate(founders);
        List<YearCalendar> calendars = calendars(extraCalendars);
        requireEmpty(dataDirectory);
        KeyPair exchangeKey = KeyMaterial.generate(exchangeAlgorithm);
        String platformId = platformIdOf.apply(exchangeKey.getPublic());
        List<GenesisParticipant> participants = new ArrayList<>();
        for (Founder founder : founders) {
            participants.add(new GenesisParticipant(founder.participantId(), founder.participantId(), founder.role(),
                    founder.participantId() + "-k1", KeyMaterial.algorithmOf(founder.publicKey()).wireName(),
                    spkiBase64(founder.publicKey())));
        }
        Genesis genesis = new Genesis(EXCHANGE_KEY_ID, exchangeAlgorithm.wireName(),
                spkiBase64(exchangeKey.getPublic()), participants, platformId, RulesVersion.CURRENT, calendars);
        try {
            Files.createDirectories(dataDirectory);
            KeyFiles.writeOwnerOnly(dataDirectory.resolve(EXCHANGE_KEY_FILE), KeyMaterial.privateKeyPem(exchangeKey.getPrivate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Journals journals = Journals.open(dataDirectory);
             ChronicleJournal.Writer writer = journals.commands().writer()) {
            writer.append(JournalCodec.write(CommandRecord.unsigned(1, clock.millis(), genesis)));
        }
        return platformId;
    }

    /** The State Council's published calendars this build ships ({@link OfficialCalendars}), set at the genesis. */
    static List<YearCalendar> officialCalendars() {
        return OfficialCalendars.published().stream()
                .map(c -> new YearCalendar(c.year(), c.holidays(), c.workdays())).toList();
    }

    /** The published calendars followed by {@code extra}, refused before anything is written if a year repeats. */
    private static List<YearCalendar> calendars(List<YearCalendar> extra) {
        List<YearCalendar> calendars = new ArrayList<>(officialCalendars());
        calendars.addAll(extra);
        if (calendars.stream().map(YearCalendar::year).distinct().count() != calendars.size()) {
            throw new IllegalArgumentException("a genesis sets each year's calendar at most once, and this build ships "
                    + OfficialCalendars.published().stream().map(c -> Integer.toString(c.year())).toList());
        }
        return List.copyOf(calendars);
    }

    private static String spkiBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(KeyMaterial.spki(key));
    }

    /** Refuses a genesis the engine would reject, before anything is written. */
    private static void validate(List<Founder> founders) {
        long staff = founders.stream().filter(f -> f.role() == Role.STAFF).count();
        long regulators = founders.stream().filter(f -> f.role() == Role.REGULATOR).count();
        if (staff < MIN_STAFF || regulators < 1 || staff + regulators != founders.size()) {
            throw new IllegalArgumentException("a genesis needs at least " + MIN_STAFF
                    + " staff and one regulator, and nobody else (segregation of duties)");
        }
        if (founders.stream().map(f -> f.participantId().toLowerCase(java.util.Locale.ROOT)).distinct().count() != founders.size()) {
            throw new IllegalArgumentException("the founders' ids must differ, ignoring case");
        }
        if (founders.stream().map(f -> spkiBase64(f.publicKey())).distinct().count() != founders.size()) {
            throw new IllegalArgumentException("every founder needs a public key of its own");
        }
        for (Founder founder : founders) {
            if (!founder.participantId().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,60}")) {
                throw new IllegalArgumentException("participant id must be 1-61 letters, digits, '.', '_' or '-': " + founder.participantId());
            }
        }
    }

    private static void requireEmpty(Path dataDirectory) {
        if (!Files.exists(dataDirectory)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dataDirectory)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalStateException("refusing to initialise: " + dataDirectory + " is not empty");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
