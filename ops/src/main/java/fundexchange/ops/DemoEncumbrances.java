package fundexchange.ops;

/**
 * Pledges and a judicial freeze in the demo (pledges need FULL custody): staff pledge 150000 of Holder-05's DF17 units, and its sale of 100000 is
 * refused; a second pledge of 20000 units stays in place; the first is released and the sale goes through. A court's
 * freeze of 120000 of Holder-04's DF16 units (maker-checker) makes its sale of 100000 refused.
 */
final class DemoEncumbrances {
    private final DemoMarket market;

    DemoEncumbrances(DemoMarket market) {
        this.market = market;
    }

    void pledges() {
        String holder = DemoMarket.holderOf(17);
        long released = pledge(holder, "150000.00", "Demo Bank Pudong Branch", "120000.00");
        market.refuse(holder, "/listings", """
                {"fundCode":"DF17","buyer":"%s","units":"100000.00","price":"1.8000"}""".formatted(DemoMarket.investor(8)),
                "150000.00 of its units are pledged");
        pledge(holder, "20000.00", "Demo Trust Co.", "15000.00");
        market.staff2().post("/pledges/" + released + "/release", "{}").ok();
        market.settle(market.negotiate(17, DemoMarket.investor(8), "100000.00", "1.8000"));
    }

    void freeze() {
        String holder = DemoMarket.holderOf(16);
        market.script().approve("""
                {"type":"FreezeUnits","fundCode":"DF16","holder":"%s","units":"120000.00",
                 "authority":"Demo Intermediate People's Court","caseNumber":"(2026) Demo Civil 0457",
                 "documentDigest":"%s"}""".formatted(holder, DemoMarket.digest("Demo freezing order (2026) Demo Civil 0457")));
        market.refuse(holder, "/listings", """
                {"fundCode":"DF16","buyer":"%s","units":"100000.00","price":"1.7000"}""".formatted(DemoMarket.investor(8)),
                "120000.00 of its units are frozen");
    }

    private long pledge(String holder, String units, String pledgee, String securedAmount) {
        return market.staff1().post("/pledges", """
                {"fundCode":"DF17","holder":"%s","units":"%s","pledgee":"%s","securedAmount":"%s","documentDigest":"%s"}"""
                .formatted(holder, units, pledgee, securedAmount, DemoMarket.digest("Demo pledge contract of " + units
                        + " DF17 units to " + pledgee))).ok().sourceIndex();
    }
}
