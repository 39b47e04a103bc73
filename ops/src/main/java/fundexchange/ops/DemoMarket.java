package fundexchange.ops;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.client.SealedBidBody;
import fundexchange.protocol.reference.PlatformTime;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Seeds a realistic demo market through the signed API and runs every mechanism the exchange has: 20 funds of
 * different strategies and vintages taken into FULL or PARTIAL custody ({@link DemoCustody}), six holders, eight
 * qualified investors and one unqualified, negotiated transfers (one through a right of first refusal, one declined,
 * one withdrawn), non-listed offers negotiated by quote or brokered from an intent ({@link DemoNonListed}), pledges and
 * a judicial freeze ({@link DemoEncumbrances}), an English auction extended by a late bid, a second-price sealed
 * auction, continuous trading settled in the daily batch, settlements, a registration change refused, and rejections
 * provoked on purpose. All labels are synthetic. Every trade settles delivery versus payment through the settlement bank
 * ({@link DemoSettlement}, set by {@link #settleThrough} before the first trade).
 */
final class DemoMarket {
    static final int FUNDS = 20;
    static final int HOLDERS = 6;
    static final int QUALIFIED_INVESTORS = 8;
    static final String UNQUALIFIED = "Investor-09";
    private static final String[] STRATEGIES = {"GROWTH", "BUYOUT", "VENTURE", "SECONDARIES", "INFRASTRUCTURE",
            "HEALTHCARE", "REAL_ESTATE", "MEZZANINE"};
    private static final String[] LEGAL_FORMS = {"PARTNERSHIP", "LLC", "CONTRACTUAL"};
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V"};
    private final URI exchange;
    private final Clock clock;
    private final Participant staff1;
    private final Participant staff2;
    private final NegotiatedTransferScript script;
    private final DemoCustody custody = new DemoCustody(this);
    private final Map<String, Participant> people = new TreeMap<>();
    private final List<String> refusals = new ArrayList<>();
    private final List<DemoKeyFiles.DemoKey> keys = new ArrayList<>();
    private DemoSettlement settlement;
    private PlatformTime platformTime;

    DemoMarket(URI exchange, Clock clock, Participant staff1, Participant staff2) {
        this.exchange = exchange;
        this.clock = clock;
        this.staff1 = staff1;
        this.staff2 = staff2;
        this.script = new NegotiatedTransferScript(staff1, staff2, clock);
    }

    static String fundCode(int i) {
        return "DF%02d".formatted(i);
    }

    static String holderOf(int fund) {
        return "Holder-%02d".formatted((fund - 1) % HOLDERS + 1);
    }

    static String investor(int i) {
        return "Investor-%02d".formatted(i);
    }

    /** NAV per unit of fund {@code i}: 0.80 + 0.07 i, at scale 4. */
    static BigDecimal nav(int i) {
        return new BigDecimal("0.8000").add(new BigDecimal("0.0700").multiply(BigDecimal.valueOf(i)));
    }

    /** What each refused request answered, in order: {@code code message (who, what)}. */
    List<String> refusals() {
        return refusals;
    }

    void seed() {
        for (int h = 1; h <= HOLDERS; h++) {
            join("Holder-%02d".formatted(h), "Demo LP Holder " + h, "HOLDER", h % 3 == 0, false);
        }
        for (int i = 1; i <= QUALIFIED_INVESTORS; i++) {
            join(investor(i), "Demo S Fund Investor " + i, "INVESTOR", i % 4 == 0, true);
        }
        join(UNQUALIFIED, "Demo Individual Investor 9", "INVESTOR", false, false);
        setCalendars();
        for (int i = 1; i <= FUNDS; i++) {
            String strategy = STRATEGIES[(i - 1) % STRATEGIES.length];
            staff1.post("/funds", """
                    {"fundCode":"%s","shortName":"Demo %s Fund %s","manager":"Demo Capital Management %d",
                     "strategy":"%s","vintage":%d,"currency":"%s","legalForm":"%s","custodyMode":"%s",
                     "nav":"%s","navDate":"2026-09-30","minTransferUnits":"100.00","rightOfFirstRefusal":%s,
                     "fundSize":"%d000000.00"}"""
                    .formatted(fundCode(i), title(strategy), ROMAN[(i - 1) / STRATEGIES.length % ROMAN.length], i % 4 + 1,
                            strategy, 2012 + i % 11, i % 7 == 0 ? "USD" : "CNY", LEGAL_FORMS[i % 3],
                            i % 2 == 0 ? "PARTIAL" : "FULL", nav(i).toPlainString(), i % 5 == 0, 200 + 150 * (i % 9))).ok();
            custody.register(i);
        }
    }

    /**
     * The genesis set the State Council's published calendars; for this year and the next, if not among them, staff
     * set the synthetic one ({@link DemoCalendar}: New Year's Day and National Day only), since rules version 4 refuses
     * to count business days in a year without a calendar; rules version 7 takes maker-checker for it
     * (SetOfficialCalendar). A real exchange sets the official one when it is published.
     */
    private void setCalendars() {
        int year = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).getYear();
        for (int y = year; y <= year + 1; y++) {
            if (!DemoCalendar.published(y)) {
                script.approve(DemoCalendar.synthetic(y));
            }
        }
    }

    private void join(String id, String name, String role, boolean sm2, boolean qualified) {
        KeyPair keys = KeyMaterial.generate(sm2 ? SignatureAlgorithm.SM2_SM3 : SignatureAlgorithm.ED25519);
        script.onboard(id, name, role, keys, qualified);
        this.keys.add(new DemoKeyFiles.DemoKey(id, qualified ? role + " (qualified)" : role, id + "-k1", keys));
        people.put(id, new Participant(exchange, id, id + "-k1", keys, clock, "demo").sharing(staff1.position()));
    }

    /** Onboards a participant with several roles (e.g. a partner who is holder and investor), its key among {@link #keys()}. */
    void enrol(String id, String name, List<String> roles, boolean qualified) {
        KeyPair keys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        staff1.post("/participants", """
                {"participantId":"%s","name":"%s","participantType":"INSTITUTION","roles":[%s]}"""
                .formatted(id, name, String.join(",", roles.stream().map(r -> "\"" + r + "\"").toList()))).ok();
        script.approve("{\"type\":\"ApproveParticipant\",\"participantId\":\"" + id + "\"}");
        script.approve("""
                {"type":"RegisterFirstKey","participantId":"%s","keyId":"%s-k1","algorithm":"%s","publicKey":"%s"}"""
                .formatted(id, id, KeyMaterial.algorithmOf(keys.getPublic()).wireName(),
                        java.util.Base64.getEncoder().encodeToString(KeyMaterial.spki(keys.getPublic()))));
        if (qualified) {
            script.approve("""
                    {"type":"SetQualification","participantId":"%s","status":"QUALIFIED","validUntil":"%s"}"""
                    .formatted(id, java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusYears(1)));
        }
        this.keys.add(new DemoKeyFiles.DemoKey(id, String.join("+", roles) + (qualified ? " (qualified)" : ""), id + "-k1", keys));
        people.put(id, new Participant(exchange, id, id + "-k1", keys, clock, "demo").sharing(staff1.position()));
    }

    private static String title(String strategy) {
        String lower = strategy.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** The keys of the participants {@link #seed()} onboarded, in the order onboarded. */
    List<DemoKeyFiles.DemoKey> keys() {
        return List.copyOf(keys);
    }

    /** Every trade settles delivery versus payment through {@code settlement}: set before the first trade. */
    void settleThrough(DemoSettlement settlement) {
        this.settlement = settlement;
    }

    Participant person(String id) {
        return people.get(id);
    }

    Participant staff1() {
        return staff1;
    }

    Participant staff2() {
        return staff2;
    }

    NegotiatedTransferScript script() {
        return script;
    }

    /** The SHA-256 (hex) of a synthetic supporting document: a register, a pledge contract, a court order. */
    static String digest(String document) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Negotiated transfers: plain, through a waived ROFR, declined, withdrawn, and one whose registration change its
     * registrar refuses once the buyer has funded it (the trade fails and unwinds, the buyer's cash is refunded).
     */
    void negotiatedTransfers() {
        settle(negotiate(1, investor(1), "50000.00", "0.8000"));
        long rofr = list(5, investor(2), "30000.00", "1.0500");
        // Rules version 4: staff record the waiver by maker-checker, with its reason (OverrideRofr).
        long override = staff1.post("/proposals", "{\"action\":{\"type\":\"OverrideRofr\",\"listingId\":" + rofr
                + ",\"decision\":\"WAIVED\",\"reason\":\"the other partners waived in writing\"}}").ok().sourceIndex();
        staff2.post("/proposals/" + override + "/approve", "{}").ok();
        settle(accept(rofr, investor(2)));
        long declined = list(7, investor(3), "20000.00", "1.3000");
        staff2.post("/listings/" + declined + "/approve", "{}").ok();
        person(investor(3)).post("/listings/" + declined + "/decline", "{}").ok();
        long withdrawn = list(8, investor(4), "20000.00", "1.3500");
        person(holderOf(8)).post("/listings/" + withdrawn + "/withdraw", "{}").ok();
        settlement().refuse(negotiate(6, investor(5), "40000.00", "1.1000"),
                "the buyer's subscription documents are incomplete");
    }

    /** A non-listed offer negotiated by quote and counters, and an intent brokered into a trade; both settle. */
    void nonListedTrading() {
        DemoNonListed nonListed = new DemoNonListed(this);
        nonListed.quotedOffer();
        nonListed.brokeredIntent();
    }

    /** Two pledges (one released) and a judicial freeze, each with a sale it made impossible. */
    void pledgesAndFreeze() {
        DemoEncumbrances encumbrances = new DemoEncumbrances(this);
        encumbrances.pledges();
        encumbrances.freeze();
    }

    /**
     * Continuous trading of DF11: staff open its book (lot 100 units), the holder rests a sell order, two investors'
     * buys fill it in part at its price, and staff settle the day's fills in the daily batch: through the bank, it
     * first confirms the buyers' cash, the batch funds each buyer's fills, and staff (DF11 has no manager participant)
     * confirm the registration changes.
     */
    void continuousTrading() {
        String fund = fundCode(11);
        staff1.post("/books/" + fund + "/open", "{\"lotUnits\":\"100.00\"}").ok();
        person(holderOf(11)).post("/orders", "{\"fundCode\":\"" + fund
                + "\",\"side\":\"SELL\",\"units\":\"500.00\",\"price\":\"1.5000\"}").ok();
        List<JsonNode> fills = new ArrayList<>();
        fills.add(NegotiatedTransferScript.eventOfType(person(investor(6)).post("/orders", "{\"fundCode\":\"" + fund
                + "\",\"side\":\"BUY\",\"units\":\"300.00\",\"price\":\"1.5000\"}").ok(), "TradeExecuted"));
        fills.add(NegotiatedTransferScript.eventOfType(person(investor(7)).post("/orders", "{\"fundCode\":\"" + fund
                + "\",\"side\":\"BUY\",\"units\":\"100.00\",\"price\":\"1.5200\"}").ok(), "TradeExecuted"));
        List<Long> trades = fills.stream().map(fill -> fill.path("tradeId").asLong()).toList();
        settlement().cover(trades);
        // The batches of the fills' own business dates, not the clock's: a run crossing midnight still settles them.
        for (String tradeDate : new TreeSet<>(fills.stream().map(fill -> fill.path("tradeDate").asText()).toList())) {
            staff1.post("/books/" + fund + "/settle-batch", "{\"businessDate\":\"" + tradeDate + "\"}").ok();
        }
        trades.forEach(settlement()::registerAndPay);
    }

    /** Requests refused on purpose, each for a different rule. */
    void provokedRejections() {
        long toUnqualified = list(9, UNQUALIFIED, "10000.00", "1.4000");
        staff2.post("/listings/" + toUnqualified + "/approve", "{}").ok();
        refuse(UNQUALIFIED, "/listings/" + toUnqualified + "/accept", "{}");
        refuse(investor(1), "/listings/" + toUnqualified + "/accept", "{}");
        refuse(investor(2), "/listings/" + toUnqualified + "/approve", "{}");
        String seller = holderOf(9);
        refuse(seller, "/listings", "{\"fundCode\":\"DF09\",\"buyer\":\"%s\",\"units\":\"50.00\",\"price\":\"1.4000\"}"
                .formatted(investor(1)));
        refuse(seller, "/listings", "{\"fundCode\":\"DF09\",\"buyer\":\"%s\",\"units\":\"900000.00\",\"price\":\"1.4000\"}"
                .formatted(investor(1)));
        refuse(seller, "/listings", "{\"fundCode\":\"DF09\",\"buyer\":\"%s\",\"units\":\"100.00\",\"price\":\"1.4000\",\"expiresAt\":1}"
                .formatted(investor(1)));
    }

    /**
     * An English auction that a late bid extends, and a second-price sealed auction; waits for both ends, then a bid
     * refused after the close fences the reads of their trades.
     */
    void auctions() throws InterruptedException {
        long now = clock.millis();
        Participant englishSeller = person(holderOf(3));
        long english = englishSeller.post("/auctions", """
                {"fundCode":"DF03","mechanism":"ENGLISH","units":"100000.00","startingPrice":"0.8000",
                 "reservePrice":"0.9000","minIncrement":"0.0100","startsAt":%d,"endsAt":%d,
                 "extensionWindowMs":3000,"extensionMs":3000}""".formatted(now, now + 6000)).ok().sourceIndex();
        staff2.post("/listings/" + english + "/approve", "{}").ok();
        long sealed = person(holderOf(4)).post("/auctions", """
                {"fundCode":"DF04","mechanism":"SEALED","units":"80000.00","startingPrice":"0.8000",
                 "reservePrice":"0.9000","startsAt":%d,"endsAt":%d,"secondPrice":true}""".formatted(now, now + 6000))
                .ok().sourceIndex();
        staff2.post("/listings/" + sealed + "/approve", "{}").ok();
        bid(investor(3), english, "0.9000");
        bid(investor(4), english, "0.9500");
        refuse(investor(3), "/listings/" + english + "/bids", "{\"price\":\"0.9550\"}");
        refuse(UNQUALIFIED, "/listings/" + english + "/bids", "{\"price\":\"1.2000\"}");
        // Each sealed bid carries a fresh random nonce from the client (CONTRACTS.md 12).
        long first = person(investor(5)).post("/listings/" + sealed + "/sealed-bids", SealedBidBody.random("1.0000").json())
                .ok().sourceIndex();
        person(investor(5)).post("/bids/" + first + "/amend", SealedBidBody.random("1.0200").json()).ok();
        person(investor(6)).post("/listings/" + sealed + "/sealed-bids", SealedBidBody.random("0.9800").json()).ok();
        person(investor(7)).post("/listings/" + sealed + "/sealed-bids", SealedBidBody.random("0.9500").json()).ok();
        Thread.sleep(Math.max(0, now + 4000 - clock.millis()));
        JsonNode late = NegotiatedTransferScript.eventOfType(bid(investor(3), english, "0.9800"), "BidPlaced");
        System.out.println(extension(english, late.path("endsAt").asLong(), now + 6000, platformTime()));
        awaitClockPast(Math.max(late.path("endsAt").asLong(), now + 6000));
        // Journaled after both ends, so the engine closed both auctions before it (CONTRACTS.md 2): reads at its
        // index see both trades.
        refuse(investor(8), "/listings/" + english + "/bids", "{\"price\":\"1.2000\"}", "a bid after the close");
        settle(tradeOf(english));
        settle(tradeOf(sealed));
    }

    private Participant.Reply bid(String investor, long listing, String price) {
        return person(investor).post("/listings/" + listing + "/bids", "{\"price\":\"" + price + "\"}").ok();
    }

    /** The demo's line for a late bid's extension, its times as people read them (ISO-8601 in the platform zone). */
    static String extension(long listingId, long endsAt, long endedAt, PlatformTime time) {
        return "late bid on listing " + listingId + " extended the auction to " + time.format(endsAt) + " (was "
                + time.format(endedAt) + ") / 迟到的出价使拍卖延长至 " + time.format(endsAt) + "（原为 " + time.format(endedAt) + "）";
    }

    /** The platform zone, as {@code GET /exchange} states it (read once: the demo's one source of its zone). */
    PlatformTime platformTime() {
        if (platformTime == null) {
            platformTime = PlatformTime.of(staff1.get("/exchange").ok().body().path("zone").asText());
        }
        return platformTime;
    }

    /** Waits for the wall clock, which the sequencer stamps commands with, to pass an auction's end. */
    private void awaitClockPast(long end) throws InterruptedException {
        for (long left = end + 1 - clock.millis(); left > 0; left = end + 1 - clock.millis()) {
            Thread.sleep(left);
        }
    }

    /**
     * Every trade of a closed listing (a priority-right holder's and the buyer's), read as staff from the registry at
     * the demo's last write, in trade order.
     */
    List<Long> tradesOf(long listingId) {
        List<Long> trades = new ArrayList<>();
        for (JsonNode transfer : staff1.get("/transfers").ok().body().path("transfers")) {
            if (transfer.path("listingId").asLong() == listingId) {
                trades.add(transfer.path("tradeId").asLong());
            }
        }
        if (trades.isEmpty()) {
            throw new IllegalStateException("listing " + listingId + " made no trade");
        }
        return trades.stream().sorted().toList();
    }

    /** The first trade of a closed listing ({@link #tradesOf}). */
    long tradeOf(long listingId) {
        return tradesOf(listingId).getFirst();
    }

    private long list(int fund, String buyer, String units, String price) {
        return person(holderOf(fund)).post("/listings", """
                {"fundCode":"%s","buyer":"%s","units":"%s","price":"%s"}""".formatted(fundCode(fund), buyer, units, price))
                .ok().sourceIndex();
    }

    private long accept(long listing, String buyer) {
        staff2.post("/listings/" + listing + "/approve", "{}").ok();
        return NegotiatedTransferScript.eventOfType(person(buyer).post("/listings/" + listing + "/accept", "{}").ok(),
                "TradeExecuted").path("tradeId").asLong();
    }

    long negotiate(int fund, String buyer, String units, String price) {
        return accept(list(fund, buyer, units, price), buyer);
    }

    /** Settles a trade delivery versus payment through the bank ({@link DemoSettlement#settle}). */
    void settle(long tradeId) {
        settlement().settle(tradeId);
    }

    /** The demo's settlement path, which {@code exchange demo} (and a test driving the market) sets before any trade. */
    DemoSettlement settlement() {
        if (settlement == null) {
            throw new IllegalStateException("no settlement bank: DemoSettlement.open before the first trade");
        }
        return settlement;
    }

    /** Sends a request that must be refused and records its answer among the refusals. */
    void refuse(String who, String path, String body) {
        refuse(who, path, body, "");
    }

    /** As {@link #refuse(String, String, String)}, noting what the refusal shows ({@code why}, may be empty). */
    void refuse(String who, String path, String body, String why) {
        Participant.Reply reply = person(who).post(path, body);
        if (reply.status() < 300) {
            throw new IllegalStateException("expected " + who + " POST " + path + " to be refused, but it was accepted");
        }
        refusals.add("%d %s: %s (%s POST %s)%s".formatted(reply.status(), reply.body().path("code").asText(),
                reply.body().path("message").asText(), who, path, why.isEmpty() ? "" : " - " + why));
    }
}
