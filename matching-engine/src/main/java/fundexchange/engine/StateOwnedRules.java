package fundexchange.engine;

import fundexchange.engine.listing.Listing;
import fundexchange.engine.stateowned.Appraisal;
import fundexchange.engine.stateowned.PublicDisclosure;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.RecordReserveApproval;
import fundexchange.protocol.command.RegisterAppraisal;
import fundexchange.protocol.command.SetStateOwned;
import fundexchange.protocol.event.AppraisalRegistered;
import fundexchange.protocol.event.DisclosureOpened;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ReserveApprovalRecorded;
import fundexchange.protocol.event.ResultAnnounced;
import fundexchange.protocol.event.StateOwnedSet;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.Role;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A state-owned holder's sale (SASAC/MOF Order No. 32; docs/rules.md, "State-owned holders"): the staff flag, the
 * holder's appraisal and the approving body's consent to a lower reserve, the checks on its listings (appraisal,
 * prices, the public disclosure period, bidding when two or more qualified buyers are interested) and the public
 * disclosure and result announcement.
 */
final class StateOwnedRules {
    /** Working days a state-owned holder's listing is disclosed publicly before a deal (Order No. 32). */
    static final int DISCLOSURE_WORKING_DAYS = 20;
    /** A price under this share (percent) of the appraisal needs the approving body's written consent. */
    static final long CONSENT_LINE_PERCENT = 90;
    /** Qualified buyers interested from which a negotiated sale is refused and bidding required. */
    static final int BIDDING_FROM = 2;
    /** The disclosure period is looked for within this many calendar days of the opening; beyond, it is too short. */
    private static final int SEARCH_DAYS = 3660;
    /** Ids of live sales named in a refusal of the flag, per kind. */
    private static final int NAMED_IDS = 5;
    private final ExchangeState state;
    private final TransferChecks checks;
    private final BusinessCalendar calendar;

    StateOwnedRules(ExchangeState state, TransferChecks checks) {
        this.state = state;
        this.checks = checks;
        this.calendar = new BusinessCalendar(state);
    }

    boolean stateOwned(String participantId) {
        return state.stateOwnedHolders.contains(participantId);
    }

    /** The flag's maker-checker action: a HOLDER only, and a change of what the flag says. */
    List<Event> set(SetStateOwned action, long proposalId) {
        Participant participant = action.participantId() == null ? null : state.participants.get(action.participantId());
        Rejection.check(participant != null, RejectCode.UNKNOWN_PARTICIPANT, "no participant " + action.participantId());
        String reason = Validation.text(action.reason(), "reason");
        Rejection.check(!action.stateOwned() || participant.has(Role.HOLDER), RejectCode.STATE_OWNED_NEEDS_HOLDER,
                action.participantId() + " is not a holder; only a holder is flagged state-owned / "
                        + action.participantId() + " 不是持有人，只有持有人可标记为国有");
        Rejection.check(stateOwned(action.participantId()) != action.stateOwned(), RejectCode.STATE_OWNED_UNCHANGED,
                action.participantId() + (action.stateOwned() ? " is already" : " is not") + " flagged state-owned / "
                        + action.participantId() + (action.stateOwned() ? " 已标记为国有" : " 未标记为国有"));
        if (action.stateOwned() && state.rulesVersion >= fundexchange.protocol.RulesVersion.STATE_OWNED_SALES_FIRST) {
            requireNoLiveSales(action.participantId());
        }
        return List.of(new StateOwnedSet(action.participantId(), action.stateOwned(), proposalId, reason));
    }

    /**
     * The flag is set only while the holder has nothing live to sell: no resting book sell order, no resting offer and
     * no pending or open listing. The state-owned rules are checked when a sale is entered (requireListing, the
     * listing's appraisal, prices and disclosure), so a sale entered before the flag would otherwise keep filling
     * without them (CONTRACTS.md 13); the holder withdraws it first.
     */
    private void requireNoLiveSales(String holder) {
        List<Long> orders = new ArrayList<>();
        for (fundexchange.engine.book.BookView book : state.books.views()) {
            book.asks().stream().filter(o -> o.owner().equals(holder)).forEach(o -> orders.add(o.orderId()));
        }
        orders.sort(null);
        List<Long> offers = state.intentBook.offers.values().stream()
                .filter(o -> o.holder().equals(holder)).map(o -> o.offerId()).toList();
        List<Long> listings = state.listings.values().stream()
                .filter(l -> l.seller().equals(holder) && l.live()).map(Listing::listingId).toList();
        Rejection.check(orders.isEmpty() && offers.isEmpty() && listings.isEmpty(), RejectCode.STATE_OWNED_LIVE_SALES,
                holder + " has live sales; withdraw them before the flag is set: book sell orders " + ids(orders)
                        + ", offers " + ids(offers) + ", listings " + ids(listings) + " / " + holder
                        + " 尚有在售：挂单（卖出）" + ids(orders) + "，报价 " + ids(offers) + "，挂牌 " + ids(listings)
                        + "；须先撤回方可标记为国有");
    }

