package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.event.BankStatementRecorded;
import fundexchange.protocol.event.CashReceived;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.KeyRegistered;
import fundexchange.protocol.event.PayoutExecuted;
import fundexchange.protocol.event.PayoutInstructed;
import fundexchange.protocol.event.RegistrationConfirmed;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeFunded;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.chronicle.Journals;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.signing.Signatures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exchange demo --exit} seeds the whole demo market through the signed API and checks its state hash; run once,
 * its summary is checked section by section.
 */
class DemoSystemTest {
    @TempDir
    static Path directory;
    private static String out;
    /** Standard error of the demo's run: the long steps and their durations, and nothing else. */
    private static String err;
    private static int exit;

    @BeforeAll
    static void runTheDemo() {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            exit = ExchangeCommand.commandLine().execute("demo", "--exit", "--port", "0", "--management-port", "0",
                    "--data-dir", directory.resolve("demo").toString());
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        out = buffer.toString(StandardCharsets.UTF_8);
        err = errors.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDemosConsoleHoldsItsOwnOutputAndTheLibrariesRecordsGoToTheLogFile() throws Exception {
        assertEquals(0, exit, out + err);
        String console = out + err;
        // JUL's two-line format ("Dec 06, 2026 12:59:41 PM net.openhft..." then "INFO: ..."), a backend's level and
        // logger, and Chronicle's banners: none reaches the terminal.
        Pattern record = Pattern.compile("(?m)^(\\w{3} \\d{1,2}, \\d{4} .*[AP]M |(SEVERE|WARNING|INFO|CONFIG|FINE):"
                + "|.*\\b(TRACE|DEBUG|INFO|WARN|ERROR)\\b.*\\b(net\\.openhft|io\\.zonky|io\\.helidon|org\\.flywaydb|org\\.jooq|com\\.zaxxer)"
                + "|.*(Chronicle|chronicle|net\\.openhft|SLF4J|initdb|postgres:))");
        Matcher found = record.matcher(console);
        assertTrue(!found.find(), () -> "a log record on the console: " + found.group() + "\n" + console);
        // A step is "what ... 2.4 s", or, when it drew a progress bar, "what ... ", the bar, then "what: 2.4 s".
        assertEquals("", err.replaceAll("(?m)^[^\\n]* \\.\\.\\. (\\d+\\.\\d s)?\\n", "")
                        .replaceAll("(?m)^(\\r?\\[[# ]*\\] \\d+% \\d+/\\d+)+\\n", "").replaceAll("(?m)^[^\\n]*: \\d+\\.\\d s\\n", ""),
                err + "\nstandard error holds only the long steps, each with its duration");
        assertTrue(err.matches("(?s)initialising the embedded database / 初始化内嵌数据库 \\.\\.\\. \\d+\\.\\d s\\n.*"), err);
        assertTrue(err.contains("replaying the journal into the engine / 重放日志"), err);
        Path log = directory.resolve("demo").resolve("logs").resolve("exchange.log");
        assertTrue(out.contains("logs / 日志: " + log.toAbsolutePath()), out);
        String logged = Files.readString(log);
        assertTrue(logged.matches("(?s).*\\n?\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  \\[[^]]+\\] io\\.zonky\\..*"),
                () -> "the embedded database's records are in the log file:\n" + logged);
        // Chronicle's own INFO records (slow mmap or disk checks) depend on the machine's speed: not asserted here.
        assertTrue(logged.contains(" fundexchange.runner.EngineRunner: engine replayed and verified 0 documents"),
                "System.Logger's (JUL's) records are in the log file, bridged");
    }

    @Test
    void everySettledTradeOfTheDemoHasACertificateThatVerifiesOffline() throws Exception {
        assertEquals(0, exit, out);
        Matcher summary = Pattern.compile("\\n  (\\d+) settled trades, each certificate verified"
                + " offline against the exchange key ([0-9a-f]{64}) ").matcher(out);
        assertTrue(summary.find(), out);
        int settled = Integer.parseInt(summary.group(1));
        assertTrue(settled >= 5, out);
        Path folder = directory.resolve("demo").resolve("certificates");
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            assertEquals(2L * settled, files.count());
        }
        Matcher command = Pattern.compile("自行核验： \\./exchange (certificate verify [^\\n]+)\\n")
                .matcher(out);
        assertTrue(command.find(), out);
        java.io.StringWriter verdict = new java.io.StringWriter();
        picocli.CommandLine cli = ExchangeCommand.commandLine();
        cli.setOut(new java.io.PrintWriter(verdict, true));
        assertEquals(0, cli.execute(command.group(1).split(" ")), verdict.toString());
        assertTrue(verdict.toString().contains("certificate valid"), verdict.toString());
    }

