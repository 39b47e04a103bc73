package fundexchange.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.joran.util.ConfigurationWatchListUtil;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The exchange's logging, configured here and nowhere else (docs/operations.md, "Logs"). Libraries log through SLF4J
 * to Logback, {@code java.util.logging} and {@code System.Logger} bridged into it; their records go to a rotating
 * file {@code <data-dir>/logs/exchange.log} once a command names its data directory, and reach the terminal (standard
 * error) only with {@code --verbose}, or at ERROR (the {@code ALARM}s). The terminal otherwise shows each command's own
 * output and nothing else; a command without a data directory writes no log file.
 */
public final class ConsoleLogging {
    /** The log file, relative to the data directory. */
    public static final Path LOG_FILE = Path.of("logs", "exchange.log");
    /** Each file's size before it rolls, and how many rolled files are kept: at most 60 MiB of logs in all. */
    static final String MAX_FILE_SIZE = "10MB";
    static final int KEPT_FILES = 5;
    /** ISO-8601 with the offset, in this computer's zone (a library's log has no platform zone to hand). */
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger: %msg%n%ex";
    private static final String FILE_APPENDER = "file";
    private static URL previous;
    private static boolean started;

    private ConsoleLogging() {
    }

    /**
     * Before a command runs: records at ERROR (the {@code ALARM}s an operator must see) go to standard error, every
     * record with {@code verbose}, and no file yet; JUL's root
     * handlers are replaced by the bridge (JUL's levels stay as configured, INFO by default), and Helidon is kept from reconfiguring JUL from a stray
     * {@code logging.properties}.
     */
    public static synchronized void start(boolean verbose) {
        LoggerContext context = context();
        if (!started) {
            previous = ConfigurationWatchListUtil.getMainWatchURL(context);
            started = true;
        }
        System.setProperty("io.helidon.logging.config.disabled", "true");
        context.reset();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget("System.err");
        console.setEncoder(encoder(context));
        if (!verbose) {
            ThresholdFilter errorsOnly = new ThresholdFilter();
            errorsOnly.setContext(context);
            errorsOnly.setLevel(Level.ERROR.toString());
            errorsOnly.start();
            console.addFilter(errorsOnly);
        }
        console.start();
        root.addAppender(console);
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    /**
     * From now on library records are also written to {@code <dataDirectory>/logs/exchange.log}, rolled at
     * {@value #MAX_FILE_SIZE} with {@value #KEPT_FILES} older files kept. Called by each command that has a data
     * directory, once the directory holds a journal (after {@code init} or {@code demo} made it): a mistyped
     * {@code --data-dir} gets no {@code logs} directory.
     *
     * @return the log file, or empty when the directory holds no journal or cannot hold a log (a read-only copy)
     */
    public static Optional<Path> toDataDirectory(Path dataDirectory) {
        return toDataDirectory(dataDirectory, "exchange");
    }

    /**
     * As {@link #toDataDirectory(Path)}, into {@code <dataDirectory>/logs/<name>.log}: commands that only read a data
     * directory (a journal dump, a reconciliation, an audit export, a report), possibly while its node runs, log to a
     * file of their own, so that they never roll the node's file.
     */
    public static synchronized Optional<Path> toDataDirectory(Path dataDirectory, String name) {
        if (!Files.isDirectory(dataDirectory.resolve("journal"))) {
            return Optional.empty();
        }
        Path file = dataDirectory.resolve(LOG_FILE).resolveSibling(name + ".log").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            return Optional.empty();
        }
        LoggerContext context = context();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> old = root.getAppender(FILE_APPENDER);
        if (old != null) {
            root.detachAppender(old);
            old.stop();
        }
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(FILE_APPENDER);
        appender.setFile(file.toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(KEPT_FILES);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf(MAX_FILE_SIZE));
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder(context));
        appender.start();
        if (!appender.isStarted()) {
            return Optional.empty();
        }
        root.addAppender(appender);
        return Optional.of(file);
    }

    /**
     * After a command returned in this process (tests run commands in process): the log file is closed, and the
     * logging configuration this JVM had before the first command (a test's configuration file) is restored; without
     * one, records go nowhere.
     */
    public static synchronized void finish() {
        LoggerContext context = context();
        context.reset();
        if (previous != null) {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            try {
                configurator.doConfigure(previous);
            } catch (JoranException e) {
                context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
            }
        } else {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
        }
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.setCharset(java.nio.charset.StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }
}
