package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.SubmitCustody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BodyRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Optional<String> refusal(Class<?> type, String json) {
        try {
            BodyRules.check((ObjectNode) JSON.readTree(json), type, Set.of());
            return Optional.empty();
        } catch (ApiException e) {
            assertEquals(400, e.status());
            assertEquals(ApiError.INVALID_FIELD.code(), e.code());
            return Optional.of(e.getMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String listing(String units, String price) {
        return "{\"fundCode\":\"DGF3\",\"buyer\":\"Investor-01\",\"units\":" + units + ",\"price\":" + price + "}";
    }

    @Test
    void amountsAreDecimalStringsInTheirGrammarAtTheirScale() {
        Map<String, Boolean> unitsAccepted = new LinkedHashMap<>();
        for (String ok : List.of("\"0\"", "\"10\"", "\"10.5\"", "\"10.50\"", "\"0.01\"", "\"92233720368547758.07\"")) {
            unitsAccepted.put(ok, true);
        }
        for (String bad : List.of("\"1e3\"", "\" 10.00\"", "\"10.00 \"", "\"+10.00\"", "\"-1.00\"", "\"10.\"", "\".50\"",
                "\"010.00\"", "\"1.001\"", "\"92233720368547758.08\"", "\"\"", "10.00", "10", "true", "{}")) {
            unitsAccepted.put(bad, false);
        }
        Map<String, Boolean> seen = new LinkedHashMap<>();
        unitsAccepted.keySet().forEach(units -> seen.put(units, refusal(ListNegotiated.class, listing(units, "\"1.0000\"")).isEmpty()));
        assertEquals(unitsAccepted, seen);
        assertEquals(Optional.empty(), refusal(ListNegotiated.class, listing("\"1.00\"", "\"1.2345\"")));
        assertEquals(Optional.of("field 'price' must be a decimal string such as \"10.0000\": digits without sign,"
                        + " exponent, spaces or leading zeros, at most 4 decimals"),
                refusal(ListNegotiated.class, listing("\"1.00\"", "\"1.23456\"")));
    }

    @Test
    void namesTheMissingWrongTypedOrNestedField() {
        assertEquals(Optional.of("field 'fundCode' is required"),
                refusal(ListNegotiated.class, "{\"buyer\":\"Investor-01\",\"units\":\"1.00\",\"price\":\"1.0000\"}"));
        assertEquals(Optional.of("field 'fundCode' must be a JSON string"),
                refusal(ListNegotiated.class, "{\"fundCode\":123,\"buyer\":\"I\",\"units\":\"1.00\",\"price\":\"1.0000\"}"));
        assertEquals(Optional.of("field 'expiresAt' must not be null (leave it out for its default)"),
                refusal(ListNegotiated.class, listing("\"1.00\"", "\"1.0000\"").replace("}", ",\"expiresAt\":null}")));
        assertEquals(Optional.of("field 'action.participantId' is required"),
                refusal(Propose.class, "{\"action\":{\"type\":\"ApproveParticipant\"}}"));
        assertEquals(Optional.of("field 'entries[1].units' must be a decimal string such as \"10.00\": digits without"
                        + " sign, exponent, spaces or leading zeros, at most 2 decimals"),
                refusal(SubmitCustody.class, "{\"fundCode\":\"F\",\"documentDigest\":\"d\",\"entries\":["
                        + "{\"holder\":\"H\",\"units\":\"1.00\"},{\"holder\":\"H2\",\"units\":1}]}"));
        assertEquals(Optional.of("field 'note' is not a field of this request"),
                refusal(ListNegotiated.class, listing("\"1.00\"", "\"1.0000\"").replace("}", ",\"note\":\"x\"}")));
    }

    @Test
    void textIsNfcWithoutControlOrBidiCharacters() {
        String participant = "{\"participantId\":\"Investor-05\",\"name\":\"%s\",\"participantType\":\"INSTITUTION\","
                + "\"roles\":[\"INVESTOR\"]}";
        assertEquals(Optional.empty(), refusal(RegisterParticipant.class, participant.formatted("示例投资者 Café")));
        assertEquals(Optional.of("field 'name' must not contain control character U+0007"),
                refusal(RegisterParticipant.class, participant.formatted("Demo\\u0007")));
        assertEquals(Optional.of("field 'name' must not contain bidirectional formatting character U+202E"),
                refusal(RegisterParticipant.class, participant.formatted("Demo \\u202E")));
        assertEquals(Optional.of("field 'name' must be in Unicode normalization form NFC"),
                refusal(RegisterParticipant.class, participant.formatted("Cafe\\u0301")));
    }
}
