package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PromQlTest {
    @Test
    void findsTheMetricNamesOfAnExpressionAndNothingElse() {
        assertEquals(Set.of("exchange_command_rejects_total", "exchange_commands_total"), PromQl.metricNames("""
                sum(rate(exchange_command_rejects_total[5m]))
                  / clamp_min(sum by (type) (rate(exchange_commands_total{type!="Tick",outcome=~"acc.*"}[$__rate_interval])), 0.001) > 0.25
                and on() sum(rate(exchange_commands_total[5m] offset 1h)) > 1e-3"""));
        assertEquals(Set.of("exchange_http_request_duration_seconds_bucket"), PromQl.metricNames(
                "histogram_quantile(0.99, sum(rate(exchange_http_request_duration_seconds_bucket[5m])) by (le, route_class))"));
        assertEquals(Set.of("process_open_fds", "process_max_fds"), PromQl.metricNames("process_open_fds / process_max_fds > 0.8"));
        assertEquals(Set.of("exchange_snapshot_behind_commands", "exchange_snapshot_interval_commands"), PromQl.metricNames(
                "exchange_snapshot_interval_commands > 0 and exchange_snapshot_behind_commands > 2 * exchange_snapshot_interval_commands"));
    }
}