    /** At most {@value #NAMED_IDS} ids, then how many more (the message stays bounded). */
    private static String ids(List<Long> ids) {
        if (ids.isEmpty()) {
            return "[]";
        }
        String shown = ids.subList(0, Math.min(NAMED_IDS, ids.size())).toString();
        return ids.size() <= NAMED_IDS ? shown : shown + " +" + (ids.size() - NAMED_IDS);
    }

    /** The holder's own appraisal of its interest in a fund; it replaces an earlier one and its reserve approval. */
    List<Event> register(CommandContext ctx, RegisterAppraisal c) {
        ctx.requireRole(Role.HOLDER);
        requireStateOwned(ctx.actorId());
        Fund fund = state.funds.get(c.fundCode());
        Rejection.check(fund != null, RejectCode.UNKNOWN_FUND, "no fund " + c.fundCode());
        Validation.present(c.value(), "value");
        Validation.present(c.units(), "units");
        Rejection.check(c.value().raw() > 0 && c.units().positive(), RejectCode.NOT_POSITIVE, "value and units must be positive");
        String reference = Validation.text(c.filingReference(), "filingReference");
        LocalDate validUntil = date(c.validUntil());
        Rejection.check(!validUntil.isBefore(ctx.date()), RejectCode.APPRAISAL_INVALID,
                "validUntil " + validUntil + " is before today " + ctx.date() + " / 评估结果有效期 " + validUntil
                        + " 早于今日 " + ctx.date());
        Price perUnit = TradeTerms.overflowChecked(() -> AppraisalPrices.perUnit(c.value(), c.units()));
        return List.of(new AppraisalRegistered(ctx.index(), fund.fundCode(), ctx.actorId(), c.value(), c.units(), perUnit,
                reference, validUntil.toString()));
    }

    /** The approving body's consent (maker-checker) to prices under 90% of the holder's current appraisal. */
    List<Event> recordApproval(RecordReserveApproval action, long proposalId) {
        requireStateOwned(action.holder());
        Appraisal appraisal = state.appraisals.get(ExchangeState.positionKey(String.valueOf(action.fundCode()), action.holder()));
        Rejection.check(appraisal != null, RejectCode.APPRAISAL_MISSING, action.holder() + " has no appraisal of "
                + action.fundCode() + " / " + action.holder() + " 未登记 " + action.fundCode() + " 的评估结果");
        Validation.present(action.minimumPrice(), "minimumPrice");
        Rejection.check(action.minimumPrice().positive(), RejectCode.NOT_POSITIVE, "minimumPrice must be positive");
        Price line = AppraisalPrices.consentLine(appraisal);
        Rejection.check(action.minimumPrice().compareTo(line) < 0, RejectCode.APPRAISAL_INVALID,
                "a consent is needed only under 90% of the appraisal (" + line + "); minimumPrice " + action.minimumPrice()
                        + " is not under it / 仅低于评估值 90%（" + line + "）时需批准单位同意");
        String reference = Validation.text(action.approvalReference(), "approvalReference");
        return List.of(new ReserveApprovalRecorded(appraisal.appraisalId(), appraisal.fundCode(), appraisal.holder(),
                action.minimumPrice(), reference, proposalId));
    }

    /**
     * A state-owned seller's new listing: a valid appraisal, its prices ({@link #checkPrices}), and the disclosure
     * period left before {@code deadline} (an auction's end or a negotiated listing's expiry, 0 for none) counted from
     * now, the earliest the listing can open.
     */
    void checkListing(CommandContext ctx, String fundCode, Price opening, Price lowest, long deadline) {
        Appraisal appraisal = validAppraisal(ctx.actorId(), fundCode, ctx.date());
        checkPrices(appraisal, opening, lowest);
        checkPeriod(ctx.time(), deadline);
    }

    /** A negotiated sale: refused when {@link #BIDDING_FROM} or more qualified buyers are interested. */
    void checkNegotiated(CommandContext ctx, Fund fund, String seller, String namedBuyer) {
        List<String> interested = interested(fund, seller, namedBuyer, ctx.date());
        Rejection.check(interested.size() < BIDDING_FROM, RejectCode.AUCTION_REQUIRED,
                interested.size() + " qualified buyers are interested in " + fund.fundCode()
                        + " from this seller: a negotiated sale is refused, list it by auction / 已有 " + interested.size()
                        + " 名合格受让方表达意向：不得协议转让，须以竞价方式转让");
    }

