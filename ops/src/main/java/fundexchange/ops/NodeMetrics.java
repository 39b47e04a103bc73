package fundexchange.ops;

import fundexchange.gateway.listener.ListenerEvents;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;

/**
 * Prometheus gauges (at {@code /observe/metrics}) for how far each part of the node trails the command journal, in
 * journal indices: engine lag (journaled, not yet decided), and projector, audit and gateway-view lag (decided, not
 * yet applied); the connections open on the public listener, and what it did to slow or greedy clients (counts
 * since the node started); snapshot failures and how many commands the newest snapshot trails; the transient database
 * failures the projector and the audit tailer retried, and whether one waits for the database now. The gauges read
 * whichever node started last in
 * this JVM.
 */
final class NodeMetrics {
    private static final AtomicReference<ExchangeNode> CURRENT = new AtomicReference<>();
    private static final AtomicBoolean REGISTERED = new AtomicBoolean();

    private NodeMetrics() {
    }

    static void publish(ExchangeNode node) {
        CURRENT.set(node);
        if (REGISTERED.compareAndSet(false, true)) {
            gauge("exchange_journal_index", "last index in the command journal", ExchangeNode::journalIndex);
            gauge("exchange_engine_lag", "commands journaled but not yet decided", n -> n.journalIndex() - n.engine().lastIndex());
            gauge("exchange_projector_lag", "event documents not yet in the registry", n -> n.engine().lastIndex() - n.projector().watermark());
            gauge("exchange_audit_lag", "indices not yet linked into the audit chain", n -> n.engine().lastIndex() - n.audit().watermark());
            gauge("exchange_gateway_view_lag", "event documents not yet in the gateway's read model",
                    n -> n.engine().lastIndex() - n.viewIndex());
            gauge("exchange_snapshot_failures_total", "engine snapshots that could not be written since the node started"
                    + " (an alarm each, never a halt)", n -> n.engine().snapshotStatus().failures());
            gauge("exchange_snapshot_behind", "commands decided since the newest snapshot written or restored",
                    n -> n.engine().lastIndex() - n.engine().snapshotStatus().lastWrittenIndex());
            gauge("exchange_projector_db_retries_total", "transient database failures the projector retried",
                    n -> n.projector().retries());
            gauge("exchange_audit_db_retries_total", "transient database failures the audit tailer retried",
                    n -> n.audit().retries());
            gauge("exchange_registry_db_waiting", "1 while the projector or the audit tailer waits for the database",
                    n -> n.projector().outage().isPresent() || n.audit().outage().isPresent() ? 1 : 0);
            gauge("exchange_gateway_connections", "connections open on the public listener (its cap: --max-connections)",
                    ExchangeNode::gatewayConnections);
            gauge("exchange_gateway_refused_connections", "connections refused (429) over --max-connections-per-address",
                    n -> n.gatewayListenerCount(ListenerEvents::refused));
            gauge("exchange_gateway_idle_closed", "connections closed after --idle-timeout without a request",
                    n -> n.gatewayListenerCount(ListenerEvents::idleClosed));
            gauge("exchange_gateway_request_timeouts", "requests answered 408: not read within --request-read-timeout",
                    n -> n.gatewayListenerCount(ListenerEvents::requestTimeouts));
            gauge("exchange_gateway_write_timeouts", "connections closed: a write stalled for --write-timeout",
                    n -> n.gatewayListenerCount(ListenerEvents::writeTimeouts));
        }
    }

    static void withdraw(ExchangeNode node) {
        CURRENT.compareAndSet(node, null);
    }

    private static void gauge(String name, String description, ToLongFunction<ExchangeNode> reading) {
        io.helidon.service.registry.Services.get(MeterRegistry.class).getOrCreate(Gauge.builder(name, () -> {
            ExchangeNode node = CURRENT.get();
            return node == null ? 0L : Math.max(0L, reading.applyAsLong(node));
        }).description(description));
    }
}
