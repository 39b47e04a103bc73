package fundexchange.engine;

import fundexchange.engine.listing.Listing;
import fundexchange.engine.listing.TransferNotice;
import fundexchange.engine.listing.TransferNotice.PriorityAnswer;
import fundexchange.engine.position.Position;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.AnswerTransferNotice;
import fundexchange.protocol.command.ClearRofr;
import fundexchange.protocol.command.OverrideRofr;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ListingCancelled;
import fundexchange.protocol.event.RofrCleared;
import fundexchange.protocol.event.TransferNoticeAnswered;
import fundexchange.protocol.event.TransferNoticeIssued;
import fundexchange.protocol.event.TransferNoticeIssued.NoticeHolder;
import fundexchange.protocol.event.TransferNoticeResolved;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.protocol.listing.RofrStatus;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.transfer.Allocation;
import fundexchange.protocol.transfer.ConsentOutcome;
import fundexchange.protocol.transfer.NoticeAnswer;
import fundexchange.protocol.transfer.PriorityOrder;
import fundexchange.protocol.transfer.SilenceMeans;
import fundexchange.protocol.transfer.TransferTerms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Consent and first refusal (issue 20; docs/rules.md, "Consent and first refusal"): a negotiated listing in a fund with
 * transfer terms gives notice to the manager and the holders on the register; their signed answers, or the deadline,
 * resolve it: a refusal cancels the listing, exercises become trades at the listing's price (allotted by
 * {@link Allotment}), and what is left goes on to staff approval and the named buyer.
 */
final class TransferNotices {
    /**
     * The most holders of the priority right one notice names: 200, the most investors any legal form allows (Company
     * Law 2023 art. 92, the Securities Investment Fund Law's private funds), well under a command's 4096 fills.
     */
    static final int MAX_NOTICE_HOLDERS = 200;
    private final ExchangeState state;
    private final TransferChecks checks;
    private final TradeTerms terms;
    private final AuctionMatches matches;

    TransferNotices(ExchangeState state, TransferChecks checks, TradeTerms terms) {
        this.state = state;
        this.checks = checks;
        this.terms = terms;
        this.matches = new AuctionMatches(state, checks, terms, new StateOwnedRules(state, checks));
    }

    /**
     * Refuses a mechanism other than the negotiated listing in a fund with transfer terms (docs/rules.md); from rules
     * version 6 English and sealed auctions are listed ({@link AuctionMatches}).
     */
    static void requireFixedPrice(ExchangeState state, Fund fund, String what) {
        Rejection.check(!state.transferTerms.containsKey(fund.fundCode()), RejectCode.MECHANISM_NOT_UNDER_TERMS,
                "fund " + fund.fundCode() + " has transfer terms (consent, first refusal): " + what + " is not available"
                        + " in it; list at a fixed price (ListNegotiated) / 该基金适用转让同意及优先购买权条款，请以协议转让挂牌");
    }

    /**
     * Rules version 6: refuses an English or sealed auction in a PARTIAL-custody fund whose terms give a priority right.
     * Its partners off the platform would match the clearing price after the close, but the manager attests notice and
     * waivers only before the auction opens, before any clearing price exists (docs/rules.md).
     */
    static void requireNoUnattestedMatch(ExchangeState state, Fund fund) {
        TransferTerms t = state.transferTerms.get(fund.fundCode());
        Rejection.check(t == null || fund.custodyMode() != CustodyMode.PARTIAL || t.priority() == PriorityOrder.NONE,
                RejectCode.MECHANISM_NOT_UNDER_TERMS, "fund " + fund.fundCode() + " is in PARTIAL custody and its"
                        + " transfer terms give a priority right, which its partners off the platform could not match"
                        + " after an auction's close; list at a fixed price (ListNegotiated)"
                        + " / 该基金为部分托管且转让条款设有优先购买权，场外合伙人无法在竞价结束后行使，请以协议转让挂牌");
    }