    @Test
    void theDemoPrintsThePublicMarketDataOfTheOptedInFundAndNamesNoFundBelowK() {
        assertEquals(0, exit, out);
        int start = out.indexOf("== Public market data");
        assertTrue(start >= 0, out);
        String section = out.substring(start, out.indexOf("== Transaction certificates", start));
        assertTrue(section.matches("(?s).*k = 3: 1 funds published / 只基金已发布 \\(withheld funds are not counted.*"), section);
        assertTrue(section.matches("(?s).*\\n  DF31  Demo Growth Fund VII +last CNY 1\\.3500 \\(90\\.0% of NAV, [0-9-]+\\)"
                + "  VWAP90 1\\.28  3 trades  35000 units  45000 CNY\\n.*"), section);
        assertTrue(section.matches("(?s).*\\n  strategy GROWTH +CNY 3 trades  35000 units  45000 CNY  discount to NAV 14\\.3%.*"),
                section);
        assertTrue(section.contains("/#/market"), section);
        assertTrue(!section.replace("DF32 is withheld and named nowhere", "").replace("DF32 未发布", "").contains("DF32"), section);
    }

    @Test
    void theDemoSendsStaffToThePortalToApproveListings() {
        assertEquals(0, exit, out);
        assertTrue(out.matches("(?s).*\\n  http://localhost:\\d+/#/staff-queues\\n.*"), out);
        assertTrue(out.indexOf("/#/staff-queues") < out.indexOf("./exchange staff approve-listing"), out);
    }

    @Test
    void theDemoShowsTimesInThePlatformZoneAndNoEpochMilliseconds() {
        assertEquals(0, exit, out);
        String iso = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+08:00";
        assertTrue(out.matches("(?s).*\\nlate bid on listing \\d+ extended the auction to " + iso + " \\(was " + iso
                + "\\) / 迟到的出价使拍卖延长至 " + iso + "（原为 " + iso + "）\\n.*"), out);
        assertTrue(out.matches("(?s).*\\ndata room of offer (\\d+): Investor-02 accepted the NDA and opened document (\\d+) at "
                + iso + " \\(access log\\) / 报价 \\1 的资料室：Investor-02 接受保密协议后于 " + iso + " 查阅了文件 \\2（查阅记录）\\n.*"),
                out);
        assertTrue(out.matches("(?s).*\\nfund document \\d+: Manager-01 registered DF21's partnership agreement for every"
                + " data room of the fund / .*"), out);
        Matcher epoch = Pattern.compile("\\b1[78]\\d{11}\\b").matcher(out);
        assertTrue(!epoch.find(), () -> "epoch milliseconds on the console: " + epoch.group() + "\n" + out);
    }

    @Test
    void theExtensionLineReadsAsIso8601WithTheOffset() {
        assertEquals("late bid on listing 42 extended the auction to 2026-12-06T12:59:41.807+08:00 (was"
                        + " 2026-12-06T12:59:40.804+08:00) / 迟到的出价使拍卖延长至 2026-12-06T12:59:41.807+08:00（原为"
                        + " 2026-12-06T12:59:40.804+08:00）",
                DemoMarket.extension(42, 1796533181807L, 1796533180804L,
                        fundexchange.protocol.reference.PlatformTime.of("Asia/Shanghai")));
    }

