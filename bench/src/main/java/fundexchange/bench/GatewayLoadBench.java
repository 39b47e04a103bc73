package fundexchange.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.client.SignedHeaders;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.gateway.listener.ConnectionLimits;
import fundexchange.ops.ExchangeNode;
import fundexchange.ops.GenesisWriter;
import fundexchange.ops.NegotiatedTransferScript;
import fundexchange.ops.Participant;
import fundexchange.signing.CanonicalRequest;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.TestCalendars;
import fundexchange.signing.Signatures;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run gateway-load}: an open-loop load generator over keep-alive HTTP/1.1 connections against a real
 * in-process {@link ExchangeNode} (embedded PostgreSQL, fresh genesis). Onboards staff, holders and qualified
 * investors through the signed API (maker-checker), then drives a fixed write mix (negotiated transfers end to end,
 * NAV updates, participant registrations) whose later steps use the ids the earlier steps' outcomes carried.
 * Latency runs from each request's scheduled send time to its complete response (no coordinated omission).
 */
@Command(name = "gateway-load", mixinStandardHelpOptions = true,
        description = "Signed write load on the HTTP gateway: max throughput, p99 at a fixed rate, and unsigned (loopback-only) throughput.")
public final class GatewayLoadBench implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAV_DATE = "2026-09-30";
    private static final byte[] DUMMY_SIGNATURE = new byte[64];

    @Option(names = "--staff", defaultValue = "10", description = "staff members, 3 of them genesis (default: ${DEFAULT-VALUE})")
    int staffCount;
    @Option(names = "--holders", defaultValue = "24", description = "holders with deposits (default: ${DEFAULT-VALUE})")
    int holderCount;
    @Option(names = "--investors", defaultValue = "100", description = "qualified investors (default: ${DEFAULT-VALUE})")
    int investorCount;
    @Option(names = "--funds", defaultValue = "4", description = "funds, every holder holding each (default: ${DEFAULT-VALUE})")
    int fundCount;
    @Option(names = "--sm2-every", defaultValue = "10", description = "every n-th onboarded participant signs with SM2 (default: ${DEFAULT-VALUE})")
    int sm2Every;
    @Option(names = "--warmup", defaultValue = "64:15", description = "warm-up, closed loop, in-flight:seconds (default: ${DEFAULT-VALUE})")
    String warmup;
    @Option(names = "--low", defaultValue = "1000:20", description = "informational latency phase, open loop, rate:seconds (default: ${DEFAULT-VALUE})")
    String lowRate;
    @Option(names = "--fixed", defaultValue = "2000:30", description = "latency phase, open loop, rate:seconds (default: ${DEFAULT-VALUE})")
    String fixed;
    @Option(names = "--max", defaultValue = "64:20", description = "max throughput phase, closed loop, in-flight:seconds (default: ${DEFAULT-VALUE})")
    String max;
    @Option(names = "--unsigned", defaultValue = "64:20", description = "unsigned phase, closed loop, in-flight:seconds, after 5 s untimed (default: ${DEFAULT-VALUE})")
    String unsigned;
    @Option(names = "--open-loop-in-flight", defaultValue = "512", description = "bound on open-loop requests in flight (default: ${DEFAULT-VALUE})")
    int openLoopInFlight;
    @Option(names = "--signer-threads", defaultValue = "2", description = "generator threads that build and sign requests (default: ${DEFAULT-VALUE})")
    int signerThreads;

    private final PrintStream out = System.out;
    private final Clock clock = Clock.systemUTC();

    /** A signer on the generator side. */
    private record Actor(String id, String keyId, SignatureAlgorithm algorithm, PrivateKey key) {
        boolean sm2() {
            return algorithm == SignatureAlgorithm.SM2_SM3;
        }
    }

    private enum Kind { ListNegotiated, ApproveListing, AcceptListing, ConfirmSettlement, UpdateNav, RegisterParticipant }

    private record Listing(long listingId, Actor buyer) {
    }

    private record Planned(Kind kind, Actor actor, String path, byte[] body, Listing listing) {
    }

    /** Per-phase counters: latency (µs) of every answer, Ed25519 and SM2 apart, outcomes and the mix sent. */
    private static final class Stats {
        final Histogram all = new ConcurrentHistogram(60_000_000L, 3);
        final Histogram ed25519 = new ConcurrentHistogram(60_000_000L, 3);
        final Histogram sm2 = new ConcurrentHistogram(60_000_000L, 3);
        final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        final Map<Kind, LongAdder> sent = new EnumMap<>(Kind.class);
        final LongAdder accepted = new LongAdder();
        final LongAdder acceptedSm2 = new LongAdder();
        long startNanos;
        long endNanos;
        long unsent;

        Stats() {
            for (Kind kind : Kind.values()) {
                sent.put(kind, new LongAdder());
            }
        }

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    // Workload state: flows of negotiated transfers whose next step is ready.
    private final ConcurrentLinkedQueue<Listing> toApprove = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Listing> toAccept = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> toSettle = new ConcurrentLinkedQueue<>();
    private final List<Actor> staff = new ArrayList<>();
    private final List<Actor> holders = new ArrayList<>();
    private final List<Actor> investors = new ArrayList<>();
    private final List<String> funds = new ArrayList<>();
    private long slot;
    private long chainStep;
    private long lists;
    private long staffTurn;
    private long registered;
    private long navs;
    private long requestSeq;
    /** The platform id of the bench's genesis, which every request is signed for. */
    private String platformId;

    @Override
    public Integer call() throws Exception {
        out.printf("machine: %d cores, JDK %s (%s), %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"));
        out.println("load average at start (other processes compete for the same cores): " + loadAverage());
        out.println("engine idle strategy (EngineRunner): busy-spin with Thread.onSpinWait() for 100 empty polls, then"
                + " Thread.yield() for 100, then LockSupport.parkNanos(200 us) until the next command");
        out.println("mix (fixed, per 20 scheduled slots): 18 negotiated-transfer steps taken in turn ListNegotiated (holder,"
                + " 100.00 units) -> ApproveListing (staff) -> AcceptListing (the named investor) -> ConfirmSettlement (staff),"
                + " 1 UpdateNav (staff), 1 RegisterParticipant (staff); a step whose predecessor has not answered yet is sent"
                + " as a new ListNegotiated instead (the 'sent' line counts what was actually sent)");
        out.printf("generator: 1 dispatcher thread, %d signer threads (build + sign: client-side cost), 2 HttpClient threads;"
                + " java.net.http.HttpClient HTTP/1.1 keep-alive; all in this JVM, sharing the cores with the exchange%n", signerThreads);
        Path data = Files.createTempDirectory("gateway-load-bench");
        ExecutorService signers = Executors.newFixedThreadPool(signerThreads, daemon("load-signer"));
        ExecutorService httpThreads = Executors.newFixedThreadPool(2, daemon("load-http"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpThreads)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            KeyPair staff1Keys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
            KeyPair staff2Keys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
            KeyPair staff3Keys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
            platformId = GenesisWriter.write(data, List.of(
                    new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1Keys.getPublic()),
                    new GenesisWriter.Founder("Staff-02", Role.STAFF, staff2Keys.getPublic()),
                    new GenesisWriter.Founder("Staff-03", Role.STAFF, staff3Keys.getPublic()),
                    new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic())), clock,
                    SignatureAlgorithm.ED25519, TestCalendars.unpublishedYearsFrom(clock.instant()));
            GatewayConfig signedConfig = loopbackLoad();
            long started = System.nanoTime();
            try (ExchangeNode node = ExchangeNode.start(data, Optional.empty(), signedConfig, clock)) {
                out.printf("setup: exchange node (embedded PostgreSQL, fresh genesis) started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
                URI base = URI.create("http://127.0.0.1:" + node.port());
                setup(base, staff1Keys, staff2Keys, staff3Keys);
                int[] w = pair(warmup);
                int[] f = pair(fixed);
                int[] m = pair(max);
                report("warm-up (signed, closed loop, " + w[0] + " in flight, " + w[1] + " s)", phase(http, signers, base, 0, w[1], w[0], true));
                int[] l = pair(lowRate);
                Stats lowStats = phase(http, signers, base, l[0], l[1], openLoopInFlight, true);
                report("latency (signed, open loop " + l[0] + " req/s, " + l[1] + " s)", lowStats);
                out.printf("info: signed p99 at %d req/s: %.1f ms%n", l[0], lowStats.all.getValueAtPercentile(99) / 1000.0);
                Stats fixedStats = phase(http, signers, base, f[0], f[1], openLoopInFlight, true);
                report("latency (signed, open loop " + f[0] + " req/s, " + f[1] + " s)", fixedStats);
                Stats maxStats = phase(http, signers, base, 0, m[1], m[0], true);
                report("max (signed, closed loop, " + m[0] + " in flight, " + m[1] + " s)", maxStats);
                settle("signed phases", node);
                out.println("load average after the signed phases: " + loadAverage());
                out.printf("RESULT gateway.signed.throughput %d req/s%n", Math.round(maxStats.accepted.sum() / maxStats.seconds()));
                out.printf("RESULT gateway.signed.p99.2k %.1f ms%n", fixedStats.all.getValueAtPercentile(99) / 1000.0);
            }
            int[] u = pair(unsigned);
            started = System.nanoTime();
            GatewayConfig unsignedConfig = loopbackLoad().withUnsignedBench();
            try (ExchangeNode node = ExchangeNode.start(data, Optional.empty(), unsignedConfig, clock)) {
                out.printf("unsigned: the same data directory restarted with GatewayConfig.unsignedBench on 127.0.0.1 in %d ms;"
                        + " requests carry every signature header with a dummy (zero) signature, not signed, not verified%n",
                        (System.nanoTime() - started) / 1_000_000);
                URI base = URI.create("http://127.0.0.1:" + node.port());
                report("unsigned warm-up (closed loop, " + u[0] + " in flight, 5 s)", phase(http, signers, base, 0, 5, u[0], false));
                Stats unsignedStats = phase(http, signers, base, 0, u[1], u[0], false);
                report("unsigned (closed loop, " + u[0] + " in flight, " + u[1] + " s)", unsignedStats);
                settle("unsigned phase", node);
                out.println("load average after the unsigned phase: " + loadAverage());
                out.printf("RESULT gateway.unsigned.throughput %d req/s%n",
                        Math.round(unsignedStats.accepted.sum() / unsignedStats.seconds()));
            }
        } finally {
            signers.shutdownNow();
            http.close();
            httpThreads.shutdownNow();
            fundexchange.ops.Directories.deleteRecursively(data);
        }
        return 0;
    }

    private void settle(String what, ExchangeNode node) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (node.viewIndex() < node.journalIndex() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        out.printf("journal: %s ended at index %,d (view at %,d); engine %s%n", what, node.journalIndex(), node.viewIndex(),
                node.engine().failure().map(e -> "FAILED: " + e).orElse("running"));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int[] pair(String value) {
        String[] parts = value.split(":");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    /** Staff, holders and investors onboarded through the signed API; funds registered and deposited. */
    private void setup(URI base, KeyPair staff1Keys, KeyPair staff2Keys, KeyPair staff3Keys) throws Exception {
        long started = System.nanoTime();
        Participant staff1 = new Participant(base, "Staff-01", "Staff-01-k1", staff1Keys, clock, "setup");
        Participant staff2 = new Participant(base, "Staff-02", "Staff-02-k1", staff2Keys, clock, "setup");
        staff.add(actor("Staff-01", staff1Keys));
        staff.add(actor("Staff-02", staff2Keys));
        staff.add(actor("Staff-03", staff3Keys));
        NegotiatedTransferScript script = new NegotiatedTransferScript(staff1, staff2, clock);
        record Onboard(String id, String role, List<Actor> into) {
        }
        List<Onboard> plan = new ArrayList<>();
        for (int i = 4; i <= staffCount; i++) {
            plan.add(new Onboard("Staff-%02d".formatted(i), "STAFF", staff));
        }
        for (int i = 0; i < holderCount; i++) {
            plan.add(new Onboard("Holder-%03d".formatted(i), "HOLDER", holders));
        }
        for (int i = 0; i < investorCount; i++) {
            plan.add(new Onboard("Investor-%03d".formatted(i), "INVESTOR", investors));
        }
        List<KeyPair> keys = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            keys.add(KeyMaterial.generate(i % sm2Every == sm2Every - 1 ? SignatureAlgorithm.SM2_SM3 : SignatureAlgorithm.ED25519));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8, daemon("onboard"));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                Onboard o = plan.get(i);
                KeyPair k = keys.get(i);
                done.add(pool.submit(() -> script.onboard(o.id(), o.id(), o.role(), k)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < plan.size(); i++) {
            plan.get(i).into().add(actor(plan.get(i).id(), keys.get(i)));
        }
        for (int f = 0; f < fundCount; f++) {
            String code = "LOAD-F%02d".formatted(f);
            funds.add(code);
            staff1.post("/funds", """
                    {"fundCode":"%s","shortName":"Load Fund %d","manager":"Load Capital","strategy":"GROWTH","vintage":2020,
                     "currency":"CNY","legalForm":"CONTRACTUAL","custodyMode":"FULL","holderCap":1000,"nav":"1.5000",
                     "navDate":"%s","minTransferUnits":"100.00","rightOfFirstRefusal":false}""".formatted(code, f, NAV_DATE)).ok();
            for (Actor holder : holders) {
                staff1.post("/deposits", """
                        {"fundCode":"%s","holder":"%s","units":"1000000.00","cost":"1000000.00"}""".formatted(code, holder.id())).ok();
            }
        }
        List<Actor> everyone = new ArrayList<>(staff);
        everyone.addAll(holders);
        everyone.addAll(investors);
        long sm2 = everyone.stream().filter(Actor::sm2).count();
        out.printf("setup: %d participants signing writes (%d staff, %d holders, %d qualified investors) + Regulator-01;"
                        + " %d Ed25519, %d SM2-SM3; %d funds, each held by every holder (1,000,000.00 units); %d ms%n",
                everyone.size(), staff.size(), holders.size(), investors.size(), everyone.size() - sm2, sm2, funds.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static Actor actor(String id, KeyPair keys) {
        return new Actor(id, id + "-k1", KeyMaterial.algorithmOf(keys.getPublic()), keys.getPrivate());
    }

    /** The next request of the fixed mix; runs on the dispatcher thread only. */
    private Planned plan() {
        long s = slot++;
        Kind kind;
        if (s % 20 == 9) {
            kind = Kind.UpdateNav;
        } else if (s % 20 == 19) {
            kind = Kind.RegisterParticipant;
        } else {
            kind = Kind.values()[(int) (chainStep++ % 4)];
        }
        Actor clerk = staff.get((int) (staffTurn++ % staff.size()));
        switch (kind) {
            case ApproveListing -> {
                Listing listing = toApprove.poll();
                if (listing != null) {
                    return new Planned(kind, clerk, "/listings/" + listing.listingId() + "/approve", bytes("{}"), listing);
                }
            }
            case AcceptListing -> {
                Listing listing = toAccept.poll();
                if (listing != null) {
                    return new Planned(kind, listing.buyer(), "/listings/" + listing.listingId() + "/accept", bytes("{}"), listing);
                }
            }
            case ConfirmSettlement -> {
                Long trade = toSettle.poll();
                if (trade != null) {
                    return new Planned(kind, clerk, "/trades/" + trade + "/settle", bytes("{}"), null);
                }
            }
            case UpdateNav -> {
                long n = navs++;
                String fund = funds.get((int) (n % funds.size()));
                String nav = "1." + (1000 + n % 9000);
                return new Planned(kind, clerk, "/funds/" + fund + "/nav",
                        bytes("{\"nav\":\"" + nav + "\",\"navDate\":\"" + NAV_DATE + "\"}"), null);
            }
            case RegisterParticipant -> {
                String id = "Load-R%07d".formatted(registered++);
                return new Planned(kind, clerk, "/participants", bytes("""
                        {"participantId":"%s","name":"%s","participantType":"INSTITUTION","roles":["INVESTOR"]}""".formatted(id, id)), null);
            }
            case ListNegotiated -> {
            }
        }
        long n = lists++;
        Actor holder = holders.get((int) (n % holders.size()));
        String fund = funds.get((int) ((n / holders.size()) % funds.size()));
        Actor buyer = investors.get((int) ((n * 7) % investors.size()));
        return new Planned(Kind.ListNegotiated, holder, "/listings", bytes("""
                {"fundCode":"%s","buyer":"%s","units":"100.00","price":"1.%04d"}""".formatted(fund, buyer.id(), n % 10_000)),
                new Listing(0, buyer));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The gateway for a load generator on the loopback: every connection comes from 127.0.0.1, so no per-address cap. */
    private static GatewayConfig loopbackLoad() {
        ConnectionLimits limits = ConnectionLimits.DEFAULTS;
        return GatewayConfig.DEFAULTS.withPort(0).withBindAddress("127.0.0.1").withConnections(limits.withSlowClientLimits(
                limits.maxConnections(), limits.requestReadTimeout(), limits.writeTimeout()));
    }

    /**
     * One phase. {@code rate > 0}: open loop, request i scheduled at t0 + i/rate, at most {@code inFlight} outstanding
     * (a request waiting for a permit is late, and its lateness is in its latency). {@code rate == 0}: closed loop,
     * {@code inFlight} outstanding at all times, latency from dispatch.
     */
    private Stats phase(HttpClient http, ExecutorService signers, URI base, int rate, int seconds, int inFlight,
                        boolean signed) throws InterruptedException {
        Stats stats = new Stats();
        Semaphore permits = new Semaphore(inFlight);
        long t0 = System.nanoTime() + 1_000_000;
        long end = t0 + seconds * 1_000_000_000L;
        stats.startNanos = t0;
        for (long i = 0; ; i++) {
            long scheduled;
            if (rate > 0) {
                scheduled = t0 + i * 1_000_000_000L / rate;
                if (scheduled >= end) {
                    break;
                }
                for (long wait = scheduled - System.nanoTime(); wait > 0; wait = scheduled - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                if (!permits.tryAcquire(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    stats.unsent = (long) rate * seconds - i;
                    break;
                }
            } else {
                permits.acquire();
                scheduled = System.nanoTime();
                if (scheduled >= end) {
                    permits.release();
                    break;
                }
            }
            Planned planned = plan();
            stats.sent.get(planned.kind()).increment();
            String requestId = "load-" + (requestSeq++);
            long at = scheduled;
            signers.execute(() -> send(http, base, planned, requestId, at, signed, stats, permits));
        }
        permits.acquire(inFlight);
        stats.endNanos = System.nanoTime();
        permits.release(inFlight);
        return stats;
    }

    private void send(HttpClient http, URI base, Planned planned, String requestId, long scheduled, boolean signed,
                      Stats stats, Semaphore permits) {
        try {
            Actor actor = planned.actor();
            CanonicalRequest canonical = CanonicalRequest.of(platformId, "POST", planned.path(), null, actor.id(), actor.keyId(),
                    actor.algorithm(), clock.millis(), requestId, planned.body());
            byte[] signature = signed ? Signatures.sign(actor.algorithm(), actor.key(), canonical.bytes()) : DUMMY_SIGNATURE;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + planned.path()))
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(planned.body()))
                    .header("Content-Type", SignedHeaders.JSON);
            SignedHeaders.of(canonical, signature).forEach(request::header);
            http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
                try {
                    long latencyMicros = Math.max(0, (System.nanoTime() - scheduled) / 1_000);
                    stats.all.recordValue(Math.min(latencyMicros, 60_000_000L));
                    (actor.sm2() ? stats.sm2 : stats.ed25519).recordValue(Math.min(latencyMicros, 60_000_000L));
                    String outcome = failure != null ? "error " + failure.getClass().getSimpleName()
                            : outcome(planned, response.statusCode(), response.body(), stats);
                    stats.outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                } finally {
                    permits.release();
                }
            });
        } catch (RuntimeException e) {
            stats.outcomes.computeIfAbsent("generator " + e.getClass().getSimpleName(), k -> new LongAdder()).increment();
            permits.release();
        }
    }

    /** Classifies an answer and feeds the next step of its transfer. */
    private String outcome(Planned planned, int status, byte[] body, Stats stats) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return status + " (not JSON)";
        }
        if (status == 200) {
            String result = json.path("outcome").path("status").asText("?");
            if (result.equals("ACCEPTED")) {
                stats.accepted.increment();
                if (planned.actor().sm2()) {
                    stats.acceptedSm2.increment();
                }
                switch (planned.kind()) {
                    case ListNegotiated -> toApprove.add(new Listing(json.path("sourceIndex").asLong(), planned.listing().buyer()));
                    case ApproveListing -> toAccept.add(planned.listing());
                    case AcceptListing -> {
                        for (JsonNode event : json.path("events")) {
                            if ("TradeExecuted".equals(event.path("type").asText())) {
                                toSettle.add(event.path("tradeId").asLong());
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
            return "200 " + result;
        }
        if (status == 202) {
            return "202 PENDING";
        }
        return status + " code " + json.path("code").asText("?") + " (" + planned.kind() + ")";
    }

    private void report(String name, Stats stats) {
        long answered = stats.all.getTotalCount();
        out.printf("%s: %,d answered in %.1f s = %.0f req/s; accepted %,d = %.0f req/s (SM2-signed: %,d answered, %,d accepted)%n",
                name, answered, stats.seconds(), answered / stats.seconds(), stats.accepted.sum(),
                stats.accepted.sum() / stats.seconds(), stats.sm2.getTotalCount(), stats.acceptedSm2.sum());
        if (stats.unsent > 0) {
            out.printf("  NOT SENT: %,d scheduled requests were still waiting for one of the in-flight slots when the phase"
                    + " ended (the exchange did not keep up with the rate); their latency would exceed every recorded one,"
                    + " so the percentiles below are lower bounds%n", stats.unsent);
        }
        StringBuilder sent = new StringBuilder();
        stats.sent.forEach((kind, n) -> sent.append(' ').append(kind).append(' ').append(n.sum()));
        out.println("  sent:" + sent);
        Map<String, Long> outcomes = new TreeMap<>();
        stats.outcomes.forEach((k, v) -> outcomes.put(k, v.sum()));
        long widest = outcomes.values().stream().mapToLong(Long::longValue).max().orElse(1);
        outcomes.forEach((k, v) -> out.printf("  outcome %-48s %,9d %s%n", k, v, "#".repeat((int) Math.max(1, 40 * v / widest))));
        latencies("  latency all    ", stats.all);
        latencies("  latency Ed25519", stats.ed25519);
        latencies("  latency SM2    ", stats.sm2);
    }

    private void latencies(String name, Histogram h) {
        if (h.getTotalCount() == 0) {
            out.println(name + ": none");
            return;
        }
        out.printf("%s (ms from scheduled send): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (n=%,d)%n", name,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0, h.getTotalCount());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

}
