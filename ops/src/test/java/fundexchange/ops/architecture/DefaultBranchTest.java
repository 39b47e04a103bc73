package fundexchange.ops.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.JsonShape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No {@code default} branch in a switch over commands or events outside the list below, so that the compiler names
 * every switch a new command or event must reach (issue 17). A switch is over commands or events when a case label
 * names a record of {@link JsonShape#TYPED} or a sealed group of them such as {@code ListingEvent} (a type pattern,
 * an enum constant or a string of the same name); the bytecode does not show a default branch, so this reads the
 * sources of every module's {@code src/main/java}.
 */
class DefaultBranchTest {
    /**
     * Today's switches with a default branch: file below {@code src/main/java}, how many, and why. All are over
     * commands, which have no groups yet: every switch over events is exhaustive (over the event groups of
     * {@link fundexchange.protocol.event.Event}, then over the members of the groups it reads). The count must match
     * exactly, so removing a default branch shrinks this list.
     */
    private static final Map<String, Allowed> ALLOWED = Map.ofEntries(
            allowed("fundexchange/audit/bundle/SealedBidWithholding.java",
                    "one reading of a sealed-bid record: only the two sealed-bid commands are ever withheld"),
            allowed("fundexchange/audit/bundle/SignatureRules.java",
                    "the three unsigned commands are named; every other command is signed by a participant"),
            allowed("fundexchange/gateway/http/CommandParser.java",
                    "only the sealed bids carry a nonce to check; other commands pass unchanged"),
            allowed("fundexchange/bench/GatewayLoadBench.java",
                    "a benchmark's own command mix, an enum whose constants are named after command types"),
            allowed("fundexchange/bench/SyntheticAuditRows.java",
                    "a benchmark's synthetic audit rows: the signer by command type name"));

    private static final Pattern SWITCH = Pattern.compile("\\bswitch\\s*\\(");
    private static final Pattern NAME_IN_QUOTES = Pattern.compile("\"([A-Za-z]+)\"");