    @Test
    void theDemoRunsEveryMechanismAndItsSummaryMatchesAReplay() {
        assertEquals(0, exit, out);
        assertTrue(out.contains("(match)"), out);
        // 4 of them market data's (DemoMarketData), 3 the consent scene's, 1 the money scene's
        assertEquals(18, count(out, " SETTLED"), out);
        assertEquals(2, count(out, " FAILED"), out); // DF06's refused registration, the money scene's unfunded trade
        assertTrue(out.contains("extended the auction"), out);
        assertTrue(out.contains("4005"), out);
        assertEquals(13, count(out, " POST /"), out);
    }

    @Test
    void theDemoTakesFundsIntoCustodyTradesOffRegisterAndEncumbersUnits() {
        assertEquals(0, exit, out);
        assertCount(out, "custody registrations  FULL APPROVED", 10);
        assertCount(out, "custody registrations  PARTIAL APPROVED", 10);
        assertCount(out, "custody lines          CONFIRMED", 40);
        assertTrue(out.matches("(?s).*trade \\d+ +DF12 Holder-06 -> Investor-06 +50000\\.00 units at 1\\.3500 .*SETTLED  offer \\d+.*"), out);
        assertCount(out, "quote rounds           HOLDER", 1);
        assertCount(out, "quote rounds           INVESTOR", 2);
        assertCount(out, "quotes                 ACCEPTED", 1);
        assertTrue(out.matches("(?s).*trade \\d+ +DF13 Holder-01 -> Investor-07 +80000\\.00 units at 1\\.5000 .*SETTLED  offer \\d+.*"), out);
        assertCount(out, "match proposals        AGREED", 1);
        assertCount(out, "match proposals        LAPSED", 1);
        assertCount(out, "pledges                ACTIVE", 1);
        assertCount(out, "pledges                RELEASED", 1);
        assertCount(out, "freezes                ACTIVE", 1);
        assertTrue(out.contains("409 3001: available units 50000.00 are fewer than 100000.00 (Holder-05 POST /listings) - 150000.00 of its units are pledged"), out);
        assertTrue(out.contains("409 3001: available units 80000.00 are fewer than 100000.00 (Holder-04 POST /listings) - 120000.00 of its units are frozen"), out);
        assertTrue(out.matches("(?s).*Holder-05 +100000\\.00 units  locked +0\\.00  pledged +20000\\.00  frozen +0\\.00.*"), out);
        assertTrue(out.matches("(?s).*Holder-04 +200000\\.00 units  locked +0\\.00  pledged +0\\.00  frozen +120000\\.00.*"), out);
    }

    @Test
    void theDemoRunsConsentAndFirstRefusalInAPartnershipAndACompanyFormFund() {
        assertEquals(0, exit, out);
        assertTrue(out.contains("consent (DF21, partnership): Manager-01 consented, Partner-02 exercised 4000.00 of 10000.00"
                + " units, Investor-01 bought the 6000.00 left"), out);
        assertTrue(out.contains("consent (DF22, company form, statutory default: 30 days, silence = waiver): the demo does not"
                + " wait 30 days, so every holder answered (waived); Investor-02 bought 5000.00 units"), out);
        assertTrue(out.matches("(?s).*\\ntransfer notice of listing \\d+ \\(DF21\\) waits in the portal for Manager-01, Partner-01"
                + " and Partner-02 .*"), out);
        assertTrue(out.matches("(?s).*trade \\d+ +DF21 Partner-01 -> Partner-02 +4000\\.00 units at 1\\.2000 .*"), out);
        assertTrue(out.matches("(?s).*trade \\d+ +DF21 Partner-01 -> Investor-01 +6000\\.00 units at 1\\.2000 .*"), out);
    }

