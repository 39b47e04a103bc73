package fundexchange.ops.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The operators' Chinese documents cannot drift from the English ones (issue 24): every command line of README.md and
 * docs/operations.md appears verbatim in README.zh-CN.md and docs/operations.zh-CN.md, and each pair links the other.
 * A command line is a line of a fenced shell block (info string sh, shell, bash or console, or none when the block's
 * first line starts with {@code $ }, {@code ./} or an environment assignment), a line starting with
 * {@code ./exchange} or {@code ./mvnw}, or an inline code span starting with {@code ./exchange}, {@code ./mvnw} or
 * {@code exchange } (a span may wrap; its whitespace is compared collapsed). Prose lines starting with the word
 * "exchange" are sentences, not commands.
 */
class ChineseDocsTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern FENCE = Pattern.compile("^\\s*```(\\S*)\\s*$");
    private static final Pattern SHELL_START = Pattern.compile("^(\\$ |\\./|[A-Z_][A-Z0-9_]*=).*");
    private static final Pattern SPAN = Pattern.compile("`((?:\\./exchange|\\./mvnw|exchange)\\s[^`]*)`");

    @Test
    void everyCommandLineOfTheReadmeIsInTheChineseReadme() throws IOException {
        assertCommandsIn("README.md", "README.zh-CN.md");
    }

    @Test
    void everyCommandLineOfTheOperationsGuideIsInTheChineseGuide() throws IOException {
        assertCommandsIn("docs/operations.md", "docs/operations.zh-CN.md");
    }

    @Test
    void theEnglishAndChineseDocumentsLinkEachOther() throws IOException {
        assertTrue(read("README.md").contains("(README.zh-CN.md)"), "README.md links README.zh-CN.md");
        assertTrue(read("README.zh-CN.md").contains("(README.md)"), "README.zh-CN.md links README.md");
        assertTrue(read("docs/operations.md").contains("(operations.zh-CN.md)"), "operations.md links its Chinese guide");
        assertTrue(read("docs/operations.zh-CN.md").contains("(operations.md)"), "the Chinese guide links operations.md");
        assertTrue(read("README.zh-CN.md").contains("(docs/operations.zh-CN.md)"), "the Chinese README links the guide");
    }

    @Test
    void theRulesFindTheCommandsOfAShellBlockAndOfCodeSpansButNotOfProse() {
        String english = String.join("\n", "Run it:", "", "```", "./exchange demo", "```", "", "```text",
                "note / 说明: not a command", "```", "Then `./exchange verify --data-dir", "D` or `exchange serve`; the",
                "exchange never stores a key.", "./mvnw -B verify");
        assertEquals(List.of("./exchange demo", "./mvnw -B verify", "./exchange verify --data-dir D", "exchange serve"),
                List.copyOf(commands(english)));
        String chinese = "```\n./exchange demo\n./mvnw -B verify\n```\n`./exchange verify --data-dir D`";
        assertEquals(List.of("exchange serve"), missing(english, chinese));
    }

    private static void assertCommandsIn(String english, String chinese) throws IOException {
        Set<String> commands = commands(read(english));
        assertTrue(commands.size() >= 2, english + ": " + commands);
        assertEquals(List.of(), missing(read(english), read(chinese)),
                "command lines of " + english + " missing from " + chinese + " (copy them verbatim)");
    }

    private static List<String> missing(String english, String chinese) {
        String lines = "\n" + chinese.lines().map(String::stripTrailing).reduce("", (a, b) -> a + b + "\n");
        String spans = collapse(chinese);
        List<String> missing = new ArrayList<>();
        for (String command : commands(english)) {
            boolean found = lines.contains(command) || spans.contains(command);
            if (!found) {
                missing.add(command);
            }
        }
        return missing;
    }

    /** The command lines of a Markdown document, in order of appearance (fenced lines, then lines, then spans). */
    static Set<String> commands(String markdown) {
        Set<String> fenced = new LinkedHashSet<>();
        Set<String> lines = new LinkedHashSet<>();
        StringBuilder prose = new StringBuilder();
        List<String> all = markdown.lines().toList();
        for (int i = 0; i < all.size(); i++) {
            Matcher fence = FENCE.matcher(all.get(i));
            if (fence.matches()) {
                int end = i + 1;
                while (end < all.size() && !FENCE.matcher(all.get(end)).matches()) {
                    end++;
                }
                List<String> block = all.subList(i + 1, Math.min(end, all.size()));
                if (shell(fence.group(1), block)) {
                    block.stream().map(String::strip).filter(line -> !line.isEmpty()).forEach(fenced::add);
                }
                i = end;
                continue;
            }
            String line = all.get(i).strip();
            if (line.startsWith("./exchange") || line.startsWith("./mvnw")) {
                lines.add(line);
            }
            prose.append(all.get(i)).append('\n');
        }
        Set<String> commands = new LinkedHashSet<>(fenced);
        commands.addAll(lines);
        Matcher span = SPAN.matcher(prose);
        while (span.find()) {
            commands.add(collapse(span.group(1)));
        }
        return commands;
    }

    private static boolean shell(String info, List<String> block) {
        if (List.of("sh", "shell", "bash", "console").contains(info)) {
            return true;
        }
        return info.isEmpty() && block.stream().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
                .map(first -> SHELL_START.matcher(first).matches()).orElse(false);
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String read(String name) throws IOException {
        return Files.readString(ROOT.resolve(name));
    }
}
