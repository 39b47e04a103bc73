package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
        assertEquals(Set.of("up"), PromQl.metricNames("up{job=\"exchange\"} == 0"));
        assertEquals(Set.of("exchange_journal_last_index"), PromQl.metricNames("absent(exchange_journal_last_index{job=\"exchange\"})"));
    }

    @Test
    void findsTheMetricNamesUnderAFunctionOnly() {
        String expression = """
                histogram_quantile(0.99, sum(rate(exchange_http_request_duration_seconds_bucket[5m])) by (le))
                  > 1 and on() increase(exchange_commands_total{type!="Tick"}[5m]) > rate(exchange_command_rejects_total[1m])
                  unless exchange_halted == 1""";
        assertEquals(List.of(Set.of("exchange_http_request_duration_seconds_bucket"),
                        Set.of("exchange_http_request_duration_seconds_bucket", "exchange_command_rejects_total"),
                        Set.of("exchange_commands_total"), Set.of()),
                List.of(PromQl.namesUnder("histogram_quantile", expression), PromQl.namesUnder("rate", expression),
                        PromQl.namesUnder("increase", expression), PromQl.namesUnder("irate", expression)));
    }
}
