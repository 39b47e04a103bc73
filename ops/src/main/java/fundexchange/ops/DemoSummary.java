package fundexchange.ops;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.engine.Engine;
import fundexchange.runner.EngineRunner;
import fundexchange.runner.JournalRequests;
import fundexchange.runner.RequestKeys;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Prints the demo's summary from the registry (through the regulator's signed reads) and checks the state hash. */
final class DemoSummary {
    private DemoSummary() {
    }

    static void print(ExchangeNode node, Participant regulator, DemoMarket market) {
        System.out.println();
        System.out.println("== Transfers (from the registry) ==");
        regulator.get("/transfers").ok().body().path("transfers").forEach(t -> System.out.printf(
                "trade %-8s %-4s %s -> %s  %10s units at %s = %12s  (%6s%% of NAV, %sx cost)  %s%s%n",
                t.path("tradeId").asText(), t.path("fundCode").asText(), t.path("seller").asText(), t.path("buyer").asText(),
                t.path("units").asText(), t.path("price").asText(), t.path("consideration").asText(),
                BigDecimal.valueOf(t.path("percentOfNavBasisPoints").asLong(), 2).toPlainString(),
                t.path("multipleOfCost").asText(), t.path("status").asText(), origin(t)));
        Map<String, String> registers = new LinkedHashMap<>();
        registers.put("DF03", "auctioned");
        registers.put("DF04", "auctioned");
        registers.put(DemoStateOwned.FUND, "auctioned by a state-owned holder");
        registers.put("DF16", "frozen");
        registers.put("DF17", "pledged");
        registers.forEach((fund, why) -> {
            System.out.println("== Register of " + fund + " (" + why + ") ==");
            regulator.get("/funds/" + fund + "/register").ok().body().path("holdings").forEach(h ->
                    System.out.printf("%-12s %12s units  locked %10s  pledged %10s  frozen %10s  cost %s%n",
                            h.path("holder").asText(), h.path("units").asText(), h.path("locked").asText(),
                            h.path("pledged").asText(), h.path("frozen").asText(), h.path("cost").asText()));
        });
        // Read directly after the regulator's reads above, which waited for the registry to reach the demo's last write.
        System.out.println("== Custody, non-listed trading, pledges and freezes (registry counts by status) ==");
        DemoRegistryCounts.read(node.dataSource()).forEach(count -> System.out.println("  " + count));
        System.out.println("== Rejections (audit index, by reject code) ==");
        rejectionsByCode(regulator).forEach((code, count) -> System.out.printf("%6s  %d%n", code, count));
        System.out.println("== Refusals the demo provoked (code, message) ==");
        market.refusals().forEach(r -> System.out.println("  " + r));
        String live = regulator.get("/engine/state").ok().body().path("stateHash").asText();
        String replayed;
        try (JournalRequests journaled = new JournalRequests(node.journals())) {
            Engine replica = new Engine(journaled, RequestKeys.fresh());
            EngineRunner.verifyReplay(node.journals(), replica);
            replayed = replica.stateHash();
        }
        System.out.println("== State ==");
        System.out.println("engine state hash   " + live);
        System.out.println("replayed state hash " + replayed + (live.equals(replayed) ? "  (match)" : "  (MISMATCH)"));
        if (!live.equals(replayed)) {
            throw new IllegalStateException("state hash mismatch between the engine and a replay of its journal");
        }
    }

    /** Where a trade came from: its listing, its non-listed offer, or the continuous book. */
    private static String origin(JsonNode transfer) {
        if (transfer.path("listingId").asLong() != 0) {
            return "  listing " + transfer.path("listingId").asText();
        }
        return transfer.path("offerId").asLong() != 0 ? "  offer " + transfer.path("offerId").asText() : "  book";
    }

    /** Counts the audit index's REJECTED records by reject code, paging through the whole journal. */
    private static Map<Integer, Integer> rejectionsByCode(Participant regulator) {
        Map<Integer, Integer> counts = new TreeMap<>();
        String after = null;
        do {
            JsonNode page = regulator.get("/audit/records?limit=1000" + (after == null ? "" : "&after=" + after)).ok().body();
            for (JsonNode record : page.path("records")) {
                if ("REJECTED".equals(record.path("outcome").asText())) {
                    counts.merge(record.path("rejectCode").asInt(), 1, Integer::sum);
                }
            }
            after = page.hasNonNull("nextAfter") ? page.path("nextAfter").asText() : null;
        } while (after != null);
        return counts;
    }
}
