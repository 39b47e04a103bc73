package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.gateway.portal.PortalCodeTexts;
import fundexchange.protocol.Refusals;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.listing.DutchClock;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.refusal.Refusal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every refusal the engine can answer ({@link Refusals#all()}): its number unique across all refusals and the gateway's
 * own codes, a mechanism's inside its code block, its name unique (the outcome's {@code reason}, which counters and
 * reports key on), and a text people read in English and in Chinese (the shared codes' in the portal's code bundles, a
 * mechanism's in its module). It lives beside {@link ApiError}, whose numbers share the space.
 */
class RefusalsTest {
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    /** A mechanism's block from 4200 on (docs/journal-format.md, Reject codes). */
    private static final int FIRST_BLOCK = 4200;
    private static final int BLOCK = 20;
    /** The engine area's end: the last block is 4980-4999. */
    private static final int END = 5000;

    @Test
    void allIsTheSharedCodesThenEachMechanismsOwn() {
        List<Refusal> expected = new ArrayList<>(Arrays.asList(RejectCode.values()));
        Arrays.stream(ListingMechanism.values()).forEach(m -> expected.addAll(m.refusals()));
        assertEquals(expected, Refusals.all());
        assertEquals(List.of(DutchClock.Refusal.CLOCK_ABOVE_BID, DutchClock.Refusal.UNITS_NOT_LEFT),
                ListingMechanism.DUTCH.refusals());
        assertEquals(List.of(4030, 4031), ListingMechanism.DUTCH.refusals().stream().map(Refusal::code).toList());
        assertEquals(List.of(), ListingMechanism.ENGLISH.refusals());
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

    /**
     * A mechanism with refusals of its own has a block of 20 codes from a multiple of 20 from 4200 to 4980 (the engine
     * area ends at 4999), its own, and every refusal inside it; DUTCH's block is 4030-4031, grandfathered with its two
     * codes; a mechanism without refusals names no block.
     */
    @Test
    void eachMechanismsRefusalsAreInsideItsOwnBlock() {
        Map<Integer, ListingMechanism> blocks = new TreeMap<>();
        for (ListingMechanism mechanism : ListingMechanism.values()) {
            List<Integer> codes = mechanism.refusals().stream().map(Refusal::code).toList();
            int first = mechanism.codeBlock();
            if (codes.isEmpty()) {
                assertEquals(0, first, mechanism + " has no refusals and names a block");
                continue;
            }
            int size = mechanism == ListingMechanism.DUTCH ? 2 : BLOCK;
            assertTrue(mechanism == ListingMechanism.DUTCH ? first == 4030
                    : first >= FIRST_BLOCK && first % BLOCK == 0 && first + BLOCK <= END, mechanism + "'s block starts at "
                    + first + ", not a multiple of " + BLOCK + " from " + FIRST_BLOCK + " to " + (END - BLOCK));
            assertEquals(null, blocks.put(first, mechanism), "two mechanisms' block at " + first);
            for (int code : codes) {
                assertTrue(code >= first && code < first + size, mechanism + "'s " + code + " outside " + first + "-"
                        + (first + size - 1));
            }
        }
        assertEquals(4030, ListingMechanism.DUTCH.codeBlock());
        assertEquals(4200, ListingMechanism.CLOCK.codeBlock());
        assertEquals(0, ListingMechanism.ENGLISH.codeBlock());
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
        Map<String, Map<Integer, String>> texts = new TreeMap<>();
        for (String locale : PortalCodeTexts.LOCALES) {
            Map<Integer, String> all = new TreeMap<>(PortalCodeTexts.shell(locale));
            for (ListingMechanism mechanism : ListingMechanism.values()) {
                all.putAll(PortalCodeTexts.module(mechanism, locale));
            }
            texts.put(locale, all);
        }
        for (Refusal refusal : Refusals.all()) {
            int code = refusal.code();
            String en = texts.get("en").getOrDefault(code, "");
            String zh = texts.get("zh-CN").getOrDefault(code, "");
            assertFalse(en.isBlank(), "no English text for refusal " + code);
            assertFalse(CHINESE.matcher(en).find(), "the English text of " + code + " is Chinese: " + en);
            assertTrue(CHINESE.matcher(zh).find(), "no Chinese text for refusal " + code + ": '" + zh + "'");
        }
    }
}