    /**
     * Rules version 6: refuses a bid from the fund's manager when the fund's terms require its consent: it decides on
     * the sale (before the auction opens) and must not become its buyer (CONTRACTS.md 18; a negotiated listing naming
     * it as buyer gets no decision from it, 6002).
     */
    static void requireNotConsentingManager(ExchangeState state, Fund fund, String bidder) {
        TransferTerms t = state.transferTerms.get(fund.fundCode());
        Rejection.check(state.rulesVersion < fundexchange.protocol.RulesVersion.AUCTION_MATCH_AFTER_CLOSE || t == null
                        || !t.consentRequired() || !bidder.equals(t.manager()), RejectCode.MANAGER_BIDS_ON_OWN_CONSENT,
                "the fund's manager decides on the consent to this sale and may not bid in it"
                        + " / 基金管理人对本次转让作出同意决定，不得参与竞买");
    }

    /** The right-of-first-refusal status of a new negotiated listing, and its notice when the terms ask for one. */
    record Opening(RofrStatus rofr, TransferNoticeIssued notice) {
    }

    Opening open(long listingId, long time, Fund fund, String seller, String buyer, Units units, Price price,
                 long expiresAt) {
        return open(listingId, time, fund, seller, buyer, units, price, expiresAt, false);
    }

    /**
     * As for a negotiated listing; for an {@code auction} (rules version 6, no buyer, {@code expiresAt} its end) the
     * notice asks only the consent and a PARTIAL fund's attestation before the auction opens, names no holder, and is
     * left out when it asks neither: the holders of the right match after the close ({@link AuctionMatches}).
     */
    Opening open(long listingId, long time, Fund fund, String seller, String buyer, Units units, Price price,
                 long expiresAt, boolean auction) {
        TransferTerms t = state.transferTerms.get(fund.fundCode());
        if (t == null) {
            return new Opening(ListingLifecycle.rofrOf(fund), null);
        }
        if (t.exempt(seller, buyer)) {
            return new Opening(RofrStatus.NOT_APPLICABLE, null);
        }
        boolean managerParty = t.manager() != null && (t.manager().equals(seller) || t.manager().equals(buyer));
        boolean managerFirst = t.priority() == PriorityOrder.MANAGER_FIRST_THEN_PRO_RATA && !managerParty;
        List<NoticeHolder> holders = new ArrayList<>();
        // Holders are told only when they hold the right (CONTRACTS.md 12's exception covers no one else).
        for (Map.Entry<String, Position> entry : t.priority() == PriorityOrder.NONE || auction ? List.<Map.Entry<String, Position>>of()
                : state.positions().subMap(fund.fundCode() + "|", fund.fundCode() + "}").entrySet()) {
            Position position = entry.getValue();
            String holder = position.holder();
            if (position.registeredUnits().positive() && !holder.equals(seller) && !holder.equals(buyer)
                    && !(managerFirst && holder.equals(t.manager()))) {
                holders.add(new NoticeHolder(holder, position.registeredUnits()));
            }
        }
        Rejection.check(holders.size() <= MAX_NOTICE_HOLDERS, RejectCode.NOTICE_TOO_LARGE, "the transfer notice would name "
                + holders.size() + " holders of the priority right; at most " + MAX_NOTICE_HOLDERS
                + " / 转让通知涉及的优先购买权人超过 " + MAX_NOTICE_HOLDERS + " 名");
        boolean attestation = fund.custodyMode() == CustodyMode.PARTIAL;
        if (!t.consentRequired() && !attestation && (auction || !managerFirst && holders.isEmpty())) {
            return new Opening(RofrStatus.NOT_APPLICABLE, null);
        }
        long answerBy = TradeTerms.overflowChecked(() -> Math.addExact(time,
                Math.multiplyExact(t.noticeDays(), TransferTerms.DAY_MS)));
        Rejection.check(expiresAt == 0 || expiresAt > answerBy, RejectCode.NOTICE_OUTLASTS_EXPIRY,
                "the transfer notice runs " + t.noticeDays() + " days, to " + MessageTime.of(state, answerBy)
                        + (auction ? "; endsAt must be later" : "; expiresAt must be later")
                        + " / 转让通知期为 " + t.noticeDays() + " 日，" + (auction ? "竞价结束时间" : "挂牌到期时间")
                        + "须晚于通知期届满");
        return new Opening(RofrStatus.PENDING, new TransferNoticeIssued(listingId, fund.fundCode(), seller, buyer, units,
                price, t.manager(), t.consentRequired(), t.priority(), attestation, List.copyOf(holders), answerBy,
                auction ? Boolean.TRUE : null));
    }