    /** Opening a state-owned seller's listing: the checks again at the opening, then its public disclosure. */
    List<Event> open(CommandContext ctx, Listing listing) {
        Appraisal appraisal = validAppraisal(listing.seller(), listing.fundCode(), ctx.date());
        Price opening = listing.auctioned() ? listing.auction().startingPrice() : listing.price();
        Price lowest = listing.auctioned() ? AuctionMechanism.ofAuction(listing.mechanism()).lowestPrice(opening,
                listing.auction().reservePrice()) : opening;
        checkPrices(appraisal, opening, lowest);
        long dealsFrom = checkPeriod(ctx.time(), listing.deadline());
        if (listing.mechanismOrDefault() == ListingMechanism.NEGOTIATED) {
            checkNegotiated(ctx, state.funds.get(listing.fundCode()), listing.seller(), listing.buyer());
        }
        return List.of(new DisclosureOpened(listing.listingId(), listing.fundCode(), appraisal.appraisalId(),
                listing.mechanismOrDefault(), listing.units(), opening, appraisal.pricePerUnit(), ctx.time(), dealsFrom,
                listing.auctioned() ? listing.auction().endsAt() : null));
    }

    /** A deal on a disclosed listing is refused before its disclosure period has run. */
    void checkDeal(CommandContext ctx, Listing listing) {
        PublicDisclosure disclosure = state.disclosures.get(listing.listingId());
        if (disclosure != null) {
            Rejection.check(ctx.time() >= disclosure.dealsFrom(), RejectCode.DISCLOSURE_PERIOD_RUNNING,
                    "listing " + listing.listingId() + " is disclosed publicly until " + MessageTime.of(state, disclosure.dealsFrom())
                            + "; no deal before / 公开披露期至 " + MessageTime.of(state, disclosure.dealsFrom()) + "，此前不得成交");
        }
    }

    /** The result announcement that follows a trade on a disclosed listing, or nothing. */
    List<Event> announce(TradeExecuted trade) {
        PublicDisclosure disclosure = state.disclosures.get(trade.listingId());
        if (disclosure == null || trade.listingId() == 0) {
            return List.of();
        }
        Listing listing = state.listings.get(trade.listingId());
        return List.of(new ResultAnnounced(trade.listingId(), trade.tradeId(), trade.fundCode(), listing.mechanismOrDefault(),
                trade.units(), trade.price(), trade.consideration(), disclosure.appraisedPrice()));
    }

    /** A state-owned seller sells only through a listing (public, disclosed), never by offers or book orders. */
    void requireListing(String seller) {
        Rejection.check(!stateOwned(seller), RejectCode.STATE_OWNED_LISTING_REQUIRED,
                "a state-owned holder sells only through a public listing (auction or negotiated) / "
                        + "国有持有人只能通过公开挂牌（竞价或协议）转让");
    }

    /**
     * The distinct qualified buyers interested in {@code seller}'s units of {@code fund}, sorted: the named buyer of
     * the sale at hand, named buyers of the seller's live negotiated listings in the fund, bidders with an active bid
     * on its live auctions of the fund, and investors whose live intent names the fund; each counted only while it may
     * buy now ({@link TransferChecks#buyer}: an active, qualified investor with an active key; holder room aside).
     */
    List<String> interested(Fund fund, String seller, String namedBuyer, LocalDate date) {
        java.util.TreeSet<String> candidates = new java.util.TreeSet<>();
        if (namedBuyer != null) {
            candidates.add(namedBuyer);
        }
        for (Listing listing : state.listings.values()) {
            if (!listing.live() || !listing.seller().equals(seller) || !listing.fundCode().equals(fund.fundCode())) {
                continue;
            }
            if (listing.buyer() != null) {
                candidates.add(listing.buyer());
            }
            state.bidsOn(listing.listingId()).stream()
                    .filter(bid -> bid.status() == fundexchange.protocol.listing.BidStatus.ACTIVE)
                    .forEach(bid -> candidates.add(bid.bidder()));
        }
        state.intentBook.intents.values().stream()
                .filter(intent -> intent.fundCodes() != null && intent.fundCodes().contains(fund.fundCode()))
                .forEach(intent -> candidates.add(intent.investor()));
        List<String> interested = new ArrayList<>();
        for (String candidate : candidates) {
            if (!candidate.equals(seller) && checks.buyer(candidate, fund, date, false) == null) {
                interested.add(candidate);
            }
        }
        return interested;
    }

