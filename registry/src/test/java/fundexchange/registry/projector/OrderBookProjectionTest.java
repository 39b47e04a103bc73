package fundexchange.registry.projector;

import static fundexchange.registry.TestJournal.FUND;
import static fundexchange.registry.TestJournal.HOLDER;
import static fundexchange.registry.TestJournal.INVESTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.AmendOrder;
import fundexchange.protocol.command.CancelOrder;
import fundexchange.protocol.command.HaltBook;
import fundexchange.protocol.command.OpenBook;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.SettleBookBatch;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.TestJournal;
import fundexchange.registry.read.Holding;
import fundexchange.registry.read.RegistryReads;
import fundexchange.registry.read.Transfer;
import fundexchange.registry.reconcile.Reconciliation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class OrderBookProjectionTest {
    @RegisterExtension
    static final MigratedRegistry REGISTRY = new MigratedRegistry();
    private final DataSource dataSource = REGISTRY.dataSource();

    @TempDir
    Path data;
    private TestJournal journal;

    @BeforeEach
    void market() {
        journal = new TestJournal(data).market();
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    private long accepted(String who, fundexchange.protocol.command.Command command) {
        EventDocument doc = journal.by(who, command);
        assertEquals(Outcome.ACCEPTED, doc.outcome(), doc.outcome()::toString);
        return doc.sourceIndex();
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void ordersFillsAndTheDailyBatchKeepHoldingsLockedEqualToTheEngine() {
        accepted("Staff-01", new OpenBook(FUND, Units.of("100.00")));
        long ask = accepted(HOLDER, new PlaceOrder(FUND, Side.SELL, Units.of("500.00"), Price.of("1.0000")));
        long bid = accepted(INVESTOR, new PlaceOrder(FUND, Side.BUY, Units.of("200.00"), Price.of("1.0100")));
        accepted(HOLDER, new AmendOrder(ask, null, Units.of("200.00")));
        long other = accepted(HOLDER, new PlaceOrder(FUND, Side.SELL, Units.of("100.00"), Price.of("1.2000")));
        accepted(HOLDER, new CancelOrder(other));
        long rest = accepted(INVESTOR, new PlaceOrder(FUND, Side.BUY, Units.of("100.00"), Price.of("0.9000")));
        accepted("Staff-01", new HaltBook(FUND));
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            projector.catchUp();
            assertEquals(List.of(new Holding(FUND, HOLDER, d("1000000.00"), d("400.00"), d("999600.00"), d("1000000.00"), d("0.00"), d("0.00"), d("0.00"), d("0.00"), d("0.00"))),
                    new RegistryReads(dataSource).holdingsOf(HOLDER));
            accepted("Staff-01", new SettleBookBatch(FUND, "2026-11-18"));
            projector.catchUp();
        }
        RegistryReads reads = new RegistryReads(dataSource);
        assertEquals(List.of(new Holding(FUND, HOLDER, d("999800.00"), d("200.00"), d("999600.00"), d("999800.00"), d("0.00"), d("0.00"), d("0.00"), d("0.00"), d("0.00"))),
                reads.holdingsOf(HOLDER));
        Transfer transfer = reads.allTransfers().getFirst();
        assertEquals(List.of(bid * 4096, 0L, "SETTLED", d("1.0000")),
                List.of(transfer.tradeId(), transfer.listingId(), transfer.status(), transfer.price()));
        List<String> orders = DSL.using(dataSource, SQLDialect.POSTGRES)
                .fetch("SELECT order_id, side, status, open_units, filled_units, priority, reject_code FROM orders ORDER BY order_id")
                .map(r -> r.intoStream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        assertEquals(List.of(
                ask + ",SELL,OPEN,200.00,200.00," + ask + ",null",
                bid + ",BUY,FILLED,0.00,200.00," + bid + ",null",
                other + ",SELL,CANCELLED,0.00,0.00," + other + ",0",
                rest + ",BUY,OPEN,100.00,0.00," + rest + ",null"), orders);
        Reconciliation.Result result = Reconciliation.reconcile(journal.journals(), dataSource);
        assertTrue(result.matches(), result.differences()::toString);
    }
}