    List<Event> answer(CommandContext ctx, AnswerTransferNotice c) {
        TransferNotice notice = state.notices.get(c.listingId());
        Rejection.check(notice != null, RejectCode.NO_OPEN_NOTICE, "listing " + c.listingId() + " has no open transfer notice");
        // A notice whose deadline has come is answered by its silence, even while its resolution waits for fills.
        Rejection.check(ctx.time() < notice.answerBy(), RejectCode.NO_OPEN_NOTICE, "listing " + c.listingId()
                + "'s transfer notice closed at " + MessageTime.of(state, notice.answerBy()) + " / 转让通知答复期已届满");
        Validation.present(c.answer(), "answer");
        String actor = ctx.actorId();
        Listing listing = state.listings.get(notice.listingId());
        Fund fund = state.funds.get(notice.fundCode());
        TransferNotice after = switch (c.answer()) {
            case CONSENT, REFUSE -> {
                managerAnswer(ctx, notice, c);
                Rejection.check(notice.consentRequired(), RejectCode.NOTICE_ANSWER_INVALID,
                        "this fund's transfers need no consent");
                Rejection.check(notice.consent() == null, RejectCode.NOTICE_ALREADY_ANSWERED, "consent was already answered");
                yield notice.withConsent(c.answer());
            }
            case ATTEST_WAIVERS -> {
                managerAnswer(ctx, notice, c);
                Rejection.check(notice.attestationRequired(), RejectCode.NOTICE_ANSWER_INVALID,
                        "only a PARTIAL custody fund's notice takes the manager's attestation");
                Rejection.check(notice.attestation() == null, RejectCode.NOTICE_ALREADY_ANSWERED, "already attested");
                yield notice.withAttestation(Digests.required(c.evidenceDigest(), "evidenceDigest"));
            }
            case WAIVE, EXERCISE -> {
                Rejection.check(!notice.beforeAuction(), RejectCode.MATCH_NOT_OPEN, "the holders of the priority right"
                        + " match the auction's clearing price after its close, not before"
                        + " / 优先购买权人须于竞价结束后按成交价行使，不得提前");
                if (notice.matchStage()) {
                    Rejection.check(!actor.equals(notice.seller()), RejectCode.MATCH_BY_SELLER,
                            "the seller may not match its own auction / 卖方不得行使本次竞价的优先购买权");
                    Rejection.check(!actor.equals(notice.buyer()), RejectCode.MATCH_BY_WINNER,
                            "the auction's winner may not match its own award / 竞得人不得对自身竞得结果行使优先购买权");
                }
                Rejection.check(notice.holdsRight(actor), RejectCode.NO_PRIORITY_RIGHT,
                        actor + " holds no priority right on listing " + c.listingId());
                Rejection.check(notice.exerciseOf(actor) == null, RejectCode.NOTICE_ALREADY_ANSWERED,
                        actor + " already answered on its priority right");
                Rejection.check(c.evidenceDigest() == null, RejectCode.NOTICE_ANSWER_INVALID, "evidenceDigest is for ATTEST_WAIVERS");
                Units units = Units.ZERO;
                if (c.answer() == NoticeAnswer.EXERCISE) {
                    // CONTRACTS.md 18: exercising makes the manager a buyer in the deal, so it decides the fund's
                    // consent first and never after seeing (or becoming) a party to it.
                    Rejection.check(!actor.equals(notice.manager()) || !notice.consentRequired() || notice.consent() != null,
                            RejectCode.NOTICE_ANSWER_INVALID, "the manager decides the fund's consent before it exercises"
                                    + " its own priority right / 管理人须先就转让作出同意决定，方可行使自身优先购买权");
                    Rejection.check(!actor.equals(notice.manager()) || !notice.attestationRequired()
                                    || notice.attestation() != null, RejectCode.NOTICE_ANSWER_INVALID,
                            "the manager attests the notice and the waivers before it exercises its own priority right"
                                    + " / 管理人须先确认通知及放弃，方可行使自身优先购买权");
                    units = exercised(c.units(), listing, fund);
                    // Qualification first: an exerciser that may not buy is told so before any fee arithmetic.
                    TransferChecks.require(checks.buyer(actor, fund, ctx.date()));
                    terms.requireExerciseFeeCovered(listing.listingId(), units,
                            notice.matchStage() ? notice.matchPrice() : listing.price());
                } else {
                    Rejection.check(c.units() == null, RejectCode.NOTICE_ANSWER_INVALID, "units are for EXERCISE");
                }
                yield notice.withExercise(new PriorityAnswer(actor, units, ctx.index()));
            }
        };
        List<Event> events = new ArrayList<>();
        if (notice.matchStage() && c.answer() == NoticeAnswer.EXERCISE) {
            // Rules version 8: matching the clearing price commits as a bid does, so the matcher locks its share of
            // the deposit for the units it exercises.
            events.addAll(new BidDeposits(state).forMatch(listing, actor, after.exerciseOf(actor).units()));
        }
        events.add(new TransferNoticeAnswered(c.listingId(), actor, c.answer(),
                c.answer() == NoticeAnswer.EXERCISE ? c.units() : null, c.evidenceDigest()));
        if (after.consent() == NoticeAnswer.REFUSE || after.allAnswered()) {
            // An auction's match stage also trades the winner's rest.
            long exercises = after.exercises().stream().filter(a -> a.units().positive()).count()
                    + (after.matchStage() ? 1 : 0);
            // Earlier deadlines in this command may have used fills: the last answer waits (retryable), it never
            // turns a fill-cap shortage into a cancellation.
            Rejection.check(ctx.firstFill() + exercises <= TradeTerms.FILLS_PER_COMMAND, RejectCode.FILL_CAP_REACHED,
                    "this command's trades are used up; answer again / 本指令成交数已达上限，请重新提交");
            events.addAll(after.matchStage() ? matches.resolve(after, ctx.index(), ctx.time(), ctx.date(), ctx.firstFill())
                    : resolve(after, ctx.index(), ctx.time(), ctx.date(), ctx.firstFill()));
        }
        return events;
    }

