package fundexchange.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes the demo's funds into custody through the signed custody workflow (份额登记托管). An odd-numbered fund is in
 * FULL custody: its main holder submits the whole register (three holders), staff approve, and each holder confirms
 * its own line before its units can be sold. An even-numbered fund is in PARTIAL custody: its holder registers only
 * the lot it means to sell, available once staff approve.
 */
final class DemoCustody {
    /** A register line: holder, units, subscribed and paid-in capital; cost defaults to the paid-in amount. */
    private record Line(String holder, String units, String subscribed, String paidIn) {
        String json() {
            return """
                    {"holder":"%s","units":"%s","subscribed":"%s","paidIn":"%s"}""".formatted(holder, units, subscribed, paidIn);
        }
    }

    private final DemoMarket market;

    DemoCustody(DemoMarket market) {
        this.market = market;
    }

    /** Registers fund {@code i}'s units: the main holder owns 200000.00 units at a cost of 200000.00. */
    void register(int i) {
        String fund = DemoMarket.fundCode(i);
        String main = DemoMarket.holderOf(i);
        List<Line> lines = new ArrayList<>(List.of(new Line(main, "200000.00", "250000.00", "200000.00")));
        boolean full = i % 2 == 1;
        if (full) {
            lines.add(new Line(DemoMarket.holderOf(i + 1), "60000.00", "75000.00", "60000.00"));
            lines.add(new Line(DemoMarket.holderOf(i + 2), "40000.00", "50000.00", "40000.00"));
        }
        String document = (full ? "Demo register of " : "Demo holding certificate of ") + main + " in " + fund;
        long custodyId = market.person(main).post("/custody", """
                {"fundCode":"%s","documentDigest":"%s","entries":[%s]}""".formatted(fund, DemoMarket.digest(document),
                String.join(",", lines.stream().map(Line::json).toList()))).ok().sourceIndex();
        market.staff2().post("/custody/" + custodyId + "/approve", "{}").ok();
        if (full) {
            for (Line line : lines) {
                market.person(line.holder()).post("/custody/" + custodyId + "/confirm", "{}").ok();
            }
        }
    }
}
