package fundexchange.ops;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.reference.PlatformTime;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * A state-owned holder's auction in the demo (issue 20, SASAC/MOF Order No. 32; docs/rules.md "State-owned holders";
 * the engine's path is the golden {@code state-owned-auction.json}): staff flag Holder-07 state-owned by maker-checker;
 * it registers a filed appraisal of its DF23 units (valid for six months from the platform zone's date); a Dutch
 * auction with a floor under 90% of the appraisal is refused (6107) for want of the approving body's recorded consent;
 * it lists them by English auction at the appraised price, disclosed publicly; two qualified investors bid, so a
 * negotiated sale is refused (6110); after the 20 working days of disclosure the auction closes, the trade settles
 * delivery versus payment (Investor-01 funds it; staff confirm the registration change, DF23 having no manager
 * participant; the bank pays the holder), and the result announcement is published.
 *
 * <p>Twenty working days are weeks of journal time, which the demo cannot wait: the demo's journal starts {@link
 * #headStart} behind the wall clock ({@link DemoClock}), this scene runs first, with the auction ending {@link
 * #AUCTION} after it opens, and the clock then moves forward past the auction's end, to the few days behind the wall
 * clock where the other scenes run ({@link DemoMoney#behind}); the next command
 * finds the end passed and the engine closes the auction before it (CONTRACTS.md 2).
 */
final class DemoStateOwned {
    /**
     * How far back the demo's journal starts, for the clock to stop {@code behind} the wall clock after the auction:
     * the auction's {@link #AUCTION}, that distance, and a day for the seeding before it. The day is also all the
     * journal time between the auction's end and its trade's settlement, well inside its five business days.
     */
    static Duration headStart(Duration behind) {
        return AUCTION.plus(behind).plusDays(1);
    }
    /**
     * The auction's length: 20 working days fit in 40 calendar days around any long holiday (the Spring Festival's
     * nine days off with their make-up working days add about a week to four weeks).
     */
    private static final Duration AUCTION = Duration.ofDays(40);
    static final String HOLDER = "Holder-07";
    static final String FUND = "DF23";
    private final DemoMarket market;
    private final DemoClock clock;
    private final Duration headStart;
    private final Duration behind;

    /**
     * The demo node's options: its sequencer lets the clock jump forward by the head start (plus a day) without halting
     * for an operator's acknowledgement, since {@link DemoClock#catchUp()} is that jump, made on purpose; a real
     * exchange keeps the default bound of a minute.
     */
    static ExchangeNode.Options nodeOptions(Duration headStart) {
        fundexchange.sequencer.SequencerConfig defaults = fundexchange.sequencer.SequencerConfig.DEFAULTS;
        return new ExchangeNode.Options(ExchangeNode.Options.DEFAULTS.checkpointInterval(),
                ExchangeNode.Options.DEFAULTS.snapshotEvery(), new fundexchange.sequencer.SequencerConfig(
                defaults.tickIntervalMs(), headStart.plusDays(1).toMillis(), defaults.queueCapacity()));
    }

    /** The scene on {@code clock}, which starts {@code headStart} and stops {@code behind} the wall clock. */
    DemoStateOwned(DemoMarket market, DemoClock clock, Duration headStart, Duration behind) {
        this.market = market;
        this.clock = clock;
        this.headStart = headStart;
        this.behind = behind;
    }

    void run() {
        market.enrol(HOLDER, "Demo State-Owned LP 7", List.of("HOLDER"), false);
        market.staff1().post("/funds", """
                {"fundCode":"%s","shortName":"Demo State Capital Fund","manager":"Demo Capital Management 2",
                 "strategy":"INFRASTRUCTURE","vintage":2018,"currency":"CNY","legalForm":"CONTRACTUAL",
                 "custodyMode":"FULL","nav":"1.5000","navDate":"2026-09-30","minTransferUnits":"100.00",
                 "rightOfFirstRefusal":false,"fundSize":"500000000.00"}""".formatted(FUND)).ok();
        market.staff1().post("/deposits", """
                {"fundCode":"%s","holder":"%s","units":"500000.00","cost":"400000.00"}""".formatted(FUND, HOLDER)).ok();
        market.script().approve("""
                {"type":"SetStateOwned","participantId":"%s","stateOwned":true,
                 "reason":"a state-owned LP per its SASAC filing (synthetic)"}""".formatted(HOLDER));
        Participant holder = market.person(HOLDER);
        PlatformTime time = market.platformTime();
        LocalDate today = LocalDate.ofInstant(clock.instant(), time.zone());
        holder.post("/appraisals", """
                {"fundCode":"%s","value":"600000.00","units":"500000.00","filingReference":"DEMO-SASAC-F-0001",
                 "validUntil":"%s"}""".formatted(FUND, today.plusMonths(6))).ok();
        long now = clock.millis();
        refuseUnderTheConsentLine(holder, now);
        long listing = holder.post("/auctions", """
                {"fundCode":"%s","mechanism":"ENGLISH","units":"200000.00","startingPrice":"1.2000",
                 "reservePrice":"1.2000","minIncrement":"0.0100","startsAt":%d,"endsAt":%d}"""
                .formatted(FUND, now, now + AUCTION.toMillis())).ok().sourceIndex();
        JsonNode disclosed = NegotiatedTransferScript.eventOfType(
                market.staff2().post("/listings/" + listing + "/approve", "{}").ok(), "DisclosureOpened");
        System.out.println("state-owned (" + FUND + "): staff flagged " + HOLDER + " state-owned (maker-checker); it"
                + " registered a filed appraisal of 1.2000 a unit and listed 200000.00 units by English auction (listing "
                + listing + ") at it, disclosed publicly for 20 working days, no deal before "
                + time.format(disclosed.path("dealsFrom").asLong()) + " / 国有持有人：工作人员经复核将 " + HOLDER
                + " 标记为国有；其登记经备案的评估结果（每份 1.2000），以评估价英式竞价挂牌 200000.00 份，公开披露 20 个工作日，"
                + time.format(disclosed.path("dealsFrom").asLong()) + " 前不得成交");
        bid(DemoMarket.investor(1), listing, "1.2000");
        bid(DemoMarket.investor(2), listing, "1.2500");
        bid(DemoMarket.investor(1), listing, "1.2600");
        market.refuse(HOLDER, "/listings", """
                {"fundCode":"%s","buyer":"%s","units":"100000.00","price":"1.3000"}""".formatted(FUND,
                DemoMarket.investor(2)), "two qualified buyers bid: a negotiated sale is refused, bidding required"
                + " / 已有两名合格投资者出价：协议转让被拒绝，须以竞价转让");
        clock.moveTo(behind);
        if (clock.millis() <= now + AUCTION.toMillis()) {
            throw new IllegalStateException("the demo's clock must pass the state-owned auction's end; start it further back");
        }
        // Journaled after the auction's end, so the engine closed it first: reads at its index see the trade.
        market.refuse(DemoMarket.investor(3), "/listings/" + listing + "/bids", "{\"price\":\"1.3000\"}",
                "a bid after the state-owned auction's close / 国有转让竞价结束后的出价");
        long trade = market.tradeOf(listing);
        market.settle(trade);
        JsonNode result = market.staff1().get("/state-owned/results?fund=" + FUND).ok().body().path("results").path(0);
        System.out.println("state-owned auction of listing " + listing + ": " + DemoMarket.investor(1) + " and "
                + DemoMarket.investor(2) + " bid; it closed at " + result.path("price").asText() + " for "
                + result.path("units").asText() + " units (trade " + trade + ", settled); the result is announced: "
                + result.path("consideration").asText() + " against the appraised " + result.path("appraisedPrice").asText()
                + " a unit / 国有转让竞价结束：成交价 " + result.path("price").asText() + "，已交收，结果已公告（评估价 "
                + result.path("appraisedPrice").asText() + "）");
        System.out.println("the demo's journal began " + headStart.toDays() + " days back so the 20 working days could"
                + " pass; its clock has moved forward to " + behind.toDays() + " days behind the wall clock (the money"
                + " scene catches up) / 演示日志自 " + headStart.toDays() + " 日前开始，以满足 20 个工作日的公开披露期；其时钟现已前移至实际时间前 "
                + behind.toDays() + " 日（资金场景中追上实际时间）");
    }

    /**
     * The reserve rule: a Dutch auction at the appraised price whose floor (1.0000) is under 90% of the appraisal
     * (1.0800) needs the approving body's consent recorded by staff; without it the listing is refused (6107).
     */
    private void refuseUnderTheConsentLine(Participant holder, long now) {
        Participant.Reply reply = holder.post("/auctions", """
                {"fundCode":"%s","mechanism":"DUTCH","units":"200000.00","startingPrice":"1.2000",
                 "reservePrice":"1.0000","minIncrement":"0.0100","stepMs":%d,"startsAt":%d,"endsAt":%d}"""
                .formatted(FUND, Duration.ofDays(1).toMillis(), now, now + AUCTION.toMillis()));
        String code = reply.body().path("code").asText();
        if (reply.status() < 300 || !"6107".equals(code)) {
            throw new IllegalStateException("expected the Dutch floor under 90% of the appraisal to be refused with 6107: "
                    + reply.status() + " " + reply.body());
        }
        System.out.println("state-owned reserve rule: " + HOLDER + "'s Dutch auction of " + FUND + " with a floor of 1.0000,"
                + " under 90% of the appraised 1.2000, without the approving body's recorded consent, is refused: " + code
                + " " + reply.body().path("message").asText() + " / 国有转让底价规则：" + HOLDER + " 以荷兰式竞价挂牌 " + FUND
                + "，底价 1.0000 低于评估价 1.2000 的 90%，未登记批准单位书面同意，被拒绝（" + code + "）");
    }

    private void bid(String investor, long listing, String price) {
        market.person(investor).post("/listings/" + listing + "/bids", "{\"price\":\"" + price + "\"}").ok();
    }
}
