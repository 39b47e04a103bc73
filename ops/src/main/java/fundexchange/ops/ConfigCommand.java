package fundexchange.ops;

import fundexchange.ops.config.Setting;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code exchange config}: the configuration of {@code serve} (docs/operations.md, "Configuration file"). */
@Command(name = "config", description = "The configuration of serve.", subcommands = ConfigCommand.Check.class)
final class ConfigCommand implements Runnable {
    @Override
    public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    /**
     * {@code exchange config check}: validates the configuration {@code serve} would start with (same options, same
     * environment) and prints each effective value with its source; secrets are masked.
     */
    @Command(name = "check", description = "Prints the effective configuration of serve (same options) with each "
            + "value's source (default, file, env, flag), secrets masked; exit 1 naming the first bad key.")
    static final class Check implements Runnable {
        @Mixin
        ServeOptions options;
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            print(check(options, System.getenv()), options, spec.commandLine().getOut());
        }

        /** Resolves and validates everything {@code serve} validates before it opens the data directory. */
        static List<Setting> check(ServeOptions options, Map<String, String> environment) {
            List<Setting> settings = options.resolve(environment);
            options.dataDirectory();
            options.gateway();
            options.node();
            return settings;
        }

        static void print(List<Setting> settings, ServeOptions options, PrintWriter out) {
            out.println("# exchange serve: effective configuration / 生效配置 (config file: "
                    + (options.config == null ? "none" : options.config) + ")");
            settings.forEach(setting -> out.println(setting.describe()));
            out.println("# configuration OK / 配置有效");
            out.flush();
        }
    }
}
