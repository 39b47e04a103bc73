package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.command.AcceptMatch;
import fundexchange.protocol.command.AcceptQuote;
import fundexchange.protocol.command.AmendIntent;
import fundexchange.protocol.command.BrokerMatch;
import fundexchange.protocol.command.CancelIntent;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.CounterQuote;
import fundexchange.protocol.command.PostIntent;
import fundexchange.protocol.command.PostOffer;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.SubmitQuote;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.command.UpdateNav;
import fundexchange.protocol.command.WithdrawOffer;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.MatchProposed;
import fundexchange.protocol.event.OfferPosted;
import fundexchange.protocol.event.QuoteSubmitted;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.intent.IntentCriteria;
import fundexchange.protocol.intent.OfferVisibility;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A seeded random market of offers, intents, quotes, proposals and brokering, then: a replay reproduces every
 * document (so the same proposals) and the state hash, and a snapshot restored (through JSON) at several points replays
 * the rest to the same documents and hash.
 */
class IntentReplayTest {
    private static final String[] HOLDERS = {"Holder-01", "Holder-02", "Holder-03"};
    private static final String[] INVESTORS = {"Investor-01", "Investor-02", "Investor-03", "Investor-04", "Investor-05"};
    private static final String[] FUNDS = {"GRW1", "BYT1", "VEN1"};

    @Test
    void replayAndSnapshotRestoreReproduceTheSameProposalsAndStateHash() {
        RandomMarket market = randomMarket();
        Market m = market.market();
        Scenario s = m.s;
        int firstRandom = market.firstRandom();
        assertTrue(market.proposals() > 50 && market.trades() > 1,
                "the random market proposed " + market.proposals() + " matches and made " + market.trades() + " trades");

        Engine replay = new Engine();
        for (int i = 0; i < s.journal.size(); i++) {
            EventDocument original = replay.apply(JournalCodec.readCommand(JournalCodec.write(s.journal.get(i))));
            assertEquals(documentAt(s, i), original, "document of index " + (i + 1) + " on replay");
        }
        assertEquals(s.engine.stateHash(), replay.stateHash());
        m.replayCheckingInvariants();

        for (int cut : new int[] {firstRandom, firstRandom + 100, firstRandom + 250, s.journal.size() - 1}) {
            Engine upTo = new Engine();
            for (int i = 0; i < cut; i++) {
                upTo.apply(s.journal.get(i));
            }
            EngineSnapshot snapshot = JournalCodec.read(JournalCodec.write(upTo.snapshot()), EngineSnapshot.class);
            Engine restored = Engine.restore(snapshot);
            assertEquals(upTo.stateHash(), restored.stateHash(), "restored at index " + cut);
            for (int i = cut; i < s.journal.size(); i++) {
                assertEquals(documentAt(s, i), restored.apply(s.journal.get(i)), "index " + (i + 1) + " after restoring at " + cut);
            }
            assertEquals(s.engine.stateHash(), restored.stateHash(), "final hash after restoring at " + cut);
        }
    }

    /** The seeded market: its first random command's journal size, and the matches it proposed and trades it made. */
    record RandomMarket(Market market, int firstRandom, int proposals, int trades) {
    }