    @Test
    void theDemoRunsAStateOwnedHoldersAuctionThroughItsDisclosurePeriodToTheAnnouncedResult() {
        assertEquals(0, exit, out + err);
        String iso = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+08:00";
        assertTrue(out.matches("(?s).*\\nstate-owned \\(DF23\\): staff flagged Holder-07 state-owned \\(maker-checker\\); it"
                + " registered a filed appraisal of 1\\.2000 a unit and listed 200000\\.00 units by English auction \\(listing"
                + " (\\d+)\\) at it, disclosed publicly for 20 working days, no deal before " + iso + " / .*"), out);
        assertTrue(out.matches("(?s).*\\nstate-owned auction of listing \\d+: Investor-01 and Investor-02 bid; it closed at"
                + " 1\\.2600 for 200000\\.00 units \\(trade \\d+, settled\\); the result is announced: 252000\\.00 against the"
                + " appraised 1\\.2000 a unit / .*"), out);
        assertTrue(out.contains("(Holder-07 POST /listings) - two qualified buyers bid: a negotiated sale is refused,"
                + " bidding required / 已有两名合格投资者出价：协议转让被拒绝，须以竞价转让"), out);
        assertTrue(out.matches("(?s).*\\nstate-owned reserve rule: Holder-07's Dutch auction of DF23 with a floor of 1\\.0000,"
                + " under 90% of the appraised 1\\.2000, without the approving body's recorded consent, is refused: 6107 "
                + "[^\\n]*under 90% of the appraisal \\(1\\.0800\\)[^\\n]*低于评估值 90%[^\\n]* / 国有转让底价规则：.*"), out);
        assertTrue(out.matches("(?s).*\\n  409 6110: [^\\n]*\\(Holder-07 POST /listings\\) - two qualified buyers bid.*"), out);
        assertTrue(out.matches("(?s).*trade \\d+ +DF23 Holder-07 -> Investor-01 +200000\\.00 units at 1\\.2600 .*SETTLED  listing \\d+.*"),
                out);
    }

