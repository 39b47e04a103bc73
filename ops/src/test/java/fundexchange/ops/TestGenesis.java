package fundexchange.ops;

import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.TestCalendars;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The genesis of a test that runs on the wall clock: as {@link GenesisWriter} writes it, plus a synthetic
 * Monday-to-Friday TEST calendar ({@link TestCalendars}) for each year from the clock's to two after it that the build
 * ships no official calendar for, so that a trade's settlement deadline (rules version 6) never reaches a year without
 * one, whatever day the test runs.
 */
public final class TestGenesis {
    private TestGenesis() {
    }

    /** As {@link GenesisWriter#write(Path, List, Clock)}, with the test calendars; returns the platform id. */
    public static String write(Path dataDirectory, List<GenesisWriter.Founder> founders, Clock clock) {
        return write(dataDirectory, founders, clock, SignatureAlgorithm.ED25519);
    }

    /** As {@link GenesisWriter#write(Path, List, Clock, SignatureAlgorithm)}, with the test calendars. */
    public static String write(Path dataDirectory, List<GenesisWriter.Founder> founders, Clock clock,
                               SignatureAlgorithm exchangeAlgorithm) {
        return GenesisWriter.write(dataDirectory, founders, clock, exchangeAlgorithm,
                TestCalendars.unpublishedYearsFrom(clock.instant()));
    }
}
