package fundexchange.ops;

import fundexchange.journal.chronicle.Journals;
import fundexchange.registry.RegistryDatabase;
import fundexchange.registry.embedded.EmbeddedDatabase;
import fundexchange.registry.reconcile.Reconciliation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code exchange reconcile}: the registry's holdings against the engine's positions replayed to the registry's
 * watermark. With the embedded database the exchange must be stopped; with {@code --db-url} it may be running.
 */
@Command(name = "reconcile", description = "Compares registry holdings with engine positions at the registry's watermark.")
final class ReconcileCommand implements Callable<Integer> {
    @Option(names = "--data-dir", required = true)
    Path dataDirectory;
    @Option(names = "--db-url", description = "the registry's PostgreSQL; default: the embedded one in the data directory")
    String dbUrl;
    @Option(names = "--db-user", defaultValue = "postgres")
    String dbUser;
    @Option(names = "--db-password", defaultValue = "postgres")
    String dbPassword;

    @Override
    public Integer call() throws Exception {
        ConsoleLogging.toDataDirectory(dataDirectory, "reconcile");
        if (dbUrl != null) {
            return report(RegistryDatabase.dataSource(dbUrl, dbUser, dbPassword));
        }
        DirectoryLock lock = DirectoryLock.acquire(dataDirectory);
        try (EmbeddedDatabase database = Step.run("starting the embedded database / 启动内嵌数据库",
                step -> EmbeddedDatabase.start(dataDirectory.resolve("postgres"), 0))) {
            return report(RegistryDatabase.dataSource(database.jdbcUrl(), database.user(), database.password()));
        } finally {
            lock.close();
        }
    }

    private Integer report(javax.sql.DataSource dataSource) {
        try (Journals journals = Journals.open(dataDirectory)) {
            Reconciliation.Result result = Step.run("replaying the engine to the registry's watermark / 重放至登记库水位",
                    step -> Reconciliation.reconcile(journals, dataSource));
            result.differences().forEach(d -> System.out.printf("DIFFERENCE %s %s %s: engine %s, registry %s%n",
                    d.fundCode(), d.holder(), d.field(), d.engine(), d.registry()));
            System.out.printf("%s at index %d: %d positions compared, %d differences%n",
                    result.matches() ? "MATCH" : "MISMATCH", result.atIndex(), result.positionsCompared(), result.differences().size());
            return result.matches() ? 0 : 1;
        }
    }
}
