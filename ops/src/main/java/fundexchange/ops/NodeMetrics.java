package fundexchange.ops;

import fundexchange.gateway.listener.ListenerEvents;
import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.service.registry.Services;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The node's Prometheus metrics at {@code /observe/metrics} on the management listener (never the public one), named
 * after Prometheus' conventions (docs/operations.md, Metrics): lags in commands and seconds, halts and alarms, the
 * snapshot's age, the queues waiting on people, the public listener's connections and what it did to greedy clients,
 * and the process's file descriptors. Every series is registered once per JVM; the gauges read whichever node started
 * last in it. The command counters are {@link CommandCounters}; the request and signature histograms the gateway's.
 */
final class NodeMetrics {
    private record Current(ExchangeNode node, NodeSampler sampler) {
    }

    private static final AtomicReference<Current> CURRENT = new AtomicReference<>();
    private static CommandCounters commands;

    private NodeMetrics() {
    }

    /** The engine's command counters, registered on first use. */
    static synchronized CommandCounters commandCounters() {
        if (commands == null) {
            commands = new CommandCounters(registry());
            register();
        }
        return commands;
    }

    /** Makes {@code node} the one the gauges read; the caller closes the returned sampler when the node stops. */
    static NodeSampler publish(ExchangeNode node, Clock clock) {
        commandCounters();
        NodeSampler sampler = new NodeSampler(node, clock);
        CURRENT.set(new Current(node, sampler));
        return sampler;
    }

    static void withdraw(ExchangeNode node) {
        CURRENT.getAndUpdate(current -> current != null && current.node() == node ? null : current);
    }

    private static void register() {
        gauge("exchange_journal_last_index", "last index in the command journal", List.of(), ExchangeNode::journalIndex);
        for (NodeSample.Lagging part : NodeSample.Lagging.values()) {
            Tag component = Tag.create("component", part.label());
            gauge("exchange_lag_commands", "commands not yet processed by a part of the node (engine: journaled,"
                    + " not decided; the others: decided, not applied)", List.of(component),
                    n -> part.head(n) - part.watermark(n));
            sampled("exchange_lag_seconds", "how long the oldest command a part of the node has not yet processed has"
                    + " waited; 0 when it is caught up", List.of(component), s -> s.lagSeconds().get(part));
        }
        halted("engine", n -> n.engine().failure().isPresent());
        halted("sequencer", n -> n.services().sequencer().failure().isPresent());
        halted("projector", n -> n.projector().failure().isPresent());
        halted("audit", n -> n.audit().failure().isPresent());
        halted("gateway_view", n -> n.services().view().failure().isPresent());
        alarm("clock_jump", n -> n.services().sequencer().halted());
        alarm("registry_db_waiting", n -> n.projector().outage().isPresent() || n.audit().outage().isPresent());
        alarm("snapshot_failing", n -> n.engine().snapshotStatus().lastFailedIndex()
                > n.engine().snapshotStatus().lastWrittenIndex());
        alarm("snapshotter_halted", n -> n.engine().snapshotterHalted());
        counter("exchange_snapshot_failures_total", "engine snapshots not written (a write, a replay or a halt) since the node started"
                + " (an alarm each, never a halt)", List.of(), n -> n.engine().snapshotStatus().failures());
        gauge("exchange_snapshot_behind_commands", "commands decided since the newest snapshot written or restored",
                List.of(), n -> n.engine().lastIndex() - n.engine().snapshotStatus().lastWrittenIndex());
        gauge("exchange_snapshot_interval_commands", "commands between periodic snapshots (--snapshot-every; 0: none)",
                List.of(), ExchangeNode::snapshotEvery);
        sampled("exchange_snapshot_age_seconds", "how long ago the last command in the newest snapshot (without one, the"
                + " genesis) was journaled: what a restart replays", List.of(), NodeSample::snapshotAgeSeconds);
        for (NodeSample.Queue queue : NodeSample.Queue.values()) {
            Tag label = Tag.create("queue", queue.label());
            sampled("exchange_queue_size", "items waiting on people: listings and custody awaiting approval,"
                    + " maker-checker proposals, trades awaiting settlement", List.of(label),
                    s -> queue.of(s.queues()).size());
            sampled("exchange_queue_oldest_age_seconds", "how long the oldest item of a queue has waited; 0 when empty",
                    List.of(label), s -> s.oldestAgeSeconds().get(queue));
        }
        for (String component : List.of("projector", "audit")) {
            counter("exchange_registry_db_retries_total", "transient database failures a projection retried",
                    List.of(Tag.create("component", component)),
                    n -> (component.equals("projector") ? n.projector() : n.audit()).retries());
        }
        gauge("exchange_gateway_open_connections", "connections open on the public listener", List.of(),
                ExchangeNode::gatewayConnections);
        listenerCounter("exchange_gateway_refused_connections_total", "connections refused (429) over"
                + " --max-connections-per-address", ListenerEvents::refused);
        listenerCounter("exchange_gateway_idle_closed_total", "connections closed after --idle-timeout without a"
                + " request", ListenerEvents::idleClosed);
        listenerCounter("exchange_gateway_request_timeouts_total", "requests answered 408: not read within"
                + " --request-read-timeout", ListenerEvents::requestTimeouts);
        listenerCounter("exchange_gateway_write_timeouts_total", "connections closed: a write stalled for"
                + " --write-timeout", ListenerEvents::writeTimeouts);
        process("process_open_fds", "file descriptors the process has open",
                com.sun.management.UnixOperatingSystemMXBean::getOpenFileDescriptorCount);
        process("process_max_fds", "the process's file descriptor limit",
                com.sun.management.UnixOperatingSystemMXBean::getMaxFileDescriptorCount);
    }

