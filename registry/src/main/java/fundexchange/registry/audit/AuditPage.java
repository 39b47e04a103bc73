package fundexchange.registry.audit;

import java.util.List;
import java.util.Optional;

/**
 * One page of audit records in index order. {@code total} counts every record the filter selects (not only this
 * page's); {@code nextAfterIndex} is the cursor of the next page, empty on the last.
 */
public record AuditPage(long total, List<AuditRecordView> records, Optional<Long> nextAfterIndex) {
    public AuditPage {
        records = List.copyOf(records);
    }
}