    private void requireStateOwned(String holder) {
        Rejection.check(holder != null && stateOwned(holder), RejectCode.NOT_STATE_OWNED, holder
                + " is not flagged state-owned / " + holder + " 未标记为国有");
    }

    private Appraisal validAppraisal(String seller, String fundCode, LocalDate date) {
        Appraisal appraisal = state.appraisals.get(ExchangeState.positionKey(fundCode, seller));
        Rejection.check(appraisal != null, RejectCode.APPRAISAL_MISSING, "a state-owned holder lists only with a registered"
                + " appraisal of " + fundCode + " / 国有持有人须先登记 " + fundCode + " 的评估结果方可挂牌");
        Rejection.check(!LocalDate.parse(appraisal.validUntil()).isBefore(date), RejectCode.APPRAISAL_EXPIRED,
                "the appraisal of " + fundCode + " was valid until " + appraisal.validUntil() + " / " + fundCode
                        + " 的评估结果有效期至 " + appraisal.validUntil() + "，已过期");
        return appraisal;
    }

    /**
     * The first listing disclosed against an appraisal opens at or above the appraised price; a re-listing (an earlier
     * listing disclosed against it ended without selling out) may open lower. Any price under 90% of the appraisal
     * needs the approving body's recorded consent down to at most that price.
     */
    private void checkPrices(Appraisal appraisal, Price opening, Price lowest) {
        Rejection.check(relisting(appraisal) || opening.compareTo(appraisal.pricePerUnit()) >= 0, RejectCode.BELOW_APPRAISAL,
                "the first listing starts at or above the appraised price " + appraisal.pricePerUnit() + "; " + opening
                        + " is below it / 首次挂牌价不得低于评估价 " + appraisal.pricePerUnit());
        Price line = AppraisalPrices.consentLine(appraisal);
        boolean consented = appraisal.approval() != null && lowest.compareTo(appraisal.approval().minimumPrice()) >= 0;
        Rejection.check(lowest.compareTo(line) >= 0 || consented, RejectCode.RESERVE_APPROVAL_REQUIRED,
                "a price of " + lowest + " is under 90% of the appraisal (" + line + "): it needs the approving body's"
                        + " recorded consent (RecordReserveApproval) / 低于评估值 90%（" + line + "）须经批准单位书面同意");
    }

    private boolean relisting(Appraisal appraisal) {
        for (PublicDisclosure disclosure : state.disclosures.values()) {
            Listing listing = state.listings.get(disclosure.listingId());
            if (disclosure.appraisalId() == appraisal.appraisalId() && !listing.live()
                    && listing.status() != ListingStatus.EXECUTED) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first instant a deal may be made on a listing opened at {@code openedAt}: the start of the day after the
     * 20th working day after the opening day, in the platform zone; refused when {@code deadline} (0: none) comes first.
     */
    private long checkPeriod(long openedAt, long deadline) {
        long dealsFrom = dealsFrom(openedAt);
        Rejection.check(deadline == 0 || deadline >= dealsFrom, RejectCode.DISCLOSURE_TOO_SHORT,
                "a state-owned holder's listing is disclosed for " + DISCLOSURE_WORKING_DAYS + " working days: it must run"
                        + " until at least " + MessageTime.of(state, dealsFrom) + " / 国有持有人挂牌须公开披露不少于 "
                        + DISCLOSURE_WORKING_DAYS + " 个工作日，须至少持续至 " + MessageTime.of(state, dealsFrom));
        return dealsFrom;
    }

    long dealsFrom(long openedAt) {
        java.time.ZoneId zone = java.time.ZoneId.of(state.parameters.zone());
        LocalDate opened = java.time.Instant.ofEpochMilli(openedAt).atZone(zone).toLocalDate();
        LocalDate day = opened;
        int counted = 0;
        for (int i = 0; i < SEARCH_DAYS && counted < DISCLOSURE_WORKING_DAYS; i++) {
            day = day.plusDays(1);
            if (calendar.isBusinessDay(day)) {
                counted++;
            }
        }
        Rejection.check(counted == DISCLOSURE_WORKING_DAYS, RejectCode.DISCLOSURE_TOO_SHORT,
                "the calendar has no " + DISCLOSURE_WORKING_DAYS + " working days within " + SEARCH_DAYS + " days of " + opened);
        return day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private static LocalDate date(String value) {
        Validation.present(value, "validUntil");
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Rejection(RejectCode.INVALID_FIELD, "validUntil must be an ISO date (yyyy-MM-dd)");
        }
    }
}
