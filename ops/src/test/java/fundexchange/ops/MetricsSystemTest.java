package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.engine.Engine;
import fundexchange.engine.QueueDepths;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.journal.chronicle.JournalEntry;
import fundexchange.journal.chronicle.Journals;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The demo market, run over signed HTTP, then the management listener scraped: the metric families, their types and
 * labels, the command counts against the journal, and every metric the Grafana dashboard and the Prometheus alert
 * rules in {@code ops/deploy} name is one the node serves. The public listener serves no metrics.
 */
class MetricsSystemTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();
    @TempDir
    static Path data;
    private static ExchangeNode node;
    private static PrometheusText scrape;
    private static String scrapeText;
    private static long lastIndex;
    private static long decidedAtScrape;
    private static long writtenAtScrape;
    private static long firstIndex;
    private static PrometheusText before;
    private static QueueDepths queues;

    @BeforeAll
    static void runTheDemoMarketAndScrape() throws Exception {
        Clock clock = Clock.systemUTC();
        KeyPair staff1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair staff2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair regulator = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
        TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, staff2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulator.getPublic())), clock);
        node = ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0).withMinIndexWaitMs(30_000), clock,
                new ExchangeNode.Options(Duration.ofDays(1), 50));
        // Counters count per process, and other tests' nodes may have run in this JVM: compare what the demo adds.
        firstIndex = node.engine().lastIndex() + 1;
        before = PrometheusText.parse(get("http://127.0.0.1:" + node.managementPort() + "/observe/metrics").body());
        URI uri = URI.create("http://localhost:" + node.port());
        Participant s1 = new Participant(uri, "Staff-01", "Staff-01-k1", staff1, clock, "metrics");
        Participant s2 = new Participant(uri, "Staff-02", "Staff-02-k1", staff2, clock, "metrics").sharing(s1.position());
        Participant reg = new Participant(uri, "Regulator-01", "Regulator-01-k1", regulator, clock, "metrics")
                .sharing(s1.position());
        DemoMarket market = new DemoMarket(uri, clock, s1, s2);
        market.seed();
        // The demo's one settlement path: delivery versus payment through its bank, active before the first trade.
        DemoSettlement.open(market, DemoBank.open(market, clock));
        market.negotiatedTransfers();
        market.nonListedTrading();
        market.pledgesAndFreeze();
        market.auctions();
        market.continuousTrading();
        market.provokedRejections();
        assertEquals(200, reg.get("/participants").status(), "the regulator signs with SM2");
        // Leave one item in each queue: a listing awaiting approval, a trade awaiting settlement, a proposal.
        market.person(DemoMarket.holderOf(10)).post("/listings", """
                {"fundCode":"%s","buyer":"%s","units":"1000.00","price":"1.0000"}""".formatted(DemoMarket.fundCode(10),
                DemoMarket.investor(6))).ok();
        long trade = market.negotiate(11, DemoMarket.investor(6), "1000.00", "1.0000");
        s1.post("/proposals", "{\"action\":{\"type\":\"FailSettlement\",\"tradeId\":" + trade
                + ",\"reason\":\"a synthetic proposal left for its checker\"}}").ok();
        lastIndex = node.journalIndex();
        assertTrue(node.engine().awaitIndex(lastIndex, Duration.ofSeconds(60)));
        assertTrue(node.projector().awaitIndex(lastIndex, Duration.ofSeconds(60)));
        assertTrue(node.audit().awaitIndex(lastIndex, Duration.ofSeconds(60)));
        assertTrue(node.services().view().awaitIndex(lastIndex, Duration.ofSeconds(60)));
        assertEquals(404, get("http://127.0.0.1:" + node.port() + "/no-such-path").statusCode());
        queues = node.engine().query(Engine::queues).get(30, TimeUnit.SECONDS);
        // Snapshots are the snapshotter's, off the engine thread: ask for one at the engine's index (a periodic mark may
        // have been skipped by the floor between jobs, so none is awaited), scrape, and scrape again if a late command
        // (a due Tick, say) moved the engine meanwhile, so the scrape sees exactly that index and that snapshot.
        do {
            decidedAtScrape = node.engine().lastIndex();
            writtenAtScrape = node.engine().snapshotNow().get(60, TimeUnit.SECONDS);
            scrapeText = get("http://127.0.0.1:" + node.managementPort() + "/observe/metrics").body();
        } while (node.engine().lastIndex() != decidedAtScrape);
        scrape = PrometheusText.parse(scrapeText);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The families the node serves, each with its Prometheus type and its label names (Helidon's scope aside). */
    @Test
    void theManagementListenerServesEveryFamilyWithItsTypeAndLabels() {
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("exchange_alarm_raised", "gauge [alarm]"),
                Map.entry("exchange_command_rejects_total", "counter [reason]"),
                Map.entry("exchange_commands_total", "counter [outcome, type]"),
                Map.entry("exchange_gateway_idle_closed_total", "counter []"),
                Map.entry("exchange_gateway_open_connections", "gauge []"),
                Map.entry("exchange_gateway_refused_connections_total", "counter []"),
                Map.entry("exchange_gateway_request_timeouts_total", "counter []"),
                Map.entry("exchange_gateway_write_timeouts_total", "counter []"),
                Map.entry("exchange_halted", "gauge [component]"),
                Map.entry("exchange_http_request_duration_seconds", "histogram [le, route_class, status_class]"),
                Map.entry("exchange_journal_last_index", "gauge []"),
                Map.entry("exchange_lag_commands", "gauge [component]"),
                Map.entry("exchange_lag_seconds", "gauge [component]"),
                Map.entry("exchange_queue_oldest_age_seconds", "gauge [queue]"),
                Map.entry("exchange_queue_size", "gauge [queue]"),
                Map.entry("exchange_registry_db_retries_total", "counter [component]"),
                Map.entry("exchange_signature_verification_duration_seconds", "histogram [algorithm, le]"),
                Map.entry("exchange_snapshot_age_seconds", "gauge []"),
                Map.entry("exchange_snapshot_behind_commands", "gauge []"),
                Map.entry("exchange_snapshot_failures_total", "counter []"),
                Map.entry("exchange_snapshot_interval_commands", "gauge []"),
                Map.entry("process_max_fds", "gauge []"),
                Map.entry("process_open_fds", "gauge []")));
        Map<String, String> served = new TreeMap<>();
        scrape.types().forEach((family, type) -> {
            if (expected.containsKey(family) || expected.containsKey(family + "_total")) {
                String name = expected.containsKey(family) ? family : family + "_total";
                Set<String> labels = new TreeSet<>();
                scrape.samples().stream().filter(s -> s.name().startsWith(family)).forEach(s -> labels.addAll(s.labels().keySet()));
                labels.remove("scope");
                served.put(name, type + " " + labels);
            }
        });
        assertEquals(expected, served, scrapeText);
    }

    @Test
    void commandCountsByTypeAndOutcomeMatchTheEventJournal() {
        Map<String, Long> journaled = new TreeMap<>();
        Map<String, Long> rejects = new TreeMap<>();
        try (Journals.TypedReader<CommandRecord> commands = node.journals().commandReader();
             Journals.TypedReader<EventDocument> events = node.journals().eventReader()) {
            Optional<JournalEntry<EventDocument>> document;
            while ((document = events.next()).isPresent() && document.get().value().sourceIndex() <= lastIndex) {
                CommandRecord command = commands.next().orElseThrow().value();
                if (command.index() < firstIndex) {
                    continue;
                }
                OutcomeStatus status = document.get().value().outcome().status();
                if (!(command.command() instanceof fundexchange.protocol.command.Tick)) {
                    journaled.merge(command.command().getClass().getSimpleName() + " " + status.name().toLowerCase(Locale.ROOT), 1L, Long::sum);
                }
                if (status == OutcomeStatus.REJECTED) {
                    rejects.merge(document.get().value().outcome().reason(), 1L, Long::sum);
                }
            }
        }
        assertEquals(journaled, added("exchange_commands_total", s -> s.labels().get("type") + " " + s.labels().get("outcome"),
                s -> !s.labels().get("type").equals("Tick")));
        assertEquals(rejects, added("exchange_command_rejects_total", s -> s.labels().get("reason"), s -> true));
        assertTrue(rejects.size() >= 3, "the demo provokes rejections: " + rejects);
        assertEquals(fundexchange.protocol.command.Command.class.getPermittedSubclasses().length * 3,
                scrape.named("exchange_commands_total").size(), "every type by every outcome is registered up front");
        assertEquals(fundexchange.protocol.Refusals.all().size(), scrape.named("exchange_command_rejects_total").size());
    }

    @Test
    void nothingHaltedNoAlarmAndTheQueuesAreTheEnginesOwn() {
        assertEquals(Map.of("engine", 0.0, "sequencer", 0.0, "projector", 0.0, "audit", 0.0, "gateway_view", 0.0),
                byLabel("exchange_halted", "component"));
        assertEquals(Map.of("clock_jump", 0.0, "registry_db_waiting", 0.0, "snapshot_failing", 0.0,
                        "snapshotter_halted", 0.0), byLabel("exchange_alarm_raised", "alarm"));
        assertEquals(Map.of("pending_approvals", (double) queues.pendingApprovals().size(),
                        "pending_proposals", (double) queues.pendingProposals().size(),
                        "settlements_due", (double) queues.settlementsDue().size()),
                byLabel("exchange_queue_size", "queue"));
        assertEquals(List.of(1L, 1L, 1L), List.of(queues.pendingApprovals().size(), queues.pendingProposals().size(),
                queues.settlementsDue().size()), queues::toString);
        assertTrue(queues.pendingApprovals().oldestIndex() < queues.settlementsDue().oldestIndex()
                && queues.settlementsDue().oldestIndex() < queues.pendingProposals().oldestIndex(), queues::toString);
        Map<String, Double> ages = byLabel("exchange_queue_oldest_age_seconds", "queue");
        assertTrue(ages.get("pending_approvals") >= ages.get("settlements_due")
                && ages.get("settlements_due") >= ages.get("pending_proposals") && ages.get("pending_proposals") >= 0, ages::toString);
        assertEquals(Set.of("engine", "projector", "audit", "gateway_view"), byLabel("exchange_lag_seconds", "component").keySet());
        assertEquals(50.0, scrape.named("exchange_snapshot_interval_commands").getFirst().value());
        assertEquals((double) (decidedAtScrape - writtenAtScrape), scrape.named("exchange_snapshot_behind_commands").getFirst().value(),
                scrapeText);
        assertTrue(decidedAtScrape - writtenAtScrape < 50, scrapeText);
        assertTrue(scrape.named("process_open_fds").getFirst().value() > 0);
    }

    @Test
    void requestsAndSignatureChecksAreTimedByClass() {
        Map<String, Double> requests = scrape.named("exchange_http_request_duration_seconds_count").stream()
                .filter(s -> s.value() > 0).collect(Collectors.toMap(
                        s -> s.labels().get("route_class") + " " + s.labels().get("status_class"), s -> s.value(), Double::sum, TreeMap::new));
        assertTrue(requests.keySet().containsAll(Set.of("write 2xx", "write 4xx", "read 2xx", "read 4xx", "static 2xx")),
                requests::toString);
        Map<String, Double> signatures = scrape.named("exchange_signature_verification_duration_seconds_count").stream()
                .collect(Collectors.toMap(s -> s.labels().get("algorithm"), s -> s.value(), Double::sum, TreeMap::new));
        assertEquals(Set.of("ed25519", "sm2"), signatures.keySet());
        assertTrue(signatures.values().stream().allMatch(count -> count > 0), signatures::toString);
    }

    @Test
    void thePublicListenerAnswersMetricsWithTheUsual404() throws Exception {
        HttpResponse<String> metrics = get("http://127.0.0.1:" + node.port() + "/observe/metrics");
        HttpResponse<String> unknown = get("http://127.0.0.1:" + node.port() + "/no-such-path");
        ObjectMapper json = new ObjectMapper();
        JsonNode answer = json.readTree(metrics.body());
        JsonNode usual = json.readTree(unknown.body());
        assertEquals(List.of(404, List.of("code", "message", "requestId"), usual.get("code"), usual.get("message")),
                List.of(metrics.statusCode(), fieldNames(answer), answer.get("code"), answer.get("message")));
        assertEquals(404, unknown.statusCode());
        assertTrue(!metrics.body().contains("exchange_"), metrics.body());
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsNameIsServed() throws Exception {
        Set<String> served = scrape.queryableNames();
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(Path.of("deploy/grafana/exchange-dashboard.json")));
        assertTrue(dashboard.path("schemaVersion").isInt() && dashboard.path("title").isTextual() && dashboard.path("uid").isTextual());
        List<String> expressions = new ArrayList<>();
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "panel ids are unique");
            assertTrue(panel.path("gridPos").has("w") && panel.path("type").isTextual(), panel::toString);
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
        }
        assertTrue(expressions.size() >= 15, "the dashboard has panels over the metrics: " + expressions.size());
        Map<String, Object> prometheus = new Yaml().load(Files.readString(Path.of("deploy/prometheus/prometheus.yml")));
        Map<?, ?> job = (Map<?, ?>) ((List<?>) prometheus.get("scrape_configs")).getFirst();
        assertEquals(List.of(List.of("alerts.yml"), "/observe/metrics", List.of("127.0.0.1:" + GatewayConfig.MANAGEMENT_PORT)),
                List.of(prometheus.get("rule_files"), job.get("metrics_path"),
                        ((Map<?, ?>) ((List<?>) job.get("static_configs")).getFirst()).get("targets")));
        Map<String, Object> rules = new Yaml().load(Files.readString(Path.of("deploy/prometheus/alerts.yml")));
        String runbooks = Files.readString(Path.of("../docs/operations.md"));
        List<String> alerts = new ArrayList<>();
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                Map<?, ?> alert = (Map<?, ?>) rule;
                String name = (String) alert.get("alert");
                alerts.add(name);
                expressions.add((String) alert.get("expr"));
                assertTrue(((Map<?, ?>) alert.get("labels")).containsKey("severity"), name);
                assertTrue(((Map<?, ?>) alert.get("annotations")).keySet().containsAll(Set.of("summary", "summary_zh")),
                        name + " has its summary in English and Chinese");
                assertTrue(((Map<?, ?>) alert.get("annotations")).get("runbook_url").toString()
                        .endsWith("docs/operations.md#" + name.toLowerCase(Locale.ROOT)), name);
                assertTrue(runbooks.contains("\n#### " + name + "\n"), "docs/operations.md has a runbook for " + name);
            }
        }
        assertTrue(alerts.containsAll(List.of("ExchangeNodeDown", "ExchangeMetricsAbsent", "ExchangeEngineHalted",
                "ExchangeAlarmRaised", "ExchangeLagHigh", "ExchangeSnapshotFailing", "ExchangeSnapshotTooOld",
                "ExchangeRejectRateSpike", "ExchangeWriteClientErrors", "ExchangeInternalReject",
                "ExchangeFileDescriptorsNearLimit", "ExchangeQueueAgeing")), alerts::toString);
        Map<String, Set<String>> unknown = new TreeMap<>();
        for (String expression : expressions) {
            Set<String> names = PromQl.metricNames(expression);
            assertTrue(!names.isEmpty(), "names a metric: " + expression);
            names.removeAll(served);
            names.remove("up"); // Prometheus' own series for each scrape
            if (!names.isEmpty()) {
                unknown.put(expression, names);
            }
        }
        assertEquals(Map.of(), unknown, "every metric named is served");
    }

    /** The alerts that fire when there is no node to serve metrics, and the alarm left to its own warning. */
    @Test
    void aDownNodeAlertsAndASnapshotFailureIsOnlyAWarning() throws Exception {
        Map<String, Object> rules = new Yaml().load(Files.readString(Path.of("deploy/prometheus/alerts.yml")));
        Map<String, String> critical = new TreeMap<>();
        Map<String, String> all = new TreeMap<>();
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                Map<?, ?> alert = (Map<?, ?>) rule;
                all.put((String) alert.get("alert"), ((String) alert.get("expr")).replaceAll("\\s+", " "));
                if ("critical".equals(((Map<?, ?>) alert.get("labels")).get("severity"))) {
                    critical.put((String) alert.get("alert"), ((String) alert.get("expr")).replaceAll("\\s+", " "));
                }
            }
        }
        assertEquals(List.of("up{job=\"exchange\"} == 0", "absent(exchange_journal_last_index)",
                        "increase(exchange_command_rejects_total{reason=\"INTERNAL\"}[5m]) > 0",
                        "exchange_alarm_raised{alarm!=\"snapshot_failing\"} == 1"),
                List.of(critical.get("ExchangeNodeDown"), critical.get("ExchangeMetricsAbsent"),
                        critical.get("ExchangeInternalReject"), critical.get("ExchangeAlarmRaised")), critical::toString);
        assertTrue(all.get("ExchangeWriteClientErrors").contains(
                "exchange_http_request_duration_seconds_count{route_class=\"write\",status_class=\"4xx\"}"), all::toString);
        assertTrue(!critical.containsKey("ExchangeSnapshotFailing") && all.containsKey("ExchangeSnapshotFailing"));
        String chinese = Files.readString(Path.of("../docs/operations.zh-CN.md"));
        for (String name : List.of("ExchangeNodeDown", "ExchangeMetricsAbsent", "ExchangeEngineHalted",
                "ExchangeAlarmRaised", "ExchangeRejectRateSpike", "ExchangeWriteClientErrors", "ExchangeInternalReject")) {
            assertTrue(chinese.contains("\n#### " + name + "\n"), "docs/operations.zh-CN.md has a runbook for " + name);
        }
    }

    /**
     * The node's own series carry only these labels: none can name a participant, a key, a fund or a request, so the
     * metrics disclose nothing a participant sent and their cardinality is fixed.
     */
    @Test
    void theApplicationSeriesCarryOnlyFixedLabels() {
        Set<String> labels = new TreeSet<>();
        scrape.samples().stream()
                .filter(s -> s.name().startsWith("exchange_") || "application".equals(s.labels().get("scope")))
                .forEach(s -> labels.addAll(s.labels().keySet()));
        Set<String> allowed = Set.of("alarm", "algorithm", "component", "le", "outcome", "queue", "reason", "route_class",
                "scope", "status_class", "type");
        Set<String> beyond = new TreeSet<>(labels);
        beyond.removeAll(allowed);
        assertEquals(Set.of(), beyond, scrapeText);
        assertTrue(labels.containsAll(Set.of("alarm", "component", "outcome", "reason", "route_class", "type")), labels::toString);
    }

    /** {@code rate} and {@code increase} apply to counters and histogram series only, quantiles to buckets only. */
    @Test
    void everyRateIsOverACounterAndEveryQuantileOverBuckets() throws Exception {
        List<String> expressions = new ArrayList<>();
        new ObjectMapper().readTree(Files.readString(Path.of("deploy/grafana/exchange-dashboard.json"))).path("panels")
                .forEach(panel -> panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText())));
        Map<String, Object> rules = new Yaml().load(Files.readString(Path.of("deploy/prometheus/alerts.yml")));
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                expressions.add((String) ((Map<?, ?>) rule).get("expr"));
            }
        }
        Map<String, Set<String>> misapplied = new TreeMap<>();
        int rates = 0;
        for (String expression : expressions) {
            Set<String> wrong = new TreeSet<>();
            for (String function : List.of("rate", "irate", "increase")) {
                for (String name : PromQl.namesUnder(function, expression)) {
                    rates++;
                    if (!isCounter(name) && !isHistogramSeries(name, "_bucket", "_sum", "_count")) {
                        wrong.add(function + "(" + name + ")");
                    }
                }
            }
            for (String name : PromQl.namesUnder("histogram_quantile", expression)) {
                if (!isHistogramSeries(name, "_bucket")) {
                    wrong.add("histogram_quantile(" + name + ")");
                }
            }
            if (!wrong.isEmpty()) {
                misapplied.put(expression, wrong);
            }
        }
        assertEquals(Map.of(), misapplied);
        assertTrue(rates >= 5, "the rules and the dashboard take rates: " + rates);
        assertEquals(List.of(true, false, false, true), List.of(isCounter("exchange_commands_total"),
                isCounter("exchange_queue_size"), isHistogramSeries("exchange_http_request_duration_seconds_count", "_bucket"),
                isHistogramSeries("exchange_http_request_duration_seconds_bucket", "_bucket")));
    }

    private static boolean isCounter(String name) {
        return "counter".equals(scrape.types().get(name))
                || name.endsWith("_total") && "counter".equals(scrape.types().get(name.substring(0, name.length() - 6)));
    }

    private static boolean isHistogramSeries(String name, String... suffixes) {
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)
                    && "histogram".equals(scrape.types().get(name.substring(0, name.length() - suffix.length())))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sampler's cache follows the node's clock and the journal, never the machine's timing: a second sample with
     * nothing journaled and the clock unmoved is the first; one a second later of the node's clock is fresh.
     */
    @Test
    void aSampleIsReusedWithinASecondOfTheNodesClockAndRetakenAfter() throws Exception {
        ManualClock clock = new ManualClock(System.currentTimeMillis());
        QueueDepths engines = node.engine().query(Engine::queues).get(30, TimeUnit.SECONDS);
        try (NodeSampler sampler = new NodeSampler(node, clock)) {
            NodeSample first = sampler.sample();
            clock.advance(NodeSampler.FRESH_MILLIS - 1);
            NodeSample within = sampler.sample();
            clock.advance(1);
            NodeSample after = sampler.sample();
            assertEquals(List.of(true, false, engines, engines), List.of(within == first, after == first,
                    first.queues(), after.queues()));
        }
    }

    /** What the demo added to each series of a counter that passes {@code filter}, by {@code key}; nonzero only. */
    private static Map<String, Long> added(String counter, java.util.function.Function<PrometheusText.Sample, String> key,
                                           java.util.function.Predicate<PrometheusText.Sample> filter) {
        Map<String, Long> then = before.named(counter).stream()
                .collect(Collectors.toMap(key, s -> (long) s.value(), Long::sum));
        Map<String, Long> added = new TreeMap<>();
        scrape.named(counter).stream().filter(filter).forEach(s -> {
            long delta = (long) s.value() - then.getOrDefault(key.apply(s), 0L);
            if (delta != 0) {
                added.merge(key.apply(s), delta, Long::sum);
            }
        });
        return added;
    }

    private static Map<String, Double> byLabel(String family, String label) {
        return scrape.named(family).stream().collect(Collectors.toMap(s -> s.labels().get(label), s -> s.value()));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
