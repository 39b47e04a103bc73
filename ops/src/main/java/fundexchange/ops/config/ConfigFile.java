package fundexchange.ops.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A configuration file of {@code key = value} lines (docs/operations.md, "Configuration file"): UTF-8, a line whose
 * first non-blank character is {@code #} is a comment, blank lines are ignored, the value is everything after the
 * first {@code =} with surrounding blanks removed (so it may contain {@code #} and {@code =}), no key twice.
 *
 * @param path    the file, as given, for messages
 * @param entries each key with its value and line, in file order
 */
public record ConfigFile(Path path, Map<String, Entry> entries) {
    /** Larger files are refused: a configuration is a few dozen lines. */
    public static final int MAX_BYTES = 64 * 1024;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*");

    /** One value and the line it is on (1 = the first). */
    public record Entry(String value, int line) {
    }

    public ConfigFile {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** No file: every value comes from the environment, a flag or its default. */
    public static ConfigFile none() {
        return new ConfigFile(null, Map.of());
    }

    /** Reads and checks the syntax of {@code path}; a problem is a {@link ConfigException} naming the file and line. */
    public static ConfigFile read(Path path) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(path)) {
                throw new ConfigException("config file " + path + ": not found (or not a regular file)");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new ConfigException("config file " + path + ": larger than " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ConfigException("config file " + path + ": cannot be read (" + e.getMessage() + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException("config file " + path + ": not UTF-8");
        }
        return parse(path, text.lines().toList());
    }

    static ConfigFile parse(Path path, List<String> lines) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            String text = lines.get(i).strip();
            if (i == 0 && text.startsWith("\uFEFF")) {
                text = text.substring(1).strip();
            }
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int equals = text.indexOf('=');
            if (equals < 0) {
                throw new ConfigException(where(path, line) + "expected key = value");
            }
            String key = text.substring(0, equals).strip();
            if (!KEY.matcher(key).matches()) {
                throw new ConfigException(where(path, line) + "malformed key '" + printable(key)
                        + "' (lower-case words joined by '.' or '-', e.g. gateway.port)");
            }
            Entry earlier = entries.putIfAbsent(key, new Entry(text.substring(equals + 1).strip(), line));
            if (earlier != null) {
                throw new ConfigException(where(path, line) + key + ": given twice (first on line " + earlier.line() + ")");
            }
        }
        return new ConfigFile(path, entries);
    }

    static String where(Path path, int line) {
        return "config file " + path + " line " + line + ": ";
    }

    /** At most 40 characters of {@code text}, control characters shown as '?', for a message. */
    static String printable(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
