package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fundexchange.protocol.EventDocument;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.command.AcknowledgeEscrowAlarm;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.AssignSuspenseReceipt;
import fundexchange.protocol.command.CorrectCash;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RecordBankStatement;
import fundexchange.protocol.command.RecordCashReceipt;
import fundexchange.protocol.command.RecordPayoutExecuted;
import fundexchange.protocol.command.RecordPayoutReturned;
import fundexchange.protocol.command.RecordUnidentifiedReceipt;
import fundexchange.protocol.command.ReturnSuspenseReceipt;
import fundexchange.protocol.command.WithdrawCash;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.PayoutInstructed;
import fundexchange.protocol.event.UnidentifiedReceiptRecorded;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.reference.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cash conservation over random sequences of cash commands in two currencies (issue 22): receipts, unidentified
 * receipts, withdrawals,
 * payouts executed and returned (of real and made-up instructions), statements that match or not, repeated bank
 * references, and staff's assignments, returns, acknowledgements and corrections by maker-checker. After every
 * document the {@link Invariants} hold (escrow = confirmed receipts - executed payouts per currency, no negative
 * balance, locked = pending payouts, suspense = its open receipts), the balances equal a naive model fed from the
 * accepted commands (not the events), no command fails internally, and a replay from the start and from a snapshot
 * taken mid-run gives the same documents and hash.
 * Seeded, so a failure names its sequence.
 */
