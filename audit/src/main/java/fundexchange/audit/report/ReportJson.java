package fundexchange.audit.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The report as canonical JSON: compact UTF-8, every object's properties in key order, absent values left out,
 * amounts as the journal's exact decimal strings. Equal reports give equal bytes.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private ReportJson() {
    }

    public static byte[] write(DailyReport report) {
        try {
            return MAPPER.writeValueAsBytes(Json.sorted(MAPPER.valueToTree(report)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the daily report", e);
        }
    }
}
