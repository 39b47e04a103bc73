package fundexchange.registry.projector;

import fundexchange.protocol.EventDocument;
import fundexchange.journal.chronicle.Journals;
import fundexchange.registry.RegistryDatabase;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A child JVM that runs the registry projector until it is killed:
 * {@code <data dir> <jdbc url> <user> <password> <documents per transaction> [<pause point>]}. With a
 * {@link PausePoint} its projector thread stops there for good ({@link PausingDataSource}). It exits by itself only
 * when the projector halts (status 2) or reaches the journal's end (status 3), printing which.
 */
public final class ProjectorChild {
    private ProjectorChild() {
    }

    public static void main(String[] args) {
        Journals journals = Journals.open(Path.of(args[0]));
        DataSource dataSource = RegistryDatabase.dataSource(args[1], args[2], args[3]);
        if (args.length > 5) {
            dataSource = PausingDataSource.wrap(dataSource, PausePoint.parse(args[5]));
        }
        long end = journals.lastEvents().map(EventDocument::sourceIndex).orElse(0L);
        Projector projector = new Projector(journals, dataSource, Integer.parseInt(args[4])).start();
        System.out.println("projecting");
        if (projector.awaitIndex(end, Duration.ofDays(1))) {
            System.out.println("reached the journal's end at sourceIndex " + end);
            System.exit(3);
        }
        System.out.println("halted: " + projector.failure().map(Throwable::toString).orElse("timed out"));
        System.exit(2);
    }
}