    private static void managerAnswer(CommandContext ctx, TransferNotice notice, AnswerTransferNotice c) {
        ctx.requireRole(Role.MANAGER);
        Rejection.check(ctx.actorId().equals(notice.manager()), RejectCode.NOT_FUND_MANAGER,
                ctx.actorId() + " is not the manager of fund " + notice.fundCode());
        Rejection.check(!notice.managerIsParty(), RejectCode.MANAGER_IS_PARTY, "the manager is a party to listing "
                + notice.listingId() + " and may not decide on it (segregation of duties) / 管理人为交易一方，不得就此作出决定");
        if (c.answer() != NoticeAnswer.ATTEST_WAIVERS) {
            Rejection.check(c.evidenceDigest() == null, RejectCode.NOTICE_ANSWER_INVALID, "evidenceDigest is for ATTEST_WAIVERS");
        }
        Rejection.check(c.units() == null, RejectCode.NOTICE_ANSWER_INVALID, "units are for EXERCISE");
    }

    /** An exercise's units: positive, at most the listing's, a multiple of the fund's lot unless the whole listing. */
    private static Units exercised(Units units, Listing listing, Fund fund) {
        Validation.present(units, "units");
        long lot = lot(fund);
        Rejection.check(units.positive() && units.compareTo(listing.units()) <= 0
                        && (units.raw() % lot == 0 || units.equals(listing.units())), RejectCode.EXERCISE_UNITS_INVALID,
                "units must be positive, at most the listing's " + listing.units() + " and a multiple of the fund's lot "
                        + new Units(lot) + " (or the whole listing)");
        return units;
    }

    /** The fund's lot: its minimum transfer, or one hundredth of a unit when it has none. */
    static long lot(Fund fund) {
        return fund.minTransferUnits() != null && fund.minTransferUnits().positive() ? fund.minTransferUnits().raw() : 1;
    }

