package fundexchange.gateway.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.listing.ListingMechanism;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's refusal texts as its sources give them, by code number: the shell's code bundles
 * ({@code app/messages/codes.<locale>.js}, {@code 'code.<n>': '...'} a line) and a mechanism module's own
 * ({@code app/pages/mechanisms/<mechanism>.js}: a {@code codes} object whose {@code en} and {@code 'zh-CN'} objects give
 * {@code <n>: '...'} a line). A text is one quoted string on its line; a code given twice fails.
 */
public final class PortalCodeTexts {
    /** The portal's two languages, as the bundles and modules name them. */
    public static final List<String> LOCALES = List.of("en", "zh-CN");
    private static final String QUOTED = "(?:'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\")";
    private static final Pattern SHELL_ENTRY = Pattern.compile("(?m)^\\s*'code\\.(\\d+)':\\s*" + QUOTED + ",?\\s*$");
    private static final Pattern MODULE_ENTRY = Pattern.compile("^\\s*(\\d+):\\s*" + QUOTED + ",?\\s*$");

    private PortalCodeTexts() {
    }

    /** The shell bundle's texts of {@code locale} (every {@code code.<n>} but {@code code.unknown}). */
    public static Map<Integer, String> shell(String locale) {
        String file = "app/messages/codes." + locale + ".js";
        Matcher entry = SHELL_ENTRY.matcher(source(file));
        Map<Integer, String> texts = new TreeMap<>();
        while (entry.find()) {
            put(texts, entry, file);
        }
        return texts;
    }

    /** The module of {@code mechanism}, its name in lower case under app/pages/mechanisms/. */
    public static String module(ListingMechanism mechanism) {
        return "app/pages/mechanisms/" + mechanism.name().toLowerCase(Locale.ROOT) + ".js";
    }

    /** The texts of {@code locale} that {@code mechanism}'s module gives its own refusals; empty without {@code codes}. */
    public static Map<Integer, String> module(ListingMechanism mechanism, String locale) {
        String file = module(mechanism);
        List<String> lines = source(file).lines().toList();
        int codes = lines.indexOf("  codes: {");
        Map<Integer, String> texts = new TreeMap<>();
        if (codes < 0) {
            return texts;
        }
        String opening = "    " + (locale.equals("en") ? "en" : "'" + locale + "'") + ": {";
        int line = codes + 1;
        while (line < lines.size() && !lines.get(line).equals(opening) && !lines.get(line).matches(" {2}},?")) {
            line++;
        }
        assertTrue(line < lines.size() && lines.get(line).equals(opening), file + " gives no " + opening.strip());
        for (line++; !lines.get(line).matches(" {4}},?"); line++) {
            Matcher entry = MODULE_ENTRY.matcher(lines.get(line));
            assertTrue(entry.matches(), file + ": not one code and its text on a line: " + lines.get(line));
            put(texts, entry, file);
        }
        return texts;
    }

    private static void put(Map<Integer, String> texts, Matcher entry, String file) {
        String text = entry.group(2) != null ? entry.group(2) : entry.group(3);
        assertEquals(null, texts.put(Integer.parseInt(entry.group(1)), text), file + " gives " + entry.group(1) + " twice");
    }

    private static String source(String file) {
        try (InputStream in = PortalCodeTexts.class.getResourceAsStream("/fundexchange/portal/" + file)) {
            assertTrue(in != null, "no " + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
