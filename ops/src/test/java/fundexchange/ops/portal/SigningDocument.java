package fundexchange.ops.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The worked examples of docs/api-signing.md, read from the document itself (as the client's ApiSigningDocTest reads them). */
public final class SigningDocument {
    private static final Pattern VALUE_ROW = Pattern.compile("(?m)^\\| ([^|`]+?) \\| `([^`]*)` \\|$");
    private static final Pattern QUERY_ROW = Pattern.compile("(?m)^\\| `([^`]*)` \\| `([^`]*)` \\|$");
    private static final Pattern PRIVATE_PEM = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----\\n[A-Za-z0-9+/=\\n]+-----END PRIVATE KEY-----\\n");

    private final String text;

    private SigningDocument(String text) {
        this.text = text;
    }

    public static SigningDocument read() {
        Path basedir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        try {
            return new SigningDocument(Files.readString(basedir.resolve("../docs/api-signing.md"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The section under {@code ## heading}. */
    public String section(String heading) {
        int start = text.indexOf("\n## " + heading + "\n");
        if (start < 0) {
            throw new AssertionError("docs/api-signing.md has no section " + heading);
        }
        int end = text.indexOf("\n## ", start + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** The {@code | name | `value` |} rows of a section. */
    public static Map<String, String> values(String section) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher rows = VALUE_ROW.matcher(section);
        while (rows.find()) {
            values.put(rows.group(1), rows.group(2));
        }
        return values;
    }

    /** The {@code | `raw` | `canonical` |} rows of the query table. */
    public List<Map.Entry<String, String>> queryExamples() {
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        Matcher matcher = QUERY_ROW.matcher(section("Canonical string"));
        while (matcher.find()) {
            rows.add(Map.entry(matcher.group(1), matcher.group(2)));
        }
        return rows;
    }

    /** The fenced block of a section that starts with {@code FXS2}, exactly as shown. */
    public static String canonicalBlock(String section) {
        String fence = "```text\n";
        int start = section.indexOf(fence + "FXS2\n");
        if (start < 0) {
            throw new AssertionError("no canonical string block");
        }
        return section.substring(start + fence.length(), section.indexOf("\n```", start + fence.length()));
    }

    /** The section's PKCS#8 private key PEM block, if it has one. */
    public static java.util.Optional<String> privateKeyPem(String section) {
        Matcher matcher = PRIVATE_PEM.matcher(section);
        return matcher.find() ? java.util.Optional.of(matcher.group()) : java.util.Optional.empty();
    }
}