    /** Onboards holders, investors and funds, then runs 400 seeded random commands of intent matching. */
    static RandomMarket randomMarket() {
        Market m = new Market();
        for (String holder : HOLDERS) {
            m.participant(holder, Role.HOLDER);
        }
        for (String investor : INVESTORS) {
            m.participant(investor, Role.INVESTOR);
        }
        String[] strategies = {"GROWTH", "BUYOUT", "VENTURE"};
        for (int i = 0; i < FUNDS.length; i++) {
            m.ok("Staff-01", new RegisterFund(FUNDS[i], "Fund " + FUNDS[i], "Manager", strategies[i], 2018 + i, "CNY",
                    LegalForm.CONTRACTUAL, CustodyMode.PARTIAL, null, Price.of("1.0000"), "2026-09-30", Units.of("10.00"), false));
            for (String holder : HOLDERS) {
                m.deposit(FUNDS[i], holder, "100000.00", "80000.00");
            }
        }
        Scenario s = m.s;
        int firstRandom = s.journal.size();
        Random random = new Random(20261117);
        List<Long> offers = new ArrayList<>();
        List<long[]> intents = new ArrayList<>();  // {id, investor index}
        List<Long> quotes = new ArrayList<>();
        List<Long> matches = new ArrayList<>();
        int proposals = 0;
        int trades = 0;
        for (int step = 0; step < 400; step++) {
            s.advance(random.nextInt(5) == 0 ? 3_600_000 : 1_000);
            int kind = random.nextInt(13);
            String holder = HOLDERS[random.nextInt(HOLDERS.length)];
            int investorIndex = random.nextInt(INVESTORS.length);
            String investor = INVESTORS[investorIndex];
            Command command = switch (kind) {
                case 0, 1 -> new PostOffer(FUNDS[random.nextInt(3)], Units.of((1 + random.nextInt(50)) * 100 + ".00"),
                        Units.of((1 + random.nextInt(5)) * 100 + ".00"), new Price(5_000 + 250L * random.nextInt(20)),
                        OfferVisibility.PUBLIC_TEASER, random.nextBoolean() ? 0 : s.time + random.nextInt(3) * 3_600_000L);
                case 2, 3 -> intent(random, s.time);
                case 4 -> intents.isEmpty() ? new Tick() : amend(random, intents.get(random.nextInt(intents.size()))[0], s.time);
                case 5 -> intents.isEmpty() ? new Tick() : new CancelIntent(intents.get(random.nextInt(intents.size()))[0]);
                case 6 -> offers.isEmpty() ? new Tick() : new WithdrawOffer(offers.get(random.nextInt(offers.size())));
                case 7 -> offers.isEmpty() ? new Tick() : new SubmitQuote(offers.get(random.nextInt(offers.size())),
                        new Price(5_000 + 250L * random.nextInt(20)), Units.of((1 + random.nextInt(20)) * 100 + ".00"));
                case 8 -> quotes.isEmpty() ? new Tick() : new CounterQuote(quotes.get(random.nextInt(quotes.size())),
                        new Price(5_000 + 250L * random.nextInt(20)), Units.of((1 + random.nextInt(20)) * 100 + ".00"));
                case 9 -> quotes.isEmpty() ? new Tick() : new AcceptQuote(quotes.get(random.nextInt(quotes.size())));
                case 10 -> matches.isEmpty() ? new Tick() : new BrokerMatch(matches.get(random.nextInt(matches.size())), null, null);
                case 11 -> matches.isEmpty() ? new Tick() : new AcceptMatch(matches.get(random.nextInt(matches.size())));
                default -> new UpdateNav(FUNDS[random.nextInt(3)], new Price(8_000 + random.nextInt(4_000)), "2026-10-31");
            };
            String signer = switch (command) {
                case PostOffer c -> holder;
                case WithdrawOffer c -> holder;
                case PostIntent c -> investor;
                case AmendIntent c -> INVESTORS[(int) owner(intents, c.intentId())];
                case CancelIntent c -> INVESTORS[(int) owner(intents, c.intentId())];
                case SubmitQuote c -> investor;
                case BrokerMatch c -> "Staff-0" + (1 + random.nextInt(2));
                case UpdateNav c -> "Staff-01";
                case CounterQuote c -> random.nextBoolean() ? holder : investor;
                case AcceptQuote c -> random.nextBoolean() ? holder : investor;
                case AcceptMatch c -> random.nextBoolean() ? holder : investor;
                default -> null;
            };
            EventDocument doc = signer == null ? s.unsigned(command).last : s.by(signer, command);
            for (Event event : doc.events()) {
                switch (event) {
                    case OfferPosted e -> offers.add(e.offerId());
                    case fundexchange.protocol.event.IntentPosted e -> intents.add(new long[] {e.intentId(), indexOf(e.investor())});
                    case QuoteSubmitted e -> quotes.add(e.quoteId());
                    case MatchProposed e -> {
                        matches.add(e.matchId());
                        proposals++;
                    }
                    case TradeExecuted e -> trades++;
                    default -> {
                    }
                }
            }
        }
        return new RandomMarket(m, firstRandom, proposals, trades);
    }

    private final List<EventDocument> documents = new ArrayList<>();

    /** The documents the live engine wrote, recomputed once by a replay (the Scenario keeps only the last). */
    private EventDocument documentAt(Scenario s, int i) {
        if (documents.isEmpty()) {
            Engine again = new Engine();
            s.journal.forEach(record -> documents.add(again.apply(record)));
        }
        return documents.get(i);
    }

    private static long owner(List<long[]> intents, long intentId) {
        return intents.stream().filter(i -> i[0] == intentId).findFirst().orElseThrow()[1];
    }

    private static int indexOf(String investor) {
        return List.of(INVESTORS).indexOf(investor);
    }

    private static PostIntent intent(Random random, long now) {
        boolean byFunds = random.nextBoolean();
        long max = (1 + random.nextInt(100)) * 1_000_00L;
        return new PostIntent(byFunds ? List.of(FUNDS[random.nextInt(3)]) : null,
                byFunds ? null : new IntentCriteria(random.nextBoolean() ? List.of() : List.of("GROWTH", "VENTURE"),
                        2017, 2017 + random.nextInt(4), "CNY", null, null),
                new Money(random.nextInt(3) == 0 ? max / 2 : 0), new Money(max), 6_000 + 250L * random.nextInt(20),
                random.nextBoolean() ? 0 : now + (1 + random.nextInt(3)) * 3_600_000L);
    }

    private static AmendIntent amend(Random random, long intentId, long now) {
        PostIntent terms = intent(random, now);
        return new AmendIntent(intentId, terms.fundCodes(), terms.criteria(), terms.minAmount(), terms.maxAmount(),
                terms.maxPercentOfNavBasisPoints(), terms.expiresAt());
    }
}