    @Test
    void noSwitchOverCommandsOrEventsHasADefaultBranchOutsideTheList() throws IOException {
        Set<String> names = typeNames();
        Map<String, List<Integer>> found = new TreeMap<>();
        for (Path source : sources(root())) {
            List<Integer> lines = defaultsInSwitchesOver(names, Files.readString(source, StandardCharsets.UTF_8));
            if (!lines.isEmpty()) {
                String key = source.toString().replace('\\', '/').replaceFirst(".*/src/main/java/", "");
                found.merge(key, lines, (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
            }
        }
        List<String> problems = new ArrayList<>();
        Set<String> files = new TreeSet<>(found.keySet());
        files.addAll(ALLOWED.keySet());
        for (String file : files) {
            int expected = ALLOWED.containsKey(file) ? ALLOWED.get(file).count() : 0;
            List<Integer> lines = found.getOrDefault(file, List.of());
            if (lines.size() != expected) {
                problems.add(file + " has " + lines.size() + " (lines " + lines + "), the list allows " + expected);
            }
        }
        assertEquals(List.of(), problems, "a default branch in a switch over commands or events hides the cases a new"
                + " type must add: list every case instead, or (with a reason) update ALLOWED");
    }

    @Test
    void theScanFindsDefaultBranchesOverTypesOrTypeNamesAndNothingElse() {
        Set<String> names = Set.of("PlaceBid", "TradeExecuted");
        String source = """
                class X {
                    // switch (a) { case PlaceBid b -> 1; default -> 2; }  in a comment
                    String s = "switch (a) { case PlaceBid b -> 1; default -> 2; }";
                    int a(Object command) {
                        return switch (command) {
                            case fundexchange.protocol.command.PlaceBid b -> 1;
                            default -> 2;
                        };
                    }
                    void b(String type, int n) {
                        switch (type) {
                            case "TradeExecuted":
                                switch (n) { case 1 -> { } default -> { } }
                                break;
                            default:
                        }
                    }
                    int c(Status status) {
                        return switch (status) { case OPEN -> 1; default -> 2; };
                    }
                    int d(Object event) {
                        return switch (event) { case TradeExecuted e -> 1; case PlaceBid p -> 2; };
                    }
                }
                """;
        assertEquals(List.of(7, 15), defaultsInSwitchesOver(names, source));
    }

    /** The line of every default branch of a switch whose case labels name one of {@code names}. */
    static List<Integer> defaultsInSwitchesOver(Set<String> names, String source) {
        String code = blank(source);
        List<Integer> lines = new ArrayList<>();
        Matcher switches = SWITCH.matcher(code);
        while (switches.find()) {
            int body = afterParentheses(code, switches.end() - 1);
            while (body < code.length() && Character.isWhitespace(code.charAt(body))) {
                body++;
            }
            if (body >= code.length() || code.charAt(body) != '{') {
                continue;
            }
            boolean overTypes = false;
            int defaultAt = -1;
            int depth = 0;
            for (int i = body; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    break;
                } else if (depth == 1 && word(code, i, "case")) {
                    String label = label(source, code, i + 4);
                    overTypes |= names(label).stream().anyMatch(names::contains);
                    if (word(label, label.indexOf("default"), "default")) {
                        defaultAt = i;
                    }
                } else if (depth == 1 && word(code, i, "default")) {
                    String rest = code.substring(i + 7).stripLeading();
                    if (rest.startsWith("->") || rest.startsWith(":")) {
                        defaultAt = i;
                    }
                }
            }
            if (overTypes && defaultAt >= 0) {
                lines.add((int) source.substring(0, defaultAt).chars().filter(c -> c == '\n').count() + 1);
            }
        }
        return lines;
    }

    /** The names a case label mentions: its first (possibly qualified) type or constant, and every quoted name. */
    private static List<String> names(String label) {
        List<String> names = new ArrayList<>();
        String first = label.strip().split("[\\s(,]", 2)[0];
        names.add(first.substring(first.lastIndexOf('.') + 1));
        Matcher quoted = NAME_IN_QUOTES.matcher(label);
        while (quoted.find()) {
            names.add(quoted.group(1));
        }
        return names;
    }

    /** The label text after {@code case}, up to its arrow or colon, taken from the source (strings included). */
    private static String label(String source, String code, int from) {
        int arrow = code.indexOf("->", from);
        int colon = code.indexOf(':', from);
        int end = arrow < 0 ? colon : colon < 0 ? arrow : Math.min(arrow, colon);
        return source.substring(from, end < 0 ? code.length() : end);
    }

    private static boolean word(String text, int at, String word) {
        return at >= 0 && text.startsWith(word, at) && (at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1)))
                && (at + word.length() >= text.length() || !Character.isJavaIdentifierPart(text.charAt(at + word.length())));
    }

    private static int afterParentheses(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            if (code.charAt(i) == '(') {
                depth++;
            } else if (code.charAt(i) == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return code.length();
    }

    /** The source with comments, text blocks, string and character contents blanked (same length, same lines). */
    static String blank(String source) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        while (i < source.length()) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                end = i + 1;
                while (end < source.length() && source.charAt(end) != source.charAt(i)) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, source.length());
                for (int j = i + 1; j < end - 1; j++) {
                    out.setCharAt(j, ' ');
                }
                i = end;
                continue;
            } else {
                i++;
                continue;
            }
            for (int j = i; j < end; j++) {
                if (out.charAt(j) != '\n') {
                    out.setCharAt(j, ' ');
                }
            }
            i = end;
        }
        return out.toString();
    }

    private static Set<String> typeNames() {
        Set<String> names = new TreeSet<>();
        JsonShape.TYPED.forEach(typed -> addPermitted(typed, names));
        assertTrue(names.size() > 100, "command and event types: " + names.size());
        return names;
    }

    private static void addPermitted(Class<?> sealed, Set<String> names) {
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            names.add(JsonShape.typeName(permitted));
            if (permitted.isSealed()) {
                addPermitted(permitted, names);
            }
        }
    }

    /** The project's root: the nearest directory up from here with the Maven wrapper and a pom. */
    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "no project root above " + Path.of("").toAbsolutePath());
        return dir;
    }

    /** Every main source file of every module. */
    private static List<Path> sources(Path root) throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.exists(m.resolve("pom.xml"))).sorted().toList()) {
                Path main = module.resolve("src/main/java");
                if (Files.isDirectory(main)) {
                    try (Stream<Path> files = Files.walk(main)) {
                        files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(sources::add);
                    }
                }
            }
        }
        assertTrue(sources.size() > 500, "main sources found under " + root + ": " + sources.size());
        return sources;
    }

    private static Map.Entry<String, Allowed> allowed(String file, String reason) {
        return Map.entry(file, new Allowed(1, reason));
    }

    /** How many default branches a file may have in switches over commands or events, and why. */
    private record Allowed(int count, String reason) {
    }
}