    /**
     * The notice's deadline passed at {@code time}: silence counts as the terms say. Empty when its trades (at most one
     * per positive exercise; waivers take none) would pass the command's fill cap: they wait for the next command, as an
     * auction's close does. A notice names at most {@link #MAX_NOTICE_HOLDERS} holders (and the manager), so from fill 0
     * it always resolves: one notice never holds back later deadlines for more than the command that reached it.
     */
    List<Event> deadline(TransferNotice notice, long index, long time, LocalDate date, int fill) {
        long exercises = notice.exercises().stream().filter(a -> a.units().positive()).count()
                + (notice.matchStage() ? 1 : 0);
        if (fill + exercises > TradeTerms.FILLS_PER_COMMAND) {
            return List.of();
        }
        return notice.matchStage() ? matches.resolve(notice, index, time, date, fill)
                : resolve(notice, index, time, date, fill);
    }

    private List<Event> resolve(TransferNotice n, long index, long time, LocalDate date, int fill) {
        Listing listing = state.listings.get(n.listingId());
        Fund fund = state.funds.get(n.fundCode());
        ConsentOutcome outcome = outcome(n);
        List<String> silent = n.silent();
        if (!outcome.allows()) {
            return List.of(new TransferNoticeResolved(n.listingId(), outcome, List.of(), silent, listing.units()),
                    new ListingCancelled(n.listingId(), listing.units(), RejectCode.CONSENT_REFUSED.code(),
                            outcome == ConsentOutcome.NOT_ATTESTED
                                    ? "the manager did not attest the notice and waivers / 管理人未确认通知及放弃"
                                    : "the fund's manager did not consent to the transfer / 基金管理人未同意转让"));
        }
        PartyRefusal seller = checks.seller(listing.seller(), fund, date);
        if (seller != null) {
            return List.of(new TransferNoticeResolved(n.listingId(), outcome, List.of(), silent, listing.units()),
                    new ListingCancelled(n.listingId(), listing.units(), seller.code().code(), seller.message()));
        }
        Claims claims = claims(checks, n, fund, date);
        List<Allocation> allocations = new ArrayList<>();
        List<Event> trades = new ArrayList<>();
        long left = listing.units().raw();
        int next = fill;
        for (Allotment.Share share : Allotment.allot(left, claims.first(), claims.proRata(), lot(fund))) {
            allocations.add(new Allocation(share.holder(), new Units(share.requested()), new Units(share.allotted()), 0));
            if (share.allotted() > 0) {
                try {
                    trades.add(terms.trade(index, next++, time, listing.listingId(), fund, listing.seller(), share.holder(),
                            new Units(share.allotted()), listing.price()));
                } catch (Rejection unusable) {
                    // A notice's resolution never rejects (a deadline is no command's to reject, and the last answer
                    // must not be blocked by another's exercise): the listing is cancelled with the reason.
                    return List.of(new TransferNoticeResolved(n.listingId(), outcome, List.of(), silent, listing.units()),
                            new ListingCancelled(n.listingId(), listing.units(), unusable.code().code(),
                                    "an exercise cannot trade at the listing's price: " + unusable.getMessage()
                                            + " / 优先购买无法按挂牌价格成交"));
                }
                left -= share.allotted();
            }
        }
        allocations.addAll(claims.refused());
        List<Event> events = new ArrayList<>();
        events.add(new TransferNoticeResolved(n.listingId(), outcome, List.copyOf(allocations), silent, new Units(left)));
        events.addAll(trades);
        return events;
    }

    /**
     * The exercises of a notice as claims for {@link Allotment}: the manager's first claim, the pro-rata claims in answer
     * order, and those refused by the buyer checks at {@code date} (holder-cap room counted across the exercisers);
     * {@code newPlaces} the new holders the allowed claims add.
     */
    record Claims(Allotment.Claim first, List<Allotment.Claim> proRata, List<Allocation> refused, int newPlaces) {
    }