    private static MeterRegistry registry() {
        return Services.get(MeterRegistry.class);
    }

    private static void gauge(String name, String description, List<Tag> tags, ToLongFunction<ExchangeNode> reading) {
        registry().getOrCreate(Gauge.builder(name, () -> {
            Current current = CURRENT.get();
            return current == null ? 0L : Math.max(0L, reading.applyAsLong(current.node()));
        }).description(description).tags(tags));
    }

    private static void sampled(String name, String description, List<Tag> tags, ToDoubleFunction<NodeSample> reading) {
        registry().getOrCreate(Gauge.builder(name, () -> {
            Current current = CURRENT.get();
            return current == null ? 0.0 : reading.applyAsDouble(current.sampler().sample());
        }).description(description).tags(tags));
    }

    private static void halted(String component, java.util.function.Predicate<ExchangeNode> halted) {
        gauge("exchange_halted", "1 while a part of the node has halted (an operator must intervene)",
                List.of(Tag.create("component", component)), n -> halted.test(n) ? 1 : 0);
    }

    private static void alarm(String alarm, java.util.function.Predicate<ExchangeNode> raised) {
        gauge("exchange_alarm_raised", "1 while an alarm stands (docs/operations.md, Alerts)",
                List.of(Tag.create("alarm", alarm)), n -> raised.test(n) ? 1 : 0);
    }

    private static void counter(String name, String description, List<Tag> tags, ToLongFunction<ExchangeNode> count) {
        registry().getOrCreate(FunctionalCounter.builder(name, CURRENT, current -> {
            Current now = current.get();
            return now == null ? 0L : count.applyAsLong(now.node());
        }).description(description).tags(tags));
    }

    private static void listenerCounter(String name, String description, ToLongFunction<ListenerEvents> count) {
        counter(name, description, List.of(), n -> n.gatewayListenerCount(count));
    }

    private static void process(String name, String description,
                                ToLongFunction<com.sun.management.UnixOperatingSystemMXBean> reading) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            registry().getOrCreate(Gauge.builder(name, () -> (double) reading.applyAsLong(unix)).description(description));
        }
    }
}