    @Test
    void theDemoMovesMoneyOnlyThroughTheBanksConfirmationsAndEscrowEqualsTheStatement() {
        assertEquals(0, exit, out + err);
        String date = "\\d{4}-\\d\\d-\\d\\d";
        assertTrue(out.contains("\n== Money: the settlement bank, delivery versus payment, escrow / 资金：结算银行、货银对付、托管账户 ==\n"),
                out);
        assertTrue(out.contains("  receipt: Bank-01 confirmed CNY 50000.00 received for Investor-01 / "), out);
        assertTrue(out.contains("  receipt: Bank-01 confirmed USD 20000.00 received for Investor-03 / "), out);
        // 2,300.00 of consideration; each side's fee is the minimum, 100.00 (10 bp would be 2.30).
        assertTrue(out.matches("(?s).*\\n  trade \\d+ \\(DF22, Partner-03 -> Investor-02, 2000\\.00 units at 1\\.1500\\):"
                + " Investor-02 funded 2400\\.00 \\(consideration and fee\\), Manager-01 confirmed the registration change,"
                + " the trade settled; Bank-01 paid the seller's proceeds 2200\\.00 \\(instruction \\d+\\) / .*"), out);
        assertTrue(out.matches("(?s).*\\n  withdrawal: Investor-01 withdrew CNY 12000\\.00; Bank-01 executed instruction \\d+ / .*"),
                out);
        // The deposit: 1,000.00 locked by each bidder; the loser's released at the close; the winner's held, then forfeited.
        assertTrue(out.matches("(?s).*\\n  deposits: English auction of listing \\d+ \\(DF19, 10000\\.00 units\\) asks a deposit of"
                + " 1000\\.00; Investor-04 and Investor-05 each locked it at their first bid \\(Investor-04 locked 1000\\.00\\); at the"
                + " close Investor-04's deposit was released \\(locked 0\\.00, available 2000\\.00\\) and Investor-05 won trade (\\d+)"
                + " at 0\\.9500, owing 9600\\.00 \\(\\d+\\.\\d\\d funded\\) by one business day, its deposit held for the trade / .*"
                + "\\n  the demo's clock caught up with the wall clock, past trade \\1's settlement deadline / .*"
                + "\\n  deadline: trade \\1 failed unfunded; Investor-05 forfeited its deposit to Holder-01 \\(Investor-05 available"
                + " 500\\.00, locked 0\\.00; Holder-01 available 1000\\.00\\) / .*"), out);
        // Over the whole demo the bank received each buyer's due and paid each seller's proceeds (and the refused trade's
        // refund back), so the bank's books, escrow and the accounts' sum all equal the journal's received less paid,
        // which keeps the settled trades' fees, all in REVENUE (every settled trade is a CNY one).
        JournalMoney journal = JournalMoney.read(directory.resolve("demo"));
        for (String currency : List.of("CNY", "USD")) {
            String bank = new Money(journal.bankBooks().getOrDefault(currency, 0L)).toString();
            assertTrue(out.matches("(?s).*\\n  statement " + date + " " + currency + ": bank " + Pattern.quote(bank)
                    + ", escrow " + Pattern.quote(bank) + " \\(MATCHED\\) / .*"), currency + " " + bank + "\n" + out);
            assertTrue(out.contains("  escrow check " + currency + ": the accounts' balances sum to " + bank + " = escrow / "),
                    currency + " " + bank + "\n" + out);
        }
        String revenue = new Money(journal.settledFees()).toString();
        assertTrue(out.matches("(?s).*\\n  REVENUE +REVENUE +CNY  available +" + Pattern.quote(revenue) + "  locked +0\\.00\\n.*"),
                revenue + "\n" + out);
        assertTrue(out.matches("(?s).*\\n  Investor-01 +PARTICIPANT +CNY  available +38000\\.00  locked +0\\.00\\n.*"), out);
        assertTrue(out.matches("(?s).*\\n  Investor-02 +PARTICIPANT +CNY  available +27600\\.00  locked +0\\.00\\n.*"), out);
        assertTrue(out.matches("(?s).*trade \\d+ +DF22 Partner-03 -> Investor-02 +2000\\.00 units at 1\\.1500 .*SETTLED  listing \\d+.*"),
                out);
    }

