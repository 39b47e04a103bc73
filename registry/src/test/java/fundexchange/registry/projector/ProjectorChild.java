package fundexchange.registry.projector;

import fundexchange.journal.chronicle.Journals;
import fundexchange.registry.RegistryDatabase;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM that runs the registry projector until it is killed:
 * {@code <data dir> <jdbc url> <user> <password> <documents per transaction>}.
 */
public final class ProjectorChild {
    private ProjectorChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        Journals journals = Journals.open(Path.of(args[0]));
        Projector projector = new Projector(journals, RegistryDatabase.dataSource(args[1], args[2], args[3]),
                Integer.parseInt(args[4])).start();
        System.out.println("projecting");
        while (projector.failure().isEmpty()) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        System.out.println("halted: " + projector.failure().get());
        System.exit(2);
    }
}