class CashConservationPropertyTest {
    private static final List<String> ACCOUNT_HOLDERS = List.of("Holder-01", "Investor-07", "Investor-08");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 17, 42, 2026})
    void randomCashSequencesConserveCash(long seed) {
        Random random = new Random(seed);
        Market m = new Market().participant("Holder-01", Role.HOLDER).participant("Investor-07", Role.INVESTOR)
                .participant("Investor-08", Role.INVESTOR).participant("Bank-01", Role.BANK).fund("DGF3", false);
        Market.accepted(m.s.by("Staff-01", new fundexchange.protocol.command.RegisterFund("USF1", "Demo Dollar Fund I",
                "Demo Capital Management", "GROWTH", 2020, "USD", fundexchange.protocol.reference.LegalForm.PARTNERSHIP,
                fundexchange.protocol.reference.CustodyMode.FULL, null, fundexchange.protocol.money.Price.of("1.0000"),
                "2026-09-30", fundexchange.protocol.money.Units.of("100.00"), false)));
        Model model = new Model();
        EngineSnapshot snapshot = null;
        int cut = 0;
        List<Long> instructions = new ArrayList<>();
        List<String> receipts = new ArrayList<>();
        List<Long> alarms = new ArrayList<>();
        List<String> references = new ArrayList<>();
        java.util.TreeSet<String> happened = new java.util.TreeSet<>();
        for (int step = 0; step < 400; step++) {
            String reference = random.nextInt(10) == 0 && !references.isEmpty()
                    ? references.get(random.nextInt(references.size())) : "REF-" + seed + "-" + step;
            references.add(reference);
            String holder = ACCOUNT_HOLDERS.get(random.nextInt(ACCOUNT_HOLDERS.size()));
            Money amount = new Money(1 + random.nextInt(100_000));
            String currency = random.nextInt(3) == 0 ? "USD" : "CNY";
            if (step == 200) {
                snapshot = m.s.engine.snapshot();
                cut = m.s.journal.size();
            }
            model.withdrawer = holder;
            Object[] made = new Object[1];
            EventDocument doc = switch (random.nextInt(9)) {
                case 0, 1 -> m.s.by("Bank-01", keep(made, new RecordCashReceipt(holder, currency, amount, reference,
                        today(m))));
                case 2 -> m.s.by("Bank-01", keep(made, new RecordUnidentifiedReceipt(currency, amount, reference,
                        today(m), null)));
                case 3 -> m.s.by(holder, keep(made, new WithdrawCash(currency, amount)));
                case 4 -> m.s.by("Bank-01", keep(made, new RecordPayoutExecuted(pick(random, instructions, 4096L),
                        reference, today(m))));
                case 5 -> m.s.by("Bank-01", keep(made, new RecordPayoutReturned(pick(random, instructions, 4096L),
                        reference, today(m), "returned")));
                case 6 -> {
                    Money escrow = m.s.engine.state().cash.escrow(currency);
                    m.s.advance(86_400_000L); // one statement a day
                    String yesterday = java.time.Instant.ofEpochMilli(m.s.time).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                            .toLocalDate().minusDays(1).toString();
                    yield m.s.by("Bank-01", new RecordBankStatement(currency, yesterday, random.nextBoolean() ? escrow
                            : amount, reference));
                }
                case 7 -> staff(m, made, random.nextInt(3) == 0
                        ? new ReturnSuspenseReceipt(pick(random, receipts, "none"), "r")
                        : random.nextBoolean() ? new AssignSuspenseReceipt(pick(random, receipts, "none"), holder, "r")
                        : new AcknowledgeEscrowAlarm(pick(random, alarms, 1L), "r"));
                default -> staff(m, made, new CorrectCash(currency, random.nextBoolean() ? AccountRef.SUSPENSE
                        : AccountRef.participant(holder), random.nextBoolean() ? AccountRef.REVENUE
                        : AccountRef.participant(ACCOUNT_HOLDERS.get(random.nextInt(3))), amount, "r"));
            };
            if (Engine.succeeded(doc.outcome()) && made[0] != null) {
                model.accepted(made[0], doc.sourceIndex());
            }
            model.check(m.s.engine.state().cash, () -> "seed " + seed + " after index " + doc.sourceIndex());
            assertNotEquals(RejectCode.INTERNAL.code(), doc.outcome().code(), () -> "seed " + seed + ": " + doc);
            for (Event event : doc.events()) {
                happened.add(event.getClass().getSimpleName());
                if (event instanceof PayoutInstructed p) {
                    instructions.add(p.instructionId());
                } else if (event instanceof UnidentifiedReceiptRecorded u) {
                    receipts.add(u.bankReference());
                } else if (event instanceof fundexchange.protocol.event.EscrowMismatchRaised a) {
                    alarms.add(a.alarmId());
                }
            }
        }
        m.replayCheckingInvariants();
        replayedDocumentsAgree(m, Engine.restore(snapshot), cut, seed);
        replayedDocumentsAgree(m, new Engine(), 0, seed);
        // The sequence did exercise every cash event, not only refusals.
        org.junit.jupiter.api.Assertions.assertTrue(happened.containsAll(List.of("CashReceived",
                "UnidentifiedReceiptRecorded", "SuspenseAssigned", "PayoutInstructed", "PayoutExecuted", "PayoutReturned",
                "BankStatementRecorded", "EscrowMismatchRaised", "EscrowMismatchAcknowledged", "CashCorrected")),
                () -> "seed " + seed + " exercised only " + happened);
    }

    private static final List<String> BIDDERS = List.of("Investor-07", "Investor-08", "Investor-09");

    /**
     * Bid deposits (rules version 8) in random auctions: English, sealed and Dutch listings with no deposit, a fixed
     * one or a share; bids, sealed amendments and cancellations, Dutch acceptances, withdrawals, closes by time,
     * receipts, withdrawals of cash and the bank's payouts. After every document each participant's cash (available
     * plus locked) equals what the bank confirmed for it less what it paid out (deposits move cash between available
     * and locked, never between participants), and at the end the {@link Invariants} hold after every step of a replay
     * (locked cash = pending payouts + deposits on live listings + deposits held for trades), a replay from a snapshot
     * agrees, and every deposit event and the refusal for want of a deposit happened.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 5})
    void randomAuctionsWithDepositsConserveCash(long seed) {
        Random random = new Random(seed);
        Market m = new Market().participant("Holder-01", Role.HOLDER).participant("Investor-07", Role.INVESTOR)
                .participant("Investor-08", Role.INVESTOR).participant("Investor-09", Role.INVESTOR)
                .participant("Bank-01", Role.BANK).fund("DGF3", false).deposit("DGF3", "Holder-01", "10000000.00",
                        "10000000.00");
        java.util.TreeMap<String, Long> confirmed = new java.util.TreeMap<>();
        java.util.TreeMap<Long, String> instructions = new java.util.TreeMap<>();
        java.util.TreeMap<Long, fundexchange.protocol.listing.ListingMechanism> listings = new java.util.TreeMap<>();
        java.util.TreeMap<Long, String> sealedBids = new java.util.TreeMap<>();
        java.util.TreeSet<String> happened = new java.util.TreeSet<>();
        EngineSnapshot snapshot = null;
        int cut = 0;
        int nonces = 0;
        for (int step = 0; step < 300; step++) {
            if (step == 150) {
                snapshot = m.s.engine.snapshot();
                cut = m.s.journal.size();
            }
            String bidder = BIDDERS.get(random.nextInt(BIDDERS.size()));
            Long listing = listings.isEmpty() ? null : new ArrayList<>(listings.keySet()).get(random.nextInt(listings.size()));
            Money amount = new Money(100 * (1 + random.nextInt(5_000)));
            fundexchange.protocol.money.Price price = fundexchange.protocol.money.Price.of("1." + (1000 + random.nextInt(9000)));
            int before = m.s.documents.size();
            EventDocument doc = switch (random.nextInt(10)) {
                case 0 -> m.s.by("Bank-01", new RecordCashReceipt(bidder, "CNY", amount, "D-" + seed + "-" + step,
                        today(m)));
                case 1 -> m.s.by(bidder, new WithdrawCash("CNY", new Money(amount.raw() / 4)));
                case 2 -> instructions.isEmpty() ? m.s.by(bidder, new WithdrawCash("CNY", Money.of("0.01")))
                        : m.s.by("Bank-01", new RecordPayoutExecuted(instructions.firstKey(), "P-" + seed + "-" + step,
                        today(m)));
                case 3 -> {
                    EventDocument listed = m.s.by("Holder-01", randomAuction(random, m.s.time));
                    if (Engine.succeeded(listed.outcome())) {
                        m.s.by("Staff-02", new fundexchange.protocol.command.ApproveListing(listed.sourceIndex()));
                    }
                    yield listed;
                }
                case 4, 5, 6 -> {
                    if (listing == null) {
                        yield m.s.by(bidder, new WithdrawCash("CNY", Money.of("0.01")));
                    }
                    yield switch (listings.get(listing)) {
                        case SEALED -> {
                            String nonce = String.format("%064x", ++nonces);
                            String own = sealedBids.get(listing * 10 + BIDDERS.indexOf(bidder));
                            if (own == null || random.nextInt(3) == 0) {
                                yield m.s.by(bidder, new fundexchange.protocol.command.PlaceSealedBid(listing, price, nonce));
                            }
                            long bidId = Long.parseLong(own);
                            yield random.nextBoolean() ? m.s.by(bidder, new fundexchange.protocol.command.CancelBid(bidId))
                                    : m.s.by(bidder, new fundexchange.protocol.command.AmendSealedBid(bidId, price, nonce));
                        }
                        case DUTCH -> m.s.by(bidder, new fundexchange.protocol.command.PlaceBid(listing,
                                fundexchange.protocol.money.Price.of("2.0000"),
                                fundexchange.protocol.money.Units.of((100 * (1 + random.nextInt(20))) + ".00")));
                        default -> m.s.by(bidder, new fundexchange.protocol.command.PlaceBid(listing, price, null));
                    };
                }
                case 7 -> listing == null ? m.s.by("Holder-01", new WithdrawCash("CNY", Money.of("0.01")))
                        : m.s.by("Holder-01", new fundexchange.protocol.command.WithdrawListing(listing));
                default -> {
                    m.s.advance(600_000L + random.nextInt(3_000_000));
                    yield m.s.by(bidder, new WithdrawCash("CNY", Money.of("0.01")));
                }
            };
            assertNotEquals(RejectCode.INTERNAL.code(), doc.outcome().code(), () -> "seed " + seed + ": " + doc);
            if (doc.outcome().code() == RejectCode.DEPOSIT_NOT_AVAILABLE.code()) {
                happened.add("refused " + RejectCode.DEPOSIT_NOT_AVAILABLE.code());
            }
            for (EventDocument d : m.s.documents.subList(before, m.s.documents.size())) {
                for (Event event : d.events()) {
                    happened.add(event.getClass().getSimpleName());
                    switch (event) {
                        case fundexchange.protocol.event.CashReceived e -> confirmed.merge(e.participantId(),
                                e.amount().raw(), Math::addExact);
                        case fundexchange.protocol.event.PayoutExecuted e -> confirmed.merge(
                                e.account().participantId(), -e.amount().raw(), Math::addExact);
                        case PayoutInstructed e -> instructions.put(e.instructionId(), e.account().participantId());
                        case fundexchange.protocol.event.ListingSubmitted e -> listings.put(e.listingId(), e.mechanism());
                        case fundexchange.protocol.event.SealedBidPlaced e -> sealedBids.put(
                                e.listingId() * 10 + BIDDERS.indexOf(e.bidder()), Long.toString(e.bidId()));
                        case fundexchange.protocol.event.BidCancelled e -> sealedBids.remove(
                                e.listingId() * 10 + BIDDERS.indexOf(e.bidder()));
                        case fundexchange.protocol.event.ListingExpired e -> listings.remove(e.listingId());
                        case fundexchange.protocol.event.ListingWithdrawn e -> listings.remove(e.listingId());
                        case fundexchange.protocol.event.ListingCancelled e -> listings.remove(e.listingId());
                        case fundexchange.protocol.event.AuctionClosed e -> listings.remove(e.listingId());
                        default -> { }
                    }
                    if (event instanceof fundexchange.protocol.event.PayoutExecuted e) {
                        instructions.remove(e.instructionId());
                    }
                }
            }
            fundexchange.engine.cash.CashLedger ledger = m.s.engine.state().cash;
            for (String participant : BIDDERS) {
                long held = ledger.balance("CNY", AccountRef.participant(participant)).total().raw();
                assertEquals(confirmed.getOrDefault(participant, 0L), held,
                        "seed " + seed + ": " + participant + "'s cash after index " + doc.sourceIndex());
            }
        }
        m.replayCheckingInvariants();
        replayedDocumentsAgree(m, Engine.restore(snapshot), cut, seed);
        org.junit.jupiter.api.Assertions.assertTrue(happened.containsAll(List.of("DepositLocked", "DepositReleased",
                "DepositHeldForTrade", "refused 8037")), () -> "seed " + seed + " exercised only " + happened);
    }

    /** An auction starting now: a random mechanism, lot, one hour or more, and no deposit, a fixed one or a share. */
    private static fundexchange.protocol.command.ListAuction randomAuction(Random random, long now) {
        var mechanism = fundexchange.protocol.listing.ListingMechanism.values()[random.nextInt(3)];
        var units = fundexchange.protocol.money.Units.of((100 * (10 + random.nextInt(50))) + ".00");
        var start = fundexchange.protocol.money.Price.of("1.0000");
        int kind = random.nextInt(3);
        Money fixed = kind == 1 ? new Money(100 * (1 + random.nextInt(1_000))) : null;
        Integer share = kind == 2 ? random.nextInt(3_000) : null;
        long end = now + 3_600_000L + random.nextInt(7_200_000);
        return switch (mechanism) {
            case ENGLISH -> new fundexchange.protocol.command.ListAuction("DGF3", mechanism, units, start,
                    fundexchange.protocol.money.Price.of("1.2000"), fundexchange.protocol.money.Price.of("0.0100"), now,
                    end, null, null, false, null, fixed, share);
            case SEALED -> new fundexchange.protocol.command.ListAuction("DGF3", mechanism, units, start,
                    fundexchange.protocol.money.Price.of("1.2000"), null, now, end, null, null, random.nextBoolean(),
                    null, fixed, share);
            default -> new fundexchange.protocol.command.ListAuction("DGF3", mechanism, units,
                    fundexchange.protocol.money.Price.of("2.0000"), start, fundexchange.protocol.money.Price.of("0.0500"),
                    now, end, null, null, false, 600_000L, fixed, share);
        };
    }

    /**
     * Delivery versus payment over random markets (rules version 9, units at funding): receipts, negotiated trades of random size and
     * price, fundings (whole, partial, none), registration changes confirmed or refused, payouts executed, withdrawals,
     * and days passing so settlement and registration deadlines fire. After the run the {@link Invariants} hold after
     * every document of a replay (locked cash = payout instructions + trade funding; escrow = receipts - payouts), and
     * each account's total equals a model fed only with the amounts of the bank's confirmations and of the trades
     * (consideration and fees) by their outcome: a funded trade moves consideration plus the buyer's fee from the
     * buyer, consideration less the seller's fee to the seller and both fees to REVENUE, locked until the registration
     * change; an unwind moves them back; a trade failed unfunded moves nothing. The invariants also hold the units:
     * conserved per fund, the delivered ones locked with their buyers pending registration.
     */
    @ParameterizedTest
    @ValueSource(longs = {5, 8, 22, 99})
    void randomMarketsWithTradesFundedPartlyOrNotConserveCash(long seed) {
        randomMarketWithTrades(seed, new Market(), List.of("TradeFundingLocked", "TradeFunded", "TradeUnitsDelivered",
                "TradeProceedsLocked", "TradeProceedsReleased", "TradeUnitsReturned", "TradeProceedsReturned",
                "TradeFundingReleased", "RegistrationRefused", "PayoutExecuted"));
    }

    /** The same under rules version 8, whose units and cash move only at the registration change. */
    @ParameterizedTest
    @ValueSource(longs = {5, 22})
    void aVersionEightJournalOfRandomTradesConservesCashMovingItAtTheRegistrationChange(long seed) {
        randomMarketWithTrades(seed, Market.withCalendars(fundexchange.protocol.RulesVersion.DELIVERY_VERSUS_PAYMENT),
                List.of("TradeFundingLocked", "TradeFunded", "TradeCashSettled", "TradeFundingReleased",
                        "RegistrationRefused", "PayoutExecuted"));
    }

    private void randomMarketWithTrades(long seed, Market base, List<String> mustHappen) {
        Random random = new Random(seed);
        Market m = base.participant("Holder-01", Role.HOLDER).participant("Investor-07", Role.INVESTOR)
                .participant("Investor-08", Role.INVESTOR).participant("Bank-01", Role.BANK).fund("DGF3", false)
                .deposit("DGF3", "Holder-01", "10000000.00", "10000000.00");
        java.util.TreeMap<String, Long> expected = new java.util.TreeMap<>();
        java.util.TreeMap<Long, fundexchange.protocol.event.TradeExecuted> trades = new java.util.TreeMap<>();
        java.util.TreeMap<Long, fundexchange.protocol.event.PayoutInstructed> payouts = new java.util.TreeMap<>();
        java.util.TreeSet<String> happened = new java.util.TreeSet<>();
        List<String> investors = List.of("Investor-07", "Investor-08");
        for (int step = 0; step < 250; step++) {
            String investor = investors.get(random.nextInt(2));
            List<Long> open = new ArrayList<>(trades.keySet());
            long someTrade = open.isEmpty() ? 1L : open.get(random.nextInt(open.size()));
            List<EventDocument> docs = new ArrayList<>();
            switch (random.nextInt(10)) {
                case 0, 1 -> {
                    Money amount = new Money(100_00 + random.nextInt(30_000_000));
                    EventDocument doc = m.s.by("Bank-01", new RecordCashReceipt(investor, "CNY", amount,
                            "R-" + seed + "-" + step, today(m)));
                    if (Engine.succeeded(doc.outcome())) {
                        expected.merge(investor, amount.raw(), Math::addExact);
                    }
                    docs.add(doc);
                }
                case 2, 3 -> {
                    fundexchange.protocol.money.Units units = new fundexchange.protocol.money.Units(
                            (1 + random.nextInt(200)) * 100_00L);
                    fundexchange.protocol.money.Price price = new fundexchange.protocol.money.Price(
                            5_000 + random.nextInt(15_000));
                    EventDocument listed = m.s.by("Holder-01", new fundexchange.protocol.command.ListNegotiated("DGF3",
                            investor, units, price, 0));
                    docs.add(listed);
                    if (Engine.succeeded(listed.outcome())) {
                        docs.add(m.s.by("Staff-02", new fundexchange.protocol.command.ApproveListing(listed.sourceIndex())));
                        docs.add(m.s.by(investor, new fundexchange.protocol.command.AcceptListing(listed.sourceIndex())));
                    }
                }
                case 4, 5 -> {
                    var trade = trades.get(someTrade);
                    docs.add(m.s.by(trade == null ? investor : trade.buyer(),
                            new fundexchange.protocol.command.FundTrade(someTrade)));
                }
                case 6 -> docs.add(m.s.by("Staff-01", random.nextInt(4) == 0
                        ? new fundexchange.protocol.command.RefuseRegistration(someTrade, "not registered")
                        : new fundexchange.protocol.command.ConfirmRegistration(someTrade)));
                case 7 -> {
                    List<Long> pendingPayouts = new ArrayList<>(payouts.keySet());
                    if (!pendingPayouts.isEmpty()) {
                        long id = pendingPayouts.get(random.nextInt(pendingPayouts.size()));
                        EventDocument doc = m.s.by("Bank-01", new RecordPayoutExecuted(id, "P-" + seed + "-" + step,
                                today(m)));
                        if (Engine.succeeded(doc.outcome())) {
                            var paid = payouts.remove(id);
                            expected.merge(paid.account().participantId(), -paid.amount().raw(), Math::addExact);
                        }
                        docs.add(doc);
                    }
                }
                case 8 -> docs.add(m.s.by(investor, new WithdrawCash("CNY", new Money(1 + random.nextInt(5_000_000)))));
                default -> {
                    m.s.advance((1 + random.nextInt(3)) * 86_400_000L);
                    docs.add(m.s.unsigned(new fundexchange.protocol.command.Tick()).last);
                }
            }
            for (EventDocument doc : docs) {
                assertNotEquals(RejectCode.INTERNAL.code(), doc.outcome().code(), () -> "seed " + seed + ": " + doc);
                for (Event event : doc.events()) {
                    happened.add(event.getClass().getSimpleName());
                    switch (event) {
                        case fundexchange.protocol.event.TradeExecuted t -> trades.put(t.tradeId(), t);
                        // Rules version 9: the cash leaves the buyer at funding, with the units, and an unwind
                        // gives it back; the registration change then moves nothing more. The amounts come from
                        // the trade as executed, never from the events under test, so a wrong amount is caught.
                        case fundexchange.protocol.event.TradeProceedsLocked t -> {
                            var trade = trades.get(t.tradeId());
                            Money proceeds = trade.consideration().minus(trade.sellerFee());
                            Money fees = trade.buyerFee().plus(trade.sellerFee());
                            expected.merge(trade.buyer(), -proceeds.plus(fees).raw(), Math::addExact);
                            expected.merge(trade.seller(), proceeds.raw(), Math::addExact);
                            expected.merge("REVENUE", fees.raw(), Math::addExact);
                        }
                        case fundexchange.protocol.event.TradeProceedsReturned t -> {
                            var trade = trades.get(t.tradeId());
                            Money proceeds = trade.consideration().minus(trade.sellerFee());
                            Money fees = trade.buyerFee().plus(trade.sellerFee());
                            expected.merge(trade.buyer(), proceeds.plus(fees).raw(), Math::addExact);
                            expected.merge(trade.seller(), -proceeds.raw(), Math::addExact);
                            expected.merge("REVENUE", -fees.raw(), Math::addExact);
                        }
                        case fundexchange.protocol.event.TradeSettled t when t.delivered() -> trades.remove(t.tradeId());
                        case fundexchange.protocol.event.TradeSettled t -> {
                            var trade = trades.remove(t.tradeId());
                            expected.merge(trade.buyer(), -trade.consideration().plus(trade.buyerFee()).raw(),
                                    Math::addExact);
                            expected.merge(trade.seller(), trade.consideration().minus(trade.sellerFee()).raw(),
                                    Math::addExact);
                            expected.merge("REVENUE", trade.buyerFee().plus(trade.sellerFee()).raw(), Math::addExact);
                        }
                        case fundexchange.protocol.event.TradeFailed t -> trades.remove(t.tradeId());
                        case PayoutInstructed p -> payouts.put(p.instructionId(), p);
                        default -> { }
                    }
                }
            }
            java.util.TreeMap<String, Long> actual = new java.util.TreeMap<>();
            for (var b : m.s.engine.state().cash.accountsOf("CNY").values()) {
                String owner = b.account().participantId() == null ? b.account().kind().name() : b.account().participantId();
                if (b.total().raw() != 0) {
                    actual.put(owner, b.total().raw());
                }
            }
            expected.values().removeIf(v -> v == 0);
            assertEquals(expected, actual, "seed " + seed + " after step " + step);
        }
        m.replayCheckingInvariants(); // every document again, the invariants after each, the same state hash
        org.junit.jupiter.api.Assertions.assertTrue(happened.containsAll(mustHappen),
                () -> "seed " + seed + " exercised only " + happened);
    }

    /**
     * Staff-01 proposes, Staff-02 approves (when the proposal was accepted); the approval's document, with the action
     * in {@code made} (the model applies it when the approval is accepted).
     */
    private static EventDocument staff(Market m, Object[] made,
                                       fundexchange.protocol.command.SensitiveAction action) {
        EventDocument proposal = m.s.by("Staff-01", new Propose(action));
        if (!Engine.succeeded(proposal.outcome())) {
            return proposal;
        }
        EventDocument approval = m.s.by("Staff-02", new ApproveProposal(proposal.sourceIndex()));
        made[0] = new Decided(action);
        return approval;
    }

    private static <C> C keep(Object[] made, C command) {
        made[0] = command;
        return command;
    }

    /** A sensitive action the model applies once approved. */
    private record Decided(fundexchange.protocol.command.SensitiveAction action) {
    }

    /**
     * Applies the journal from {@code from} (the records after a snapshot, or all) to {@code engine}, asserting each
     * document equals the one the run wrote, and the final state hash.
     */
    private static void replayedDocumentsAgree(Market m, Engine engine, int from, long seed) {
        java.util.Map<Long, EventDocument> written = new java.util.HashMap<>();
        m.s.documents.forEach(d -> written.put(d.sourceIndex(), d));
        for (int i = from; i < m.s.journal.size(); i++) {
            EventDocument again = engine.apply(m.s.journal.get(i));
            if (i > 0) { // the genesis is the scenario's own, not submitted; the hash covers it
                assertEquals(written.get(again.sourceIndex()), again, "seed " + seed + ": document of index "
                        + again.sourceIndex() + " replayed from index " + from);
            }
        }
        assertEquals(m.s.engine.stateHash(), engine.stateHash(), "seed " + seed + ": state hash replayed from " + from);
    }

    /**
     * A naive reference model of the balances, updated from the accepted commands themselves (never from the
     * events): available and locked per currency and account, the pending instructions and the open receipts.
     */
    private static final class Model {
        private final java.util.TreeMap<String, long[]> balances = new java.util.TreeMap<>();
        private final java.util.TreeMap<Long, Object[]> pending = new java.util.TreeMap<>();
        private final java.util.TreeMap<String, Object[]> receipts = new java.util.TreeMap<>();

        private long[] of(String currency, AccountRef account) {
            return balances.computeIfAbsent(currency + " " + account, k -> new long[2]);
        }

        void accepted(Object command, long index) {
            switch (command) {
                case RecordCashReceipt c -> of(c.currency(), AccountRef.participant(c.participantId()))[0]
                        += c.amount().raw();
                case RecordUnidentifiedReceipt c -> {
                    of(c.currency(), AccountRef.SUSPENSE)[0] += c.amount().raw();
                    receipts.put(c.bankReference(), new Object[] {c.currency(), c.amount().raw()});
                }
                case WithdrawCash c -> lock(index * 4096, c.currency(), AccountRef.participant(holderOf(index)),
                        c.amount().raw(), null);
                case RecordPayoutExecuted c -> {
                    Object[] i = pending.remove(c.instructionId());
                    of((String) i[1], (AccountRef) i[0])[1] -= (long) i[2];
                }
                case RecordPayoutReturned c -> {
                    Object[] i = pending.remove(c.instructionId());
                    long[] b = of((String) i[1], (AccountRef) i[0]);
                    b[1] -= (long) i[2];
                    b[0] += (long) i[2];
                    if (i[3] != null) {
                        receipts.put((String) i[3], new Object[] {i[1], i[2]});
                    }
                }
                case Decided d -> decided(d.action(), index);
                default -> { }
            }
        }

        /** The withdrawing participant: set by the test before {@link #accepted} (the command does not name it). */
        private String withdrawer;

        private String holderOf(long index) {
            return withdrawer;
        }

        private void decided(fundexchange.protocol.command.SensitiveAction action, long index) {
            switch (action) {
                case AssignSuspenseReceipt a -> {
                    Object[] r = receipts.remove(a.bankReference());
                    of((String) r[0], AccountRef.SUSPENSE)[0] -= (long) r[1];
                    of((String) r[0], AccountRef.participant(a.participantId()))[0] += (long) r[1];
                }
                case ReturnSuspenseReceipt a -> {
                    Object[] r = receipts.remove(a.bankReference());
                    lock(index * 4096, (String) r[0], AccountRef.SUSPENSE, (long) r[1], a.bankReference());
                }
                case CorrectCash c -> {
                    of(c.currency(), c.from())[0] -= c.amount().raw();
                    of(c.currency(), c.to())[0] += c.amount().raw();
                }
                default -> { }
            }
        }

        private void lock(long id, String currency, AccountRef account, long amount, String receipt) {
            long[] b = of(currency, account);
            b[0] -= amount;
            b[1] += amount;
            pending.put(id, new Object[] {account, currency, amount, receipt});
        }

        void check(fundexchange.engine.cash.CashLedger ledger, java.util.function.Supplier<String> where) {
            java.util.TreeMap<String, String> expected = new java.util.TreeMap<>();
            balances.forEach((k, b) -> {
                if (b[0] != 0 || b[1] != 0) {
                    expected.put(k, b[0] + "/" + b[1]);
                }
            });
            java.util.TreeMap<String, String> actual = new java.util.TreeMap<>();
            for (String currency : ledger.currencies()) {
                ledger.accountsOf(currency).values().forEach(b -> {
                    if (b.available().raw() != 0 || b.locked().raw() != 0) {
                        actual.put(currency + " " + b.account(), b.available().raw() + "/" + b.locked().raw());
                    }
                });
            }
            assertEquals(expected, actual, where);
        }
    }

    /** The scenario's business date in Shanghai now. */
    private static String today(Market m) {
        return java.time.Instant.ofEpochMilli(m.s.time).atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate()
                .toString();
    }

    private static <T> T pick(Random random, List<T> from, T otherwise) {
        return from.isEmpty() || random.nextInt(8) == 0 ? otherwise : from.get(random.nextInt(from.size()));
    }
}
