package fundexchange.engine;

import fundexchange.engine.book.FillRules;
import fundexchange.engine.book.Objection;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Fund;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The exchange's rules at every fill of one command (CONTRACTS.md 13): {@link TransferChecks} for the buyer
 * (qualification, active, key, holder cap) and the seller (active, key, anti-flip). Holder-cap places reserved by
 * this command's earlier fills count, so several fills to one new buyer reserve one place, and fills to different new
 * buyers cannot overrun the cap. The maps are lookups only, never iterated.
 */
final class BookFillRules implements FillRules {
    private final CommandContext ctx;
    private final TransferChecks checks;
    private final TradeTerms terms;
    private final Fund fund;
    private final LocalDate date;
    /** The first seller checked and its answer, so that a command filled by one seller makes no map. */
    private String firstSeller;
    private Objection firstSellerObjection;
    /** Made on the first fill that needs them (the other sellers'): most commands never fill. */
    private Map<String, Objection> sellers;
    private Set<String> reservedHere;

    BookFillRules(CommandContext ctx, TransferChecks checks, TradeTerms terms, Fund fund) {
        this.ctx = ctx;
        this.checks = checks;
        this.terms = terms;
        this.fund = fund;
        this.date = ctx.date();
    }

    @Override
    public Objection check(String participant, Side side) {
        if (side == Side.SELL) {
            // A seller's standing cannot change within a command.
            if (firstSeller == null) {
                firstSellerObjection = objection(checks.seller(participant, fund, date));
                firstSeller = participant;
                return firstSellerObjection;
            }
            if (firstSeller.equals(participant)) {
                return firstSellerObjection;
            }
            if (sellers == null) {
                sellers = new HashMap<>();
            }
            if (!sellers.containsKey(participant)) {
                sellers.put(participant, objection(checks.seller(participant, fund, date)));
            }
            return sellers.get(participant);
        }
        Fund counted = reservedHere == null || reservedHere.isEmpty() ? fund
                : fund.withHolders(fund.holderCount(), fund.reservedHolders() + reservedHere.size());
        return objection(checks.buyer(participant, counted, date, needsRoom(participant)));
    }

    @Override
    public TradeExecuted trade(int fill, long buyOrderId, String buyer, long sellOrderId, String seller, long units, long price) {
        boolean reserves = needsRoom(buyer);
        TradeExecuted trade = terms.bookTrade(ctx.index(), fill, ctx.time(), fund, seller, buyer, new Units(units),
                new Price(price), reserves, buyOrderId, sellOrderId, LocalDates.iso(date));
        if (reserves) {
            if (reservedHere == null) {
                reservedHere = new HashSet<>();
            }
            reservedHere.add(buyer);
        }
        return trade;
    }

    private boolean needsRoom(String buyer) {
        return (reservedHere == null || !reservedHere.contains(buyer)) && checks.needsHolderRoom(fund, buyer);
    }

    private static Objection objection(PartyRefusal refusal) {
        return refusal == null ? null : new Objection(refusal.code().code(), refusal.message());
    }
}