    static Claims claims(TransferChecks checks, TransferNotice n, Fund fund, LocalDate date) {
        Allotment.Claim first = null;
        List<Allotment.Claim> proRata = new ArrayList<>();
        List<Allocation> refused = new ArrayList<>();
        int newPlaces = 0;
        for (PriorityAnswer answer : n.exercises()) {
            if (!answer.units().positive()) {
                continue;
            }
            boolean needsRoom = checks.needsHolderRoom(fund, answer.participant());
            PartyRefusal buyer = checks.buyer(answer.participant(), fund, date, false);
            if (buyer == null && needsRoom && (long) fund.holderCount() + fund.reservedHolders() + newPlaces >= fund.holderCap()) {
                buyer = new PartyRefusal(RejectCode.HOLDER_CAP_REACHED, "fund " + fund.fundCode() + " is at its holder cap");
            }
            if (buyer != null) {
                refused.add(new Allocation(answer.participant(), answer.units(), Units.ZERO, buyer.code().code()));
                continue;
            }
            newPlaces += needsRoom ? 1 : 0;
            if (n.managerFirst() && answer.participant().equals(n.manager())) {
                first = new Allotment.Claim(answer.participant(), 0, answer.units().raw(), answer.index());
            } else {
                proRata.add(new Allotment.Claim(answer.participant(), weight(n, answer.participant()),
                        answer.units().raw(), answer.index()));
            }
        }
        return new Claims(first, List.copyOf(proRata), List.copyOf(refused), newPlaces);
    }

    private static long weight(TransferNotice n, String holder) {
        return n.holders().stream().filter(h -> h.holder().equals(holder)).mapToLong(h -> h.units().raw()).findFirst()
                .orElse(0);
    }

    private static ConsentOutcome outcome(TransferNotice n) {
        if (n.consent() == NoticeAnswer.REFUSE) {
            return ConsentOutcome.REFUSED;
        }
        if (n.attestationRequired() && n.attestation() == null) {
            return ConsentOutcome.NOT_ATTESTED;
        }
        if (!n.consentRequired()) {
            return ConsentOutcome.NOT_REQUIRED;
        }
        if (n.consent() == NoticeAnswer.CONSENT) {
            return ConsentOutcome.GIVEN;
        }
        return n.consentOnSilence() == SilenceMeans.CONSENT ? ConsentOutcome.GIVEN_BY_SILENCE : ConsentOutcome.REFUSED_BY_SILENCE;
    }

    /** Staff's maker-checker override of a pending right of first refusal or notice, with its reason. */
    List<Event> override(OverrideRofr a, String proposer) {
        Listing listing = state.listings.get(a.listingId());
        PrunedIds.refuseListing(state, listing, a.listingId());
        Rejection.check(listing != null, RejectCode.UNKNOWN_LISTING, "no listing " + a.listingId());
        Rejection.check(listing.status() == ListingStatus.PENDING_APPROVAL && listing.rofr() == RofrStatus.PENDING,
                RejectCode.ROFR_NOT_PENDING, "listing " + listing.listingId() + " has no pending right of first refusal");
        Validation.present(a.decision(), "decision");
        String reason = Validation.text(a.reason(), "reason");
        TransferNotice notice = state.notices.get(listing.listingId());
        if (a.decision() == ClearRofr.RofrDecision.WAIVED) {
            Rejection.check(a.exercisedBy() == null, RejectCode.INVALID_FIELD, "exercisedBy is only for EXERCISED");
            List<Event> events = new ArrayList<>();
            if (notice != null) {
                events.add(new TransferNoticeResolved(listing.listingId(), ConsentOutcome.OVERRIDDEN, List.of(),
                        notice.silent(), listing.units()));
            }
            events.add(new RofrCleared(listing.listingId(), a.decision(), List.of(), null, proposer, reason));
            return events;
        }
        if (a.exercisedBy() != null) {
            Rejection.check(!a.exercisedBy().equals(listing.seller())
                            && state.position(listing.fundCode(), a.exercisedBy()).registeredUnits().positive(), RejectCode.INVALID_FIELD,
                    "exercisedBy must name a current holder of " + listing.fundCode() + " other than the seller");
        }
        List<Event> events = new ArrayList<>();
        if (notice != null) {
            events.add(new TransferNoticeResolved(listing.listingId(), ConsentOutcome.OVERRIDDEN, List.of(),
                    notice.silent(), listing.units()));
        }
        events.add(new RofrCleared(listing.listingId(), a.decision(), List.of(), a.exercisedBy(), proposer, reason));
        events.add(new ListingCancelled(listing.listingId(), listing.units(), RejectCode.ROFR_NOT_CLEARED.code(),
                        "right of first refusal exercised (staff override)"));
        return events;
    }
}
