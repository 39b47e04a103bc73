package fundexchange.registry.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {
    @TempDir
    Path temp;

    private static void execute(EmbeddedDatabase database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean tableExists(EmbeddedDatabase database, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    @Test
    void dataSurvivesARestartOnTheSameDirectory() throws Exception {
        Path directory = temp.resolve("pg");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory)) {
            execute(database, "CREATE TABLE kept (id INTEGER)");
            execute(database, "INSERT INTO kept VALUES (42)");
        }
        assertFalse(Files.exists(directory.resolve("postmaster.pid")));
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory)) {
            assertTrue(tableExists(database, "kept"));
        }
    }

    @Test
    void stalePidFileOfADeadProcessIsRemoved() throws Exception {
        Path directory = temp.resolve("pg");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory)) {
            execute(database, "CREATE TABLE kept (id INTEGER)");
        }
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.write(directory.resolve("postmaster.pid"), List.of(String.valueOf(gone.pid()), directory.toRealPath().toString()));
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory)) {
            assertTrue(tableExists(database, "kept"));
        }
    }

    @Test
    void postmasterLeftByAKilledJvmIsStoppedBeforeStarting() throws Exception {
        Path directory = temp.resolve("pg");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The child logs as this JVM does (.ci/logback-test.xml: standard error), keeping its standard output for READY.
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + System.getProperty("logback.configurationFile", ""),
                OrphanPostmaster.class.getName(), directory.toString())
                .redirectError(temp.resolve("child.log").toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("READY", out.readLine(), () -> "child log: " + readQuietly(temp.resolve("child.log")));
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        long orphan = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).getFirst().trim());
        assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "the postmaster outlives kill -9");

        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory)) {
            assertFalse(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false));
            assertTrue(tableExists(database, "survivor"));
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
