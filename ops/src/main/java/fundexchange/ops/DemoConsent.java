package fundexchange.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Consent and first refusal in the demo (issue 20, docs/rules.md "Consent and first refusal"): a fund manager
 * (Manager-01) and three partners who are also investors. In the limited partnership DF21 (the legal form's
 * defaults: the manager's consent, the manager's priority first, then the partners pro rata, 30 days) Partner-01 sells
 * to Investor-01; the manager consents and waives, Partner-02 exercises part, Partner-03 waives, and Investor-01 buys
 * the rest. In the company-form DF22 (Company Law art. 84: no consent, 30 days, silence a waiver) the demo cannot wait
 * 30 days, so every holder answers instead (they waive) and Investor-02 buys the whole lot. A third notice, of DF21,
 * stays open for the portal. Each trade settles delivery versus payment ({@link DemoSettlement}): its buyer funds it and
 * Manager-01, the funds' manager, confirms the registration change.
 */
final class DemoConsent {
    static final String MANAGER = "Manager-01";
    private static final String PARTNERSHIP = "DF21";
    private static final String COMPANY = "DF22";
    private final DemoMarket market;

    DemoConsent(DemoMarket market) {
        this.market = market;
    }

    /** The cast, the two funds with their terms, and both scenes. */
    void run() {
        market.enrol(MANAGER, "Demo GP Manager 1", List.of("MANAGER"), false);
        for (int p = 1; p <= 3; p++) {
            market.enrol(partner(p), "Demo Partner " + p, List.of("HOLDER", "INVESTOR"), true);
        }
        fund(PARTNERSHIP, "Demo Partnership Fund", "PARTNERSHIP", "1.1000", "100000.00", "60000.00", "40000.00");
        fund(COMPANY, "Demo Company Fund", "LLC", "1.0500", "30000.00", "50000.00", "20000.00");
        partnership();
        companyForm();
        long open = list(partner(3), PARTNERSHIP, DemoMarket.investor(3), "2000.00", "1.2500");
        System.out.println("transfer notice of listing " + open + " (" + PARTNERSHIP + ") waits in the portal for "
                + MANAGER + ", " + partner(1) + " and " + partner(2) + " / 挂牌 " + open + " 的转让通知在门户中等待答复");
    }

    static String partner(int p) {
        return "Partner-%02d".formatted(p);
    }

    /** The manager consents and waives, Partner-02 exercises 4,000 of 10,000 units, Partner-03 waives; Investor-01 buys the rest. */
    private void partnership() {
        long listing = list(partner(1), PARTNERSHIP, DemoMarket.investor(1), "10000.00", "1.2000");
        answer(MANAGER, listing, "{\"answer\":\"CONSENT\"}");
        answer(MANAGER, listing, "{\"answer\":\"WAIVE\"}");
        answer(partner(2), listing, "{\"answer\":\"EXERCISE\",\"units\":\"4000.00\"}");
        answer(partner(3), listing, "{\"answer\":\"WAIVE\"}");
        // The last answer resolved the notice; its answer names only the answerer's own event, so staff read it.
        JsonNode resolved = market.staff1().get("/listings/" + listing + "/notice").ok().body().path("resolution");
        market.staff2().post("/listings/" + listing + "/approve", "{}").ok();
        market.person(DemoMarket.investor(1)).post("/listings/" + listing + "/accept", "{}").ok();
        market.tradesOf(listing).forEach(market::settle);
        System.out.println("consent (" + PARTNERSHIP + ", partnership): " + MANAGER + " consented, " + partner(2)
                + " exercised 4000.00 of 10000.00 units, " + DemoMarket.investor(1) + " bought the "
                + resolved.path("unitsLeft").asText() + " left / 合伙制基金：管理人同意，合伙人行使部分优先购买权，投资者购买其余份额");
    }

    /** The statutory default: nobody need consent; every holder waives at once instead of 30 days' silence. */
    private void companyForm() {
        long listing = list(partner(2), COMPANY, DemoMarket.investor(2), "5000.00", "1.1000");
        answer(partner(1), listing, "{\"answer\":\"WAIVE\"}");
        answer(partner(3), listing, "{\"answer\":\"WAIVE\"}");
        market.staff2().post("/listings/" + listing + "/approve", "{}").ok();
        market.person(DemoMarket.investor(2)).post("/listings/" + listing + "/accept", "{}").ok();
        market.tradesOf(listing).forEach(market::settle);
        System.out.println("consent (" + COMPANY + ", company form, statutory default: 30 days, silence = waiver): the demo"
                + " does not wait 30 days, so every holder answered (waived); " + DemoMarket.investor(2) + " bought 5000.00"
                + " units / 公司制基金按法定默认（30 日，逾期视为放弃）：演示不等待 30 日，全部股东已答复放弃");
    }

    /** A FULL custody fund with the manager's terms (the legal form's defaults) and the partners' units deposited. */
    private void fund(String code, String name, String form, String nav, String... units) {
        market.staff1().post("/funds", """
                {"fundCode":"%s","shortName":"%s","manager":"Demo GP Manager 1","strategy":"GROWTH","vintage":2020,
                 "currency":"CNY","legalForm":"%s","custodyMode":"FULL","nav":"%s","navDate":"2026-09-30",
                 "minTransferUnits":"100.00","rightOfFirstRefusal":false,"fundSize":"300000000.00"}"""
                .formatted(code, name, form, nav)).ok();
        for (int p = 1; p <= units.length; p++) {
            market.staff1().post("/deposits", """
                    {"fundCode":"%s","holder":"%s","units":"%s","cost":"%s"}""".formatted(code, partner(p), units[p - 1],
                    units[p - 1])).ok();
        }
        market.script().approve("""
                {"type":"SetTransferTerms","fundCode":"%s","manager":"%s","documentDigest":"%s"}"""
                .formatted(code, MANAGER, DemoMarket.digest("Demo fund agreement of " + code)));
    }

    private long list(String seller, String fund, String buyer, String units, String price) {
        return market.person(seller).post("/listings", """
                {"fundCode":"%s","buyer":"%s","units":"%s","price":"%s"}""".formatted(fund, buyer, units, price))
                .ok().sourceIndex();
    }

    private Participant.Reply answer(String who, long listing, String body) {
        return market.person(who).post("/listings/" + listing + "/notice/answers", body).ok();
    }
}