    @Test
    void everyTradeOfTheDemoSettlesThroughTheBankOnlyAfterItsRegistrationChangeAndEscrowEqualsTheStatements() {
        assertEquals(0, exit, out + err);
        JournalMoney journal = JournalMoney.read(directory.resolve("demo"));
        Map<String, Integer> commands = journal.commands();
        Map<String, Integer> events = journal.events();
        Matcher certificates = Pattern.compile("\\n  (\\d+) settled trades, each certificate").matcher(out);
        assertTrue(certificates.find(), out);
        int settled = Integer.parseInt(certificates.group(1));
        assertEquals(18, settled, out);
        assertEquals(0, commands.getOrDefault("ConfirmSettlement", 0), "no staff confirms a settlement: " + commands);
        assertEquals(0, commands.getOrDefault("FailSettlement", 0), "no staff fails a settlement: " + commands);
        assertEquals(0, events.getOrDefault("SettlementOverridden", 0), "no staff override: " + events);
        assertEquals(0, journal.withoutFees(), "every trade was made with the bank active, so settles delivery versus payment");
        // Rules version 8 settles the cash at the registration change (TradeCashSettled); version 9, having delivered
        // the units and locked the proceeds at funding, releases them there (TradeProceedsReleased).
        int cashSettled = events.getOrDefault("TradeCashSettled", 0) + events.getOrDefault("TradeProceedsReleased", 0);
        // Every settled trade was funded, and one more, whose registration change was refused.
        assertEquals(List.of(settled, settled, settled, settled + 1, 1), List.of(events.getOrDefault("TradeSettled", 0),
                events.getOrDefault("RegistrationConfirmed", 0), cashSettled, events.getOrDefault("TradeFunded", 0),
                events.getOrDefault("RegistrationRefused", 0)), events.toString());
        assertEquals(List.of(settled, 1), List.of(commands.getOrDefault("ConfirmRegistration", 0),
                commands.getOrDefault("RefuseRegistration", 0)), commands.toString());
        // Every seller's proceeds, instructed with its registration change, and two withdrawals (the refused trade's
        // refund, and the money scene's), each confirmed executed by the bank.
        assertEquals(List.of(settled + 2, settled + 2, settled + 2, settled), List.of(events.getOrDefault("PayoutInstructed", 0),
                events.getOrDefault("PayoutExecuted", 0), commands.getOrDefault("RecordPayoutExecuted", 0),
                journal.proceedsAfterRegistration()), events + " " + commands);
        assertEquals(0, events.getOrDefault("CashCorrected", 0), "no staff correction moved cash");
        // Each statement (one per currency and demo day) equals the bank's own books at that point, received less paid,
        // and the escrow total the engine checked.
        assertEquals(Set.of("CNY", "USD"), journal.statements().stream().map(JournalMoney.Statement::currency)
                .collect(Collectors.toSet()));
        // Of every day the bank valued a confirmation on, once the next such day has begun (and if it is at most 31 days
        // later, as a statement may look back: not the first day, before the state-owned auction's jump), and the last.
        List<LocalDate> valued = journal.valueDates().stream().map(LocalDate::parse).toList();
        List<String> stated = new ArrayList<>();
        for (int i = 0; i < valued.size(); i++) {
            if (i == valued.size() - 1 || !valued.get(i).isBefore(valued.get(i + 1).minusDays(31))) {
                stated.add(valued.get(i).toString());
            }
        }
        for (String currency : List.of("CNY", "USD")) {
            assertEquals(stated, journal.statements().stream().filter(statement -> statement.currency().equals(currency))
                    .map(statement -> statement.recorded().statementDate()).toList(), currency + " " + valued);
        }
        for (JournalMoney.Statement statement : journal.statements()) {
            assertEquals(statement.booksThen(), statement.recorded().bankBalance().raw(), statement::toString);
            assertEquals(statement.recorded().bankBalance(), statement.recorded().escrowBalance(), statement::toString);
        }
        assertEquals(0, events.getOrDefault("EscrowMismatchRaised", 0), events.toString());
        // Each scene prints its money steps.
        for (String scene : List.of("market data", "state-owned auction", "consent and first refusal", "negotiated transfers",
                "non-listed trading", "pledges and freeze", "auctions", "continuous trading, daily batch")) {
            assertTrue(out.matches("(?s).*\\nmoney \\(" + Pattern.quote(scene) + "\\): \\d+ trade\\(s\\) settled delivery"
                    + " versus payment; Bank-01 confirmed receipts of CNY [^\\n]*; each buyer funded its trade, the registration"
                    + " change was confirmed by [^\\n]* / 资金（.*"), scene + "\n" + out);
        }
        assertTrue(out.contains("\nmoney (market data): 4 trade(s) settled delivery versus payment; Bank-01 confirmed receipts"
                + " of CNY 14500.00 for Investor-01, CNY 14400.00 for Investor-02, CNY 16300.00 for Investor-03, CNY 8100.00 for"
                + " Investor-04; each buyer funded its trade, the registration change was confirmed by Manager-02, and Bank-01"
                + " executed 4 payout(s) of the sellers' proceeds (CNY 52500.00) / 资金（市场数据）：4 笔交易货银对付交收；银行确认收款："
                + "Investor-01 CNY 14500.00，Investor-02 CNY 14400.00，Investor-03 CNY 16300.00，Investor-04 CNY 8100.00；"
                + "各买方为其交易付款，由Manager-02确认登记变更，银行执行 4 笔卖方价款付款（CNY 52500.00）\n"), out);
        assertTrue(out.contains("the registration change was confirmed by Manager-01, and Bank-01 executed 3 payout(s)"), out);
        // The registrar's refusal of a funded trade: it fails and unwinds, the buyer's funding is refunded and paid back.
        assertTrue(out.matches("(?s).*\\nmoney \\(negotiated transfers\\): [^\\n]*; trade (\\d+)'s registration change was"
                + " refused by staff \\(\"the buyer's subscription documents are incomplete\"\\) after Investor-05 funded it: the"
                + " trade failed and unwound, Investor-05's CNY 44100\\.00 was refunded \\(available \\d+\\.\\d\\d\\), and Bank-01"
                + " paid it back on its withdrawal / [^\\n]*；交易 \\1 在 Investor-05 付款后，工作人员拒绝登记变更：交易失败并回转，"
                + "Investor-05 的 CNY 44100\\.00 已退回（可用 \\d+\\.\\d\\d），其提取后由银行付款\\n.*"), out);
        assertTrue(out.matches("(?s).*trade \\d+ +DF06 Holder-\\d+ -> Investor-05 +40000\\.00 units at 1\\.1000 .*FAILED .*"), out);
    }

