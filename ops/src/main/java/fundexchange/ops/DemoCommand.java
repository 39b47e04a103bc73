package fundexchange.ops;

import fundexchange.protocol.reference.Role;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code exchange demo}: a fresh exchange on the embedded database, a realistic synthetic market seeded through the
 * signed API ({@link DemoMarket}), and a summary read back from the registry and checked against a replay
 * ({@link DemoSummary}).
 */
@Command(name = "demo", description = "Starts a demo exchange, seeds a realistic market through the signed API, prints a summary.")
final class DemoCommand implements Runnable {
    @Option(names = "--data-dir", defaultValue = "demo-data", description = "replaced on every run (default: ${DEFAULT-VALUE})")
    Path dataDirectory;
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;
    @Option(names = "--exit", description = "exit after the summary instead of serving")
    boolean exit;
    @Mixin
    ListenerOptions listener;
    @Mixin
    ReadOptions reads;

    @Override
    public void run() {
        DemoDirectory.replace(dataDirectory);
        // The journal starts behind the wall clock, moves forward after the state-owned auction (DemoStateOwned) and
        // catches up in the money scene (DemoMoney), past the one deadline the demo means to miss.
        java.time.Duration behind = DemoMoney.behind(Clock.systemUTC().instant());
        java.time.Duration headStart = DemoStateOwned.headStart(behind);
        DemoClock clock = DemoClock.behind(Clock.systemUTC(), headStart);
        // The demo's one exception to CONTRACTS.md 4: its synthetic participants' keys are written, owner-only, under
        // <data-dir>/keys (DemoKeyFiles), and the directory is marked as a demo, which `serve` refuses.
        KeyPair staff1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair staff2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair staff3 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair regulator = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
        GenesisWriter.write(dataDirectory, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, staff2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, staff3.getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulator.getPublic())), clock);
        DemoDirectory.mark(dataDirectory);
        Optional<Path> logFile = ConsoleLogging.toDataDirectory(dataDirectory);
        ExchangeNode node = ExchangeNode.start(dataDirectory, Optional.empty(), listener.gateway(port).withReads(reads.limits()),
                clock, DemoStateOwned.nodeOptions(headStart));
        URI uri = URI.create("http://localhost:" + node.port());
        System.out.println("exchange listening on " + uri + " (demo data in " + dataDirectory + "); health and metrics on http://"
                + listener.managementAddress + ":" + node.managementPort() + "/observe");
        logFile.ifPresent(ServeCommand::printLogFile);
        // One position for the whole cast: every read sees every write the demo made before it (minIndex).
        Participant s1 = new Participant(uri, "Staff-01", "Staff-01-k1", staff1, clock, "demo");
        Participant s2 = new Participant(uri, "Staff-02", "Staff-02-k1", staff2, clock, "demo").sharing(s1.position());
        Participant reg = new Participant(uri, "Regulator-01", "Regulator-01-k1", regulator, clock, "demo")
                .sharing(s1.position());
        DemoMarket market = new DemoMarket(uri, clock, s1, s2);
        Path keyFiles;
        try {
            market.seed();
            // Before the first trade: with a settlement bank active every trade settles delivery versus payment.
            DemoBank bank = DemoBank.open(market, clock);
            DemoSettlement settlement = DemoSettlement.open(market, bank);
            new DemoMarketData(market).run(); // on the demo's first day: published at the next day's first document
            settlement.report("market data", "市场数据");
            new DemoStateOwned(market, clock, headStart, behind).run();
            settlement.report("state-owned auction", "国有转让竞价");
            new DemoConsent(market).run();
            settlement.report("consent and first refusal", "同意与优先购买权");
            market.negotiatedTransfers();
            settlement.report("negotiated transfers", "协议转让");
            market.nonListedTrading();
            settlement.report("non-listed trading", "非挂牌转让");
            new DemoDataRoom(market).run();
            market.pledgesAndFreeze();
            settlement.report("pledges and freeze", "质押与冻结");
            market.auctions();
            settlement.report("auctions", "竞价转让");
            market.continuousTrading();
            settlement.report("continuous trading, daily batch", "连续交易、日终批量交收");
            market.provokedRejections();
            // Last: the bank's side whole, a deposit forfeited at a deadline the clock's catching up passes, statements.
            new DemoMoney(market, bank, clock).run();
            List<DemoKeyFiles.DemoKey> keys = new java.util.ArrayList<>(List.of(
                    new DemoKeyFiles.DemoKey("Staff-01", "STAFF", "Staff-01-k1", staff1),
                    new DemoKeyFiles.DemoKey("Staff-02", "STAFF", "Staff-02-k1", staff2),
                    new DemoKeyFiles.DemoKey("Staff-03", "STAFF", "Staff-03-k1", staff3),
                    new DemoKeyFiles.DemoKey("Regulator-01", "REGULATOR", "Regulator-01-k1", regulator)));
            keys.addAll(market.keys()); // the bank's too
            keyFiles = DemoKeyFiles.write(dataDirectory, keys);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            node.close();
            throw new IllegalStateException("interrupted", e);
        }
        DemoSummary.print(node, reg, market);
        DemoMarketData.print(uri);
        DemoCertificates.print(reg, dataDirectory);
        System.out.println();
        System.out.println("portal / 门户: " + uri + "/");
        System.out.println("key files / 密钥文件: " + keyFiles.toAbsolutePath() + " (README.txt lists each participant's"
                + " role and file; sign in to the portal with one / README.txt 列出各参与者的角色与文件，用其中一个登录门户)");
        approvalHint(uri, keyFiles).forEach(System.out::println);
        if (exit) {
            node.close();
        } else {
            System.out.println("the exchange keeps running; press Ctrl-C to stop");
            ServeCommand.awaitShutdown(node, listener.listenerCheckPeriod);
        }
    }

    /**
     * How a listing made in the portal gets approved: by a staff member in the portal's work queues (signed in with a
     * staff key file), or from the CLI as the alternative. Both in English and Chinese.
     */
    static List<String> approvalHint(URI uri, Path keyFiles) {
        String staffKey = keyFiles.resolve("Staff-02__Staff-02-k1.pem").toAbsolutePath().toString();
        return List.of(
                "a listing made in the portal waits for staff: sign in to the portal with a staff key file (" + staffKey
                        + ") and approve it under Work queues / 门户中创建的挂牌需工作人员批准：用工作人员密钥文件登录门户，"
                        + "在“待办队列”中审核通过:",
                "  " + uri + "/#/staff-queues",
                "or, as the alternative, from the command line / 或者改用命令行：",
                "  ./exchange staff approve-listing <listing id> --participant Staff-02 --key " + staffKey + " --url " + uri);
    }
}
