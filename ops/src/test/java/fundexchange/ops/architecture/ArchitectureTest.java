package fundexchange.ops.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The module and package rules of docs/architecture.md ("Modules and purity"), checked on the production classes of
 * every module (this module's test class path sees them all): no package cycle, a JDK-only protocol, a pure engine
 * core, modules that depend only downwards, and gateway, registry and audit off the core's internals but for the
 * listed classes. A rule that fails names the offending classes; fix the code, or (for a deliberate exception) add it
 * to the allow-list here with its reason and to docs/architecture.md.
 */
@AnalyzeClasses(packages = "fundexchange", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /**
     * Dependencies that close today's package cycles inside the gateway and ops modules, one line of reason each: the
     * only ones the cycle rule ignores (with jOOQ's generated schema). Shrink this list; never grow it without a reason.
     */
    private static final List<CycleException> CYCLE_EXCEPTIONS = List.of(
            new CycleException("fundexchange.gateway.auth..", "fundexchange.gateway.http.ApiError",
                    "the gateway's one error vocabulary lives in http; the request filters answer with it"),
            new CycleException("fundexchange.gateway.auth..", "fundexchange.gateway.http.ApiException",
                    "the gateway's one error vocabulary lives in http; the request filters answer with it"),
            new CycleException("fundexchange.gateway.portal..", "fundexchange.gateway.http.ApiError",
                    "the portal's handler refuses with the API's error codes"),
            new CycleException("fundexchange.gateway.portal..", "fundexchange.gateway.http.ApiException",
                    "the portal's handler refuses with the API's error codes"),
            new CycleException("fundexchange.gateway.apidocs..", "fundexchange.gateway.http.ApiError",
                    "the API docs' handler refuses with the API's error codes"),
            new CycleException("fundexchange.gateway.apidocs..", "fundexchange.gateway.http.ApiException",
                    "the API docs' handler refuses with the API's error codes"),
            new CycleException("fundexchange.gateway.listener..", "fundexchange.gateway.http.ApiError",
                    "a refused connection is answered in the API's error format"),
            new CycleException("fundexchange.gateway.listener..", "fundexchange.gateway.http.HelidonErrors",
                    "a refused connection is answered in the API's error format"),
            new CycleException("fundexchange.gateway.http..", "fundexchange.gateway.GatewayConfig",
                    "the gateway's configuration record sits in the package that wires http, auth and the listener"),
            new CycleException("fundexchange.gateway.http..", "fundexchange.gateway.GatewayServices",
                    "the health of the node's parts, kept beside the gateway's wiring"),
            new CycleException("fundexchange.gateway.http..", "fundexchange.gateway.ReadLimits",
                    "the read limits' configuration record, beside the gateway's configuration"),
            new CycleException("fundexchange.gateway.auth..", "fundexchange.gateway.ReadLimits",
                    "the read limits' configuration record, beside the gateway's configuration"),
            new CycleException("fundexchange.ops.ExchangeCommand", "fundexchange.ops..",
                    "the CLI's command tree names every subcommand (picocli); the commands use the root's node and logging"));

    /** The engine core's classes each outer module may use, with the reason; everything else of the core is internal. */
    private static final Map<String, Map<String, String>> CORE_CLASSES_ALLOWED = Map.of(
            "fundexchange.gateway..", Map.of(
                    "fundexchange.engine.Engine", "read-only queries (index, state hash) through EngineRunner.query",
                    "fundexchange.engine.SipHash", "the keyed hash of the read-nonce memory, shared with the request memory",
                    "fundexchange.engine.FeeParametersOfVersion",
                    "GET /parameters lists a mechanism's fees only under a rules version whose rules hold it"),
            "fundexchange.registry..", Map.of(
                    "fundexchange.engine.Engine", "reconciliation replays the engine to the projector's watermark",
                    "fundexchange.engine.EngineSnapshot",
                    "reconciliation reads the replayed engine's positions from its snapshot",
                    "fundexchange.engine.JournaledRequests", "the replay confirms repeats against the journals",
                    "fundexchange.engine.RequestMemoryKey", "the replay's request-memory key",
                    "fundexchange.engine.position.Position", "reconciliation compares holdings with replayed positions"),
            "fundexchange.audit..", Map.of());

    @ArchTest
    static void theRulesSeeEveryModulesClasses(JavaClasses classes) {
        for (String module : List.of("fundexchange.protocol", "fundexchange.engine", "fundexchange.journal",
                "fundexchange.sequencer", "fundexchange.runner", "fundexchange.agent", "fundexchange.build", "fundexchange.client",
                "fundexchange.signing", "fundexchange.audit", "fundexchange.registry", "fundexchange.documents",
                "fundexchange.gateway", "fundexchange.ops")) {
            assertTrue(classes.containPackage(module), "no class of " + module + " was imported");
        }
    }

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = cycleRule();

    @ArchTest
    static final ArchRule theProtocolUsesTheJdkOnly = noClasses().that().resideInAPackage("fundexchange.protocol..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "fundexchange.protocol..")
            .because("the protocol module depends on the JDK only (docs/architecture.md, Modules and purity)");

    @ArchTest
    static final ArchRule theCoreUsesTheProtocolAndTheJdkOnly = noClasses().that().resideInAPackage("fundexchange.engine..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "fundexchange.protocol..", "fundexchange.engine..")
            .because("the engine core has no Jackson, Chronicle, journal, runner, sequencer, gateway, registry, audit or ops");

    @ArchTest
    static final ArchRule theCoreReadsNoClockAndDrawsNoRandomness = noClasses().that().resideInAPackage("fundexchange.engine..")
            .should().dependOnClassesThat(assignableTo(Clock.class).or(assignableTo(InstantSource.class))
                    .or(assignableTo(Random.class)).or(assignableTo(SecureRandom.class)))
            .orShould().callMethodWhere(describe("a read of the clock (System.currentTimeMillis/nanoTime, java.time now())",
                    call -> call.getTargetOwner().getName().equals(System.class.getName())
                            && Set.of("currentTimeMillis", "nanoTime").contains(call.getName())
                            || call.getTargetOwner().getPackageName().equals("java.time") && call.getName().equals("now")))
            .orShould().callMethod(Math.class, "random")
            .because("time and ids come from the journal (CONTRACTS.md 2, 11): the engine is deterministic");

    @ArchTest
    static final ArchRule modulesDependOnlyDownwards = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Protocol").definedBy("fundexchange.protocol..")
            .layer("Core").definedBy("fundexchange.engine..")
            .layer("Node").definedBy("fundexchange.journal..", "fundexchange.sequencer..", "fundexchange.runner..",
                    "fundexchange.agent..", "fundexchange.build..")
            .layer("Client").definedBy("fundexchange.client..", "fundexchange.signing..")
            .layer("Audit").definedBy("fundexchange.audit..")
            .layer("Registry").definedBy("fundexchange.registry..")
            .layer("Documents").definedBy("fundexchange.documents..")
            .layer("Gateway").definedBy("fundexchange.gateway..")
            .layer("Ops").definedBy("fundexchange.ops..")
            .whereLayer("Ops").mayNotBeAccessedByAnyLayer()
            .whereLayer("Gateway").mayOnlyBeAccessedByLayers("Ops")
            .whereLayer("Registry").mayOnlyBeAccessedByLayers("Gateway", "Ops")
            .whereLayer("Documents").mayOnlyBeAccessedByLayers("Gateway", "Ops")
            .whereLayer("Audit").mayOnlyBeAccessedByLayers("Gateway", "Ops")
            .whereLayer("Client").mayOnlyBeAccessedByLayers("Audit", "Gateway", "Ops")
            .whereLayer("Node").mayOnlyBeAccessedByLayers("Audit", "Registry", "Gateway", "Ops")
            .whereLayer("Core").mayOnlyBeAccessedByLayers("Node", "Registry", "Gateway", "Ops");

    @ArchTest
    static final ArchRule theDocumentsModuleUsesTheJdkPdfBoxAndTheQrEncoderOnly = noClasses().that().resideInAPackage("fundexchange.documents..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "fundexchange.documents..",
                    "org.apache.pdfbox..", "org.apache.fontbox..", "com.google.zxing..")
            .because("PDF admission, the document store, watermarks and certificates know nothing of the exchange's other modules");

    @ArchTest
    static final ArchRule theClientNeedsAtMostTheProtocol = noClasses()
            .that().resideInAnyPackage("fundexchange.client..", "fundexchange.signing..")
            .should().dependOnClassesThat(resideInAPackage("fundexchange..").and(not(resideInAnyPackage(
                    "fundexchange.client..", "fundexchange.signing..", "fundexchange.protocol.."))))
            .because("the client library is usable without the exchange's own modules");

    @ArchTest
    static final ArchRule gatewayRegistryAndAuditStayOffTheCoresInternals = coreInternalsRule();

    private static ArchRule cycleRule() {
        SliceRule rule = slices().matching("fundexchange.(**)").should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage("fundexchange.registry.schema.."),
                        resideInAPackage("fundexchange.registry.schema.."));
        for (CycleException exception : CYCLE_EXCEPTIONS) {
            rule = rule.ignoreDependency(classes(exception.origin()), classes(exception.target()));
        }
        return rule.because("packages by feature depend one way (generated jOOQ code and the listed gateway and CLI"
                + " dependencies excepted)");
    }

    /** The classes of a package pattern ({@code a.b..}) or one class (with its nested classes). */
    private static DescribedPredicate<JavaClass> classes(String pattern) {
        return pattern.endsWith("..") ? resideInAPackage(pattern)
                : describe(pattern, (JavaClass c) -> c.getName().replaceFirst("\\$.*", "").equals(pattern));
    }

    private static ArchRule coreInternalsRule() {
        List<ArchRule> rules = CORE_CLASSES_ALLOWED.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(module -> {
            Set<String> allowed = new TreeSet<>(module.getValue().keySet());
            DescribedPredicate<JavaClass> internal = describe("are in the engine core but not " + allowed,
                    (JavaClass target) -> target.getPackageName().startsWith("fundexchange.engine")
                            && !allowed.contains(target.getName().replaceFirst("\\$.*", "")));
            return (ArchRule) noClasses().that().resideInAPackage(module.getKey()).should().dependOnClassesThat(internal);
        }).toList();
        return CompositeArchRule.of(rules);
    }

    /** A dependency the cycle rule ignores: from {@code origin} to {@code target} (a package pattern or a class), and why. */
    private record CycleException(String origin, String target, String reason) {
    }
}