    /**
     * What the demo's journal says of money: commands and events by type, each statement with the bank's books (received
     * less paid) at its point, the settled trades' fees, trades made without fees, and proceeds instructed in the
     * document of their trade's registration change.
     */
    private record JournalMoney(Map<String, Integer> commands, Map<String, Integer> events, Map<String, Long> bankBooks,
                                Set<String> valueDates, List<Statement> statements, long settledFees, int withoutFees,
                                int proceedsAfterRegistration) {
        record Statement(String currency, long booksThen, BankStatementRecorded recorded) {
        }

        static JournalMoney read(Path data) {
            Map<String, Integer> commands = new TreeMap<>();
            Map<String, Integer> events = new TreeMap<>();
            Map<String, Long> books = new TreeMap<>();
            List<Statement> statements = new ArrayList<>();
            Set<String> valueDates = new TreeSet<>();
            Map<Long, Long> fees = new TreeMap<>();
            Set<Long> funded = new TreeSet<>();
            Set<Long> registered = new TreeSet<>();
            long settledFees = 0;
            int withoutFees = 0;
            int proceeds = 0;
            try (Journals journals = Journals.open(data)) {
                try (Journals.TypedReader<CommandRecord> reader = journals.commandReader()) {
                    for (var next = reader.next(); next.isPresent(); next = reader.next()) {
                        commands.merge(next.get().value().command().getClass().getSimpleName(), 1, Integer::sum);
                    }
                }
                try (Journals.TypedReader<EventDocument> reader = journals.eventReader()) {
                    for (var next = reader.next(); next.isPresent(); next = reader.next()) {
                        boolean registeredHere = false;
                        for (Event event : next.get().value().events()) {
                            events.merge(event.getClass().getSimpleName(), 1, Integer::sum);
                            switch (event) {
                                case TradeExecuted e when e.buyerFee() == null -> withoutFees++;
                                case TradeExecuted e -> fees.put(e.tradeId(), Math.addExact(e.buyerFee().raw(), e.sellerFee().raw()));
                                case TradeFunded e -> funded.add(e.tradeId());
                                case RegistrationConfirmed e -> {
                                    registered.add(e.tradeId());
                                    registeredHere = true;
                                }
                                // Final only after the trade was funded and its registration change confirmed.
                                case TradeSettled e -> {
                                    assertTrue(funded.contains(e.tradeId()) && registered.contains(e.tradeId()),
                                            "trade " + e.tradeId() + " settled without its funding and registration change");
                                    settledFees = Math.addExact(settledFees, fees.getOrDefault(e.tradeId(), 0L));
                                }
                                case PayoutInstructed e -> proceeds += registeredHere ? 1 : 0;
                                case CashReceived e -> {
                                    books.merge(e.currency(), e.amount().raw(), Long::sum);
                                    valueDates.add(e.valueDate());
                                }
                                case PayoutExecuted e -> {
                                    books.merge(e.currency(), -e.amount().raw(), Long::sum);
                                    valueDates.add(e.valueDate());
                                }
                                case BankStatementRecorded e -> statements.add(new Statement(e.currency(),
                                        books.getOrDefault(e.currency(), 0L), e));
                                default -> {
                                }
                            }
                        }
                    }
                }
            }
            return new JournalMoney(commands, events, books, valueDates, statements, settledFees, withoutFees, proceeds);
        }
    }

