package fundexchange.ops;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Non-listed trading (非挂牌转让) in the demo: an offer of DF12 negotiated by a quote and two counters into a trade,
 * and two investors' intents that the matcher proposes against an offer of DF13, one of which staff broker and both
 * parties accept. Both trades settle.
 */
final class DemoNonListed {
    private final DemoMarket market;

    DemoNonListed(DemoMarket market) {
        this.market = market;
    }

    /** Investor-06 quotes on Holder-06's offer of DF12, the holder counters, the investor counters, the holder accepts. */
    void quotedOffer() {
        Participant holder = market.person(DemoMarket.holderOf(12));
        Participant investor = market.person(DemoMarket.investor(6));
        long offer = holder.post("/offers", """
                {"fundCode":"DF12","units":"60000.00","minLot":"10000.00","askPrice":"1.4000",
                 "visibility":"QUALIFIED_ONLY","expiresAt":0}""").ok().sourceIndex();
        long quote = investor.post("/offers/" + offer + "/quotes", "{\"price\":\"1.3000\",\"units\":\"40000.00\"}")
                .ok().sourceIndex();
        holder.post("/quotes/" + quote + "/counter", "{\"price\":\"1.3800\",\"units\":\"40000.00\"}").ok();
        investor.post("/quotes/" + quote + "/counter", "{\"price\":\"1.3500\",\"units\":\"50000.00\"}").ok();
        market.settle(tradeOf(holder.post("/quotes/" + quote + "/accept", "{}")));
    }

    /**
     * Investor-07 wants DF13 by name and Investor-08 any CNY infrastructure fund; Holder-01's offer of DF13 draws a
     * proposal for each. Staff broker Investor-07's, the investor and the holder accept, and the trade settles.
     */
    void brokeredIntent() {
        Participant holder = market.person(DemoMarket.holderOf(13));
        Participant investor = market.person(DemoMarket.investor(7));
        long intent = investor.post("/intents", """
                {"fundCodes":["DF13"],"minAmount":"30000.00","maxAmount":"150000.00",
                 "maxPercentOfNavBasisPoints":9500,"expiresAt":0}""").ok().sourceIndex();
        market.person(DemoMarket.investor(8)).post("/intents", """
                {"criteria":{"strategies":["INFRASTRUCTURE"],"currency":"CNY"},"minAmount":"0.00",
                 "maxAmount":"60000.00","maxPercentOfNavBasisPoints":9000,"expiresAt":0}""").ok();
        long offer = holder.post("/offers", """
                {"fundCode":"DF13","units":"80000.00","minLot":"20000.00","askPrice":"1.5000",
                 "visibility":"QUALIFIED_ONLY","expiresAt":0}""").ok().sourceIndex();
        long match = proposalFor(offer, intent);
        market.staff1().post("/matches/" + match + "/broker", "{}").ok();
        investor.post("/matches/" + match + "/accept", "{}").ok();
        market.settle(tradeOf(holder.post("/matches/" + match + "/accept", "{}")));
    }

    /**
     * The match the offer proposed to the intent, as staff learn it: from their feed, which carries every event
     * (the holder's answer names no intent, CONTRACTS.md 12), read at the offer's index (minIndex), so no polling.
     */
    private long proposalFor(long offerId, long intentId) {
        JsonNode page = market.staff1().get("/feed?after=" + (offerId - 1) + "&limit=10").ok().body();
        for (JsonNode entry : page.path("entries")) {
            if (entry.path("sourceIndex").asLong() != offerId) {
                continue;
            }
            for (JsonNode event : entry.path("data").path("events")) {
                if ("MatchProposed".equals(event.path("type").asText()) && event.path("intentId").asLong() == intentId) {
                    return event.path("matchId").asLong();
                }
            }
        }
        throw new IllegalStateException("offer " + offerId + " proposed no match to intent " + intentId + ": " + page);
    }

    private static long tradeOf(Participant.Reply reply) {
        return NegotiatedTransferScript.eventOfType(reply.ok(), "TradeExecuted").path("tradeId").asLong();
    }
}
