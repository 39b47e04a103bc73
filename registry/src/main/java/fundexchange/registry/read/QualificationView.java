package fundexchange.registry.read;

import java.util.List;
import java.util.Map;

/**
 * An investor's qualification status and validity, its records in journal order, and the platform's thresholds in
 * force now (parameter name to value; a parameter never changed shows its documented default).
 */
public record QualificationView(String participantId, String participantType, String qualification,
                                String qualifiedUntil, List<QualificationRecord> records, Map<String, String> thresholds) {
}