    @Test
    void theDemoWritesEachParticipantsKeyOwnerOnlyAsPkcs8OfItsRegisteredPublicKey() throws Exception {
        assertEquals(0, exit, out);
        Path demo = directory.resolve("demo");
        Path keys = demo.resolve("keys");
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(keys));
        Map<String, KeyRegistered> registered = new TreeMap<>();
        try (Journals journals = Journals.open(demo); Journals.TypedReader<EventDocument> reader = journals.eventReader()) {
            for (var next = reader.next(); next.isPresent(); next = reader.next()) {
                next.get().value().events().stream().filter(KeyRegistered.class::isInstance).map(KeyRegistered.class::cast)
                        .forEach(key -> registered.put(key.participantId() + "__" + key.keyId() + ".pem", key));
            }
        }
        Set<String> files = new TreeSet<>();
        try (Stream<Path> listed = Files.list(keys)) {
            listed.forEach(file -> files.add(file.getFileName().toString()));
        }
        Set<String> expected = new TreeSet<>(registered.keySet());
        expected.add("README.txt");
        assertEquals(expected, files, "one file per registered key, and the README");
        assertEquals(26, registered.size(), "3 staff, 1 regulator, 6 holders, 9 investors, a manager and 3 partners"
                + " (DemoConsent), a state-owned holder (DemoStateOwned), market data's manager (DemoMarketData), a settlement"
                + " bank (DemoMoney)");
        String readme = Files.readString(keys.resolve("README.txt"));
        byte[] message = "demo key check".getBytes(StandardCharsets.UTF_8);
        for (String file : files) {
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(keys.resolve(file)), file);
            if (file.equals("README.txt")) {
                continue;
            }
            KeyRegistered key = registered.get(file);
            String pem = Files.readString(keys.resolve(file));
            assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"), file);
            PrivateKey parsed = KeyMaterial.readPrivatePem(pem);
            assertEquals("PKCS#8", parsed.getFormat());
            SignatureAlgorithm algorithm = SignatureAlgorithm.fromWireName(key.algorithm());
            assertTrue(Signatures.verify(algorithm, Base64.getDecoder().decode(key.publicKey()), message,
                    Signatures.sign(algorithm, parsed, message)), file + " signs for its registered public key");
            assertTrue(readme.matches("(?s).*\\n" + key.participantId() + " +[A-Z]+.*" + key.keyId() + " +"
                    + key.algorithm() + " +" + Pattern.quote(file) + "\\n.*"), file + " in\n" + readme);
        }
        assertTrue(readme.contains("Investor-01    INVESTOR (qualified)"), readme);
        assertTrue(readme.contains("Investor-09    INVESTOR "), readme);
        assertTrue(out.contains("portal / 门户: http://localhost:"), out);
        assertTrue(out.contains("key files / 密钥文件: " + keys.toAbsolutePath()), out);
    }

    @Test
    void serveRefusesTheDemosDataDirectory() {
        assertEquals(0, exit, out);
        PrintStream original = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = ExchangeCommand.commandLine().execute("serve", "--port", "0", "--management-port", "0",
                    "--data-dir", directory.resolve("demo").toString());
        } finally {
            System.setErr(original);
        }
        String refused = errors.toString(StandardCharsets.UTF_8);
        assertTrue(status != 0, refused);
        assertTrue(refused.contains("refusing to serve " + directory.resolve("demo") + ": it is a demo data directory"), refused);
    }

    private static void assertCount(String out, String label, int expected) {
        assertTrue(out.matches("(?s).*\\n  " + Pattern.quote(label) + " +" + expected + "\\n.*"),
                () -> label + " " + expected + " in\n" + out);
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
