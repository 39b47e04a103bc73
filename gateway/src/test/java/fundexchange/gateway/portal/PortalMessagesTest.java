package fundexchange.gateway.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.gateway.http.ApiError;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.refusal.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The portal's message bundles: Chinese and English give the same keys, and every refusal code the gateway or the
 * engine can answer is explained in both (docs/api.md, docs/journal-format.md): the gateway's and the engine's shared
 * codes in the shell's code bundles, each mechanism's own in its module, each in exactly one place.
 */
class PortalMessagesTest {
    private static final Pattern KEY = Pattern.compile("(?m)^\\s*'([^']+)':");

    private static Set<String> keys(String file) {
        try (InputStream in = PortalMessagesTest.class.getResourceAsStream("/fundexchange/portal/app/messages/" + file)) {
            Matcher matcher = KEY.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Set<String> keys = new TreeSet<>();
            while (matcher.find()) {
                assertTrue(keys.add(matcher.group(1)), file + " gives " + matcher.group(1) + " twice");
            }
            return keys;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() {
        assertEquals(keys("en.js"), keys("zh-CN.js"));
        assertEquals(keys("codes.en.js"), keys("codes.zh-CN.js"));
    }

    @Test
    void theShellsCodeBundlesHoldExactlyTheGatewaysAndTheSharedRejectCodes() {
        Set<String> expected = Stream.concat(Arrays.stream(ApiError.values()).map(ApiError::code),
                        Arrays.stream(RejectCode.values()).map(RejectCode::code))
                .map(code -> "code." + code).collect(Collectors.toCollection(TreeSet::new));
        expected.add("code.unknown");
        assertEquals(expected, keys("codes.en.js"));
        assertEquals(expected, keys("codes.zh-CN.js"));
    }

    @Test
    void eachMechanismsModuleHoldsExactlyItsOwnRefusalsInBothLanguages() {
        for (ListingMechanism mechanism : ListingMechanism.values()) {
            List<Integer> codes = mechanism.refusals().stream().map(Refusal::code).toList();
            for (String locale : PortalCodeTexts.LOCALES) {
                assertEquals(codes, List.copyOf(PortalCodeTexts.module(mechanism, locale).keySet()),
                        PortalCodeTexts.module(mechanism) + " in " + locale);
            }
        }
        assertEquals(List.of(4030, 4031), List.copyOf(PortalCodeTexts.module(ListingMechanism.DUTCH, "zh-CN").keySet()),
                "the check reads what a module gives");
    }
}
