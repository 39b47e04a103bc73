package fundexchange.ops.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Gives each option of a command its effective value: a flag on the command line wins over an environment variable,
 * which wins over the configuration file, which wins over the option's default. Every value is checked; the first
 * problem is a {@link ConfigException} naming the key and where the value came from (file and line, environment
 * variable, or flag).
 */
public final class ConfigResolver {
    private final List<ConfigKey> keys;

    public ConfigResolver(List<ConfigKey> keys) {
        Set<String> variables = keys.stream().map(ConfigKey::environmentVariable).collect(Collectors.toSet());
        if (variables.size() != keys.size()) {
            throw new IllegalArgumentException("two configuration keys share an environment variable");
        }
        this.keys = List.copyOf(keys);
    }

    public List<ConfigKey> keys() {
        return keys;
    }

    /** Resolves every key, sets the options that did not come from flags, and returns the effective settings. */
    public List<Setting> resolve(CommandSpec command, ConfigFile file, Map<String, String> environment) {
        refuseUnknown(file, environment);
        ParseResult parsed = command.commandLine().getParseResult();
        List<Setting> settings = new ArrayList<>(keys.size());
        for (ConfigKey key : keys) {
            OptionSpec option = command.findOption(key.flag());
            if (option == null) {
                throw new IllegalStateException("no option " + key.flag() + " for configuration key " + key.name());
            }
            settings.add(resolve(key, option, parsed != null && parsed.hasMatchedOption(option), file, environment));
        }
        return List.copyOf(settings);
    }

    private static Setting resolve(ConfigKey key, OptionSpec option, boolean flagged, ConfigFile file,
                                   Map<String, String> environment) {
        if (flagged) {
            Object value = option.getValue();
            key.problem(value).ifPresent(reason -> {
                throw new ConfigException(key.flag() + ": " + reason);
            });
            return new Setting(key, value, Setting.Source.FLAG);
        }
        String variable = environment.get(key.environmentVariable());
        if (variable != null) {
            return set(key, option, parse(key, variable, "environment variable " + key.environmentVariable()
                    + " (" + key.name() + "): "), Setting.Source.ENV);
        }
        ConfigFile.Entry entry = file.entries().get(key.name());
        if (entry != null) {
            return set(key, option, parse(key, entry.value(), ConfigFile.where(file.path(), entry.line()) + key.name()
                    + ": "), Setting.Source.FILE);
        }
        return new Setting(key, option.getValue(), Setting.Source.DEFAULT);
    }

    private static Object parse(ConfigKey key, String text, String where) {
        try {
            return key.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + e.getMessage());
        }
    }

    private static Setting set(ConfigKey key, OptionSpec option, Object parsed, Setting.Source source) {
        Object value = parsed;
        if (parsed instanceof Number number) {
            value = option.type() == long.class || option.type() == Long.class ? (Object) number.longValue()
                    : (Object) Math.toIntExact(number.longValue());
        }
        option.setValue(value);
        return new Setting(key, value, source);
    }

    private void refuseUnknown(ConfigFile file, Map<String, String> environment) {
        Set<String> names = keys.stream().map(ConfigKey::name).collect(Collectors.toSet());
        for (Map.Entry<String, ConfigFile.Entry> entry : file.entries().entrySet()) {
            if (!names.contains(entry.getKey())) {
                throw new ConfigException(ConfigFile.where(file.path(), entry.getValue().line()) + entry.getKey()
                        + ": unknown key" + nearest(entry.getKey()).map(k -> " (did you mean " + k + "?)").orElse("")
                        + "; the keys are listed in docs/operations.md and by exchange config check");
            }
        }
        Set<String> variables = keys.stream().map(ConfigKey::environmentVariable).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>();
        for (String variable : environment.keySet()) {
            if (variable.startsWith(ConfigKey.ENVIRONMENT_PREFIX) && !variables.contains(variable)) {
                unknown.add(variable);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException("environment variable " + unknown.iterator().next()
                    + ": unknown configuration key (every " + ConfigKey.ENVIRONMENT_PREFIX
                    + "* variable must name one; docs/operations.md)");
        }
    }

    /** The known key sharing the last word of {@code name}, when exactly one does (a misplaced section). */
    private Optional<String> nearest(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        List<String> candidates = keys.stream().map(ConfigKey::name)
                .filter(k -> k.substring(k.lastIndexOf('.') + 1).equals(last)).toList();
        return candidates.size() == 1 ? Optional.of(candidates.getFirst()) : Optional.empty();
    }
}
