package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.Refusals;
import fundexchange.protocol.refusal.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every refusal the engine can answer ({@link Refusals#all()}): its number unique across all refusals and the gateway's
 * own codes, its name unique (the outcome's {@code reason}, which counters and reports key on), and a text people read
 * in English and in Chinese. It lives beside {@link ApiError}, whose numbers share the space, and reads the portal's code
 * bundles from the gateway's resources.
 */
class RefusalsTest {
    private static final Pattern ENTRY = Pattern.compile(
            "(?m)^\\s*'code\\.(\\d+)':\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"),?\\s*$");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    /** The texts of one code bundle by code number. */
    private static Map<Integer, String> texts(String file) {
        try (InputStream in = RefusalsTest.class.getResourceAsStream("/fundexchange/portal/app/messages/" + file)) {
            Matcher matcher = ENTRY.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<Integer, String> texts = new TreeMap<>();
            while (matcher.find()) {
                texts.put(Integer.parseInt(matcher.group(1)), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
            }
            return texts;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyCodeIsUniqueAcrossAllRefusalsAndTheGatewaysCodes() {
        Map<Integer, String> owners = new TreeMap<>();
        for (ApiError error : ApiError.values()) {
            assertEquals(null, owners.put(error.code(), "ApiError." + error.name()), "gateway code " + error.code() + " twice");
        }
        for (Refusal refusal : Refusals.all()) {
            String owner = refusal.getClass().getName() + "." + refusal.name();
            String other = owners.put(refusal.code(), owner);
            assertEquals(null, other, "code " + refusal.code() + " is both " + other + " and " + owner);
        }
    }

    @Test
    void everyNameIsUniqueAndAConstantsName() {
        TreeSet<String> names = new TreeSet<>();
        for (Refusal refusal : Refusals.all()) {
            assertTrue(names.add(refusal.name()), "reason " + refusal.name() + " twice");
            assertTrue(refusal.name().matches("[A-Z][A-Z0-9_]*"), refusal.name());
        }
    }

    @Test
    void everyRefusalHasAnEnglishAndAChineseText() {
        Map<Integer, String> english = texts("codes.en.js");
        Map<Integer, String> chinese = texts("codes.zh-CN.js");
        List<Integer> codes = Refusals.all().stream().map(Refusal::code).toList();
        for (int code : codes) {
            String en = english.getOrDefault(code, "");
            String zh = chinese.getOrDefault(code, "");
            assertFalse(en.isBlank(), "no English text for refusal " + code);
            assertFalse(CHINESE.matcher(en).find(), "the English text of " + code + " is Chinese: " + en);
            assertTrue(CHINESE.matcher(zh).find(), "no Chinese text for refusal " + code + ": '" + zh + "'");
        }
    }
}
