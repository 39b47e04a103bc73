package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.FUNDS;
import static fundexchange.registry.schema.Tables.HOLDINGS;
import static fundexchange.registry.schema.Tables.LISTINGS;
import static fundexchange.registry.schema.Tables.PARTICIPANTS;
import static fundexchange.registry.schema.Tables.PARTICIPANT_KEYS;
import static fundexchange.registry.schema.Tables.TRANSFERS;

import fundexchange.engine.book.Side;
import fundexchange.engine.event.AuctionClosed;
import fundexchange.engine.event.BookBatchSettled;
import fundexchange.engine.event.BookHalted;
import fundexchange.engine.event.BookOpened;
import fundexchange.engine.event.OrderAccepted;
import fundexchange.engine.event.OrderAmended;
import fundexchange.engine.event.OrderCancelled;
import fundexchange.engine.event.BidCancelled;
import fundexchange.engine.event.BidPlaced;
import fundexchange.engine.event.Event;
import fundexchange.engine.event.IntentAmended;
import fundexchange.engine.event.IntentClosed;
import fundexchange.engine.event.IntentMatchedListing;
import fundexchange.engine.event.IntentPosted;
import fundexchange.engine.event.MatchAccepted;
import fundexchange.engine.event.MatchAgreed;
import fundexchange.engine.event.MatchBrokered;
import fundexchange.engine.event.MatchDeclined;
import fundexchange.engine.event.MatchProposed;
import fundexchange.engine.event.MatchScanLimited;
import fundexchange.engine.event.OfferClosed;
import fundexchange.engine.event.OfferPosted;
import fundexchange.engine.event.QuoteAccepted;
import fundexchange.engine.event.QuoteCountered;
import fundexchange.engine.event.QuoteDeclined;
import fundexchange.engine.event.QuoteSubmitted;
import fundexchange.engine.event.ListingCancelled;
import fundexchange.engine.event.RofrCleared;
import fundexchange.engine.event.SealedBidPlaced;
import fundexchange.engine.event.TradeFailed;
import fundexchange.engine.event.CheckpointRecorded;
import fundexchange.engine.event.CustodyApproved;
import fundexchange.engine.event.CustodyRejected;
import fundexchange.engine.event.CustodySubmitted;
import fundexchange.engine.event.HoldingConfirmed;
import fundexchange.engine.event.PledgeRegistered;
import fundexchange.engine.event.PledgeReleased;
import fundexchange.engine.event.UnitsFrozen;
import fundexchange.engine.event.UnitsUnfrozen;
import fundexchange.engine.event.ExchangeKeyRegistered;
import fundexchange.engine.event.FundRegistered;
import fundexchange.engine.event.HolidaysSet;
import fundexchange.engine.event.KeyRegistered;
import fundexchange.engine.event.KeyRevoked;
import fundexchange.engine.event.ListingDeclined;
import fundexchange.engine.event.ListingExpired;
import fundexchange.engine.event.ListingWithdrawn;
import fundexchange.engine.event.ListingOpened;
import fundexchange.engine.event.ListingSubmitted;
import fundexchange.engine.event.NavUpdated;
import fundexchange.engine.event.ParticipantApproved;
import fundexchange.engine.event.ParticipantRegistered;
import fundexchange.engine.event.PlatformParameterSet;
import fundexchange.engine.event.ProposalApproved;
import fundexchange.engine.event.ProposalCreated;
import fundexchange.engine.event.QualificationSet;
import fundexchange.engine.event.TradeExecuted;
import fundexchange.engine.event.TradeSettled;
import fundexchange.engine.event.UnitsDeposited;
import fundexchange.engine.money.Money;
import fundexchange.engine.money.Units;
import fundexchange.engine.reference.Fund;
import fundexchange.engine.reference.Role;
import fundexchange.registry.schema.tables.records.ListingsRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Writes one event's effect on the registry tables, mirroring the engine's {@code StateApplier}. It never decides:
 * an update that finds no row, or a row that breaks a constraint, means the projection disagrees with the engine.
 */
final class EventProjection {
    private static final String ACTIVE = "ACTIVE";
    private final DSLContext tx;
    private final AuctionProjection auctions;
    private final OrderBookProjection books;
    private final IntentProjection intents;
    private final CustodyProjection custody;
    private final ProposalProjection proposals;

    EventProjection(DSLContext tx) {
        this.tx = tx;
        this.auctions = new AuctionProjection(tx);
        this.books = new OrderBookProjection(tx);
        this.intents = new IntentProjection(tx);
        this.custody = new CustodyProjection(tx);
        this.proposals = new ProposalProjection(tx);
    }

    /** Applies one event of the document at {@code index}, journaled at {@code time} (epoch ms). */
    void apply(Event event, long index, long time) {
        switch (event) {
            case ParticipantRegistered e -> tx.insertInto(PARTICIPANTS)
                    .set(PARTICIPANTS.ID, e.participantId())
                    .set(PARTICIPANTS.NAME, e.name())
                    .set(PARTICIPANTS.TYPE, e.participantType().name())
                    .set(PARTICIPANTS.ROLES, e.roles().stream().map(Role::name).collect(Collectors.joining(",")))
                    .set(PARTICIPANTS.STATUS, e.active() ? ACTIVE : "PENDING")
                    .set(PARTICIPANTS.QUALIFICATION, "NOT_QUALIFIED")
                    .set(PARTICIPANTS.LEGAL_NAME, e.legalName())
                    .set(PARTICIPANTS.REGISTRATION_NUMBER, e.registrationNumber())
                    .execute();
            case ParticipantApproved e -> one(tx.update(PARTICIPANTS).set(PARTICIPANTS.STATUS, ACTIVE)
                    .where(PARTICIPANTS.ID.eq(e.participantId())).execute(), "participant " + e.participantId());
            case QualificationSet e -> {
                one(tx.update(PARTICIPANTS)
                        .set(PARTICIPANTS.QUALIFICATION, e.status().name())
                        .set(PARTICIPANTS.QUALIFIED_UNTIL, e.validUntil() == null ? null : LocalDate.parse(e.validUntil()))
                        .where(PARTICIPANTS.ID.eq(e.participantId())).execute(), "participant " + e.participantId());
                custody.qualification(e, index);
            }
            case KeyRegistered e -> tx.insertInto(PARTICIPANT_KEYS)
                    .set(PARTICIPANT_KEYS.KEY_ID, e.keyId())
                    .set(PARTICIPANT_KEYS.PARTICIPANT_ID, e.participantId())
                    .set(PARTICIPANT_KEYS.ALGORITHM, e.algorithm())
                    .set(PARTICIPANT_KEYS.PUBLIC_KEY, e.publicKey())
                    .set(PARTICIPANT_KEYS.STATUS, ACTIVE)
                    .set(PARTICIPANT_KEYS.REGISTERED_AT_INDEX, index)
                    .execute();
            case KeyRevoked e -> one(tx.update(PARTICIPANT_KEYS)
                    .set(PARTICIPANT_KEYS.STATUS, "REVOKED")
                    .set(PARTICIPANT_KEYS.REVOKED_AT_INDEX, index)
                    .where(PARTICIPANT_KEYS.KEY_ID.eq(e.keyId()), PARTICIPANT_KEYS.PARTICIPANT_ID.eq(e.participantId()))
                    .execute(), "key " + e.keyId());
            case FundRegistered e -> registerFund(e.fund());
            case NavUpdated e -> one(tx.update(FUNDS)
                    .set(FUNDS.NAV, e.nav().decimal())
                    .set(FUNDS.NAV_DATE, LocalDate.parse(e.navDate()))
                    .where(FUNDS.CODE.eq(e.fundCode())).execute(), "fund " + e.fundCode());
            case UnitsDeposited e -> {
                addToHolding(e.fundCode(), e.holder(), e.units(), e.cost(), e.subscribed(), e.paidIn(), e.unconfirmed());
                holderCount(e.fundCode(), e.holderCount());
            }
            case ListingSubmitted e -> submit(e);
            case ListingOpened e -> listingStatus(e.listingId(), "OPEN");
            case ListingExpired e -> {
                ListingsRecord listing = listingStatus(e.listingId(), "EXPIRED");
                changeHolding(listing.getFundCode(), listing.getSeller(), BigDecimal.ZERO, e.unitsUnlocked().decimal().negate(),
                        BigDecimal.ZERO);
            }
            case ListingDeclined e -> cancelled(e.listingId(), e.unitsUnlocked().decimal());
            case ListingCancelled e -> {
                cancelled(e.listingId(), e.unitsUnlocked().decimal());
                one(tx.update(LISTINGS).set(LISTINGS.CLOSED_REASON, e.reason())
                        .where(LISTINGS.LISTING_ID.eq(e.listingId())).execute(), "listing " + e.listingId());
            }
            case RofrCleared e -> auctions.rofr(e, index);
            case BidPlaced e -> auctions.bid(e);
            case SealedBidPlaced e -> auctions.sealedBid(e);
            case BidCancelled e -> auctions.cancelled(e);
            case AuctionClosed e -> auctions.closed(e);
            case TradeFailed e -> fail(e, index);
            case ListingWithdrawn e -> cancelled(e.listingId(), e.unitsUnlocked().decimal());
            case TradeExecuted e -> execute(e, index);
            case TradeSettled e -> settle(e, index);
            case ExchangeKeyRegistered e -> { }
            case ProposalCreated e -> proposals.created(e, time);
            case ProposalApproved e -> proposals.approved(e, index, time);
            case PlatformParameterSet e -> custody.parameter(e, index);
            case CustodySubmitted e -> custody.submitted(e);
            case CustodyApproved e -> custody.approved(e, index);
            case CustodyRejected e -> custody.rejected(e, index);
            case HoldingConfirmed e -> custody.confirmed(e, index);
            case PledgeRegistered e -> custody.pledged(e);
            case PledgeReleased e -> custody.released(e, index);
            case UnitsFrozen e -> custody.frozen(e, index);
            case UnitsUnfrozen e -> custody.unfrozen(e, index);
            case HolidaysSet e -> { }
            case CheckpointRecorded e -> { }
            case BookOpened e -> books.opened(e);
            case BookHalted e -> books.halted(e);
            case OrderAccepted e -> {
                books.accepted(e);
                lockForSale(e.fundCode(), e.owner(), e.side(), e.units().decimal());
            }
            case OrderAmended e -> {
                books.amended(e, index);
                lockForSale(e.fundCode(), e.owner(), e.side(), e.units().decimal().subtract(e.unitsBefore().decimal()));
            }
            case OrderCancelled e -> {
                books.cancelled(e, index);
                lockForSale(e.fundCode(), e.owner(), e.side(), e.units().decimal().negate());
            }
            case BookBatchSettled e -> { }
            case OfferPosted e -> {
                intents.offerPosted(e);
                changeHolding(e.fundCode(), e.holder(), BigDecimal.ZERO, e.units().decimal(), BigDecimal.ZERO);
            }
            case OfferClosed e -> {
                intents.offerClosed(e, index);
                changeHolding(e.fundCode(), e.holder(), BigDecimal.ZERO, e.unitsUnlocked().decimal().negate(), BigDecimal.ZERO);
            }
            case IntentPosted e -> intents.intentPosted(e);
            case IntentAmended e -> intents.intentAmended(e, index);
            case IntentClosed e -> intents.intentClosed(e, index);
            case QuoteSubmitted e -> intents.quoteSubmitted(e, index);
            case QuoteCountered e -> intents.quoteCountered(e, index);
            case QuoteDeclined e -> intents.quoteDeclined(e, index);
            case QuoteAccepted e -> intents.quoteAccepted(e, index);
            case MatchProposed e -> intents.matchProposed(e, index);
            case MatchBrokered e -> intents.matchBrokered(e, index);
            case MatchAccepted e -> intents.matchAccepted(e);
            case MatchDeclined e -> intents.matchDeclined(e, index);
            case MatchAgreed e -> intents.matchAgreed(e, index);
            case IntentMatchedListing e -> intents.listingNotice(e, index);
            case MatchScanLimited e -> { }
        }
    }

    /** A sell order's open units are locked, as in the engine; a fill keeps them locked for the pending trade. */
    private void lockForSale(String fundCode, String owner, Side side, BigDecimal change) {
        if (side == Side.SELL && change.signum() != 0) {
            changeHolding(fundCode, owner, BigDecimal.ZERO, change, BigDecimal.ZERO);
        }
    }

    private void cancelled(long listingId, BigDecimal unlocked) {
        ListingsRecord listing = listingStatus(listingId, "CANCELLED");
        changeHolding(listing.getFundCode(), listing.getSeller(), BigDecimal.ZERO, unlocked.negate(), BigDecimal.ZERO);
    }

    private void registerFund(Fund fund) {
        tx.insertInto(FUNDS)
                .set(FUNDS.CODE, fund.fundCode())
                .set(FUNDS.SHORT_NAME, fund.shortName())
                .set(FUNDS.MANAGER, fund.manager())
                .set(FUNDS.STRATEGY, fund.strategy())
                .set(FUNDS.VINTAGE, fund.vintage())
                .set(FUNDS.CURRENCY, fund.currency())
                .set(FUNDS.LEGAL_FORM, fund.legalForm().name())
                .set(FUNDS.CUSTODY_MODE, fund.custodyMode().name())
                .set(FUNDS.HOLDER_CAP, fund.holderCap())
                .set(FUNDS.HOLDER_COUNT, fund.holderCount())
                .set(FUNDS.NAV, fund.nav().decimal())
                .set(FUNDS.NAV_DATE, LocalDate.parse(fund.navDate()))
                .set(FUNDS.MIN_TRANSFER_UNITS, fund.minTransferUnits().decimal())
                .set(FUNDS.ROFR, fund.rightOfFirstRefusal())
                .execute();
    }

    private void submit(ListingSubmitted e) {
        tx.insertInto(LISTINGS)
                .set(LISTINGS.LISTING_ID, e.listingId())
                .set(LISTINGS.FUND_CODE, e.fundCode())
                .set(LISTINGS.SELLER, e.seller())
                .set(LISTINGS.BUYER, e.buyer())
                .set(LISTINGS.UNITS, e.units().decimal())
                .set(LISTINGS.PRICE, e.price().decimal())
                .set(LISTINGS.EXPIRES_AT, e.expiresAt())
                .set(LISTINGS.STATUS, "PENDING_APPROVAL")
                .set(LISTINGS.MECHANISM, e.mechanism() == null ? "NEGOTIATED" : e.mechanism().name())
                .set(LISTINGS.RESERVE_PRICE, e.auction() == null ? null : e.auction().reservePrice().decimal())
                .set(LISTINGS.MIN_INCREMENT, e.auction() == null || e.auction().minIncrement() == null ? null
                        : e.auction().minIncrement().decimal())
                .set(LISTINGS.STARTS_AT, e.auction() == null ? null : e.auction().startsAt())
                .set(LISTINGS.ENDS_AT, e.auction() == null ? null : e.auction().endsAt())
                .set(LISTINGS.SECOND_PRICE, e.auction() != null && e.auction().secondPrice())
                .set(LISTINGS.ROFR, e.rofr() == null ? "NOT_APPLICABLE" : e.rofr().name())
                .execute();
        changeHolding(e.fundCode(), e.seller(), BigDecimal.ZERO, e.units().decimal(), BigDecimal.ZERO);
    }

    private void execute(TradeExecuted e, long index) {
        tx.insertInto(TRANSFERS)
                .set(TRANSFERS.TRADE_ID, e.tradeId())
                .set(TRANSFERS.BUY_ORDER_ID, e.buyOrderId())
                .set(TRANSFERS.SELL_ORDER_ID, e.sellOrderId())
                .set(TRANSFERS.TRADE_DATE, e.tradeDate() == null ? null : LocalDate.parse(e.tradeDate()))
                .set(TRANSFERS.LISTING_ID, e.offerId() == null && !e.bookTrade() ? e.listingId() : null)
                .set(TRANSFERS.OFFER_ID, e.offerId())
                .set(TRANSFERS.FUND_CODE, e.fundCode())
                .set(TRANSFERS.SELLER, e.seller())
                .set(TRANSFERS.BUYER, e.buyer())
                .set(TRANSFERS.UNITS, e.units().decimal())
                .set(TRANSFERS.PRICE, e.price().decimal())
                .set(TRANSFERS.CONSIDERATION, e.consideration().decimal())
                .set(TRANSFERS.PERCENT_OF_NAV_BP, e.percentOfNavBasisPoints())
                .set(TRANSFERS.MULTIPLE_OF_COST, e.multipleOfCost().decimal())
                .set(TRANSFERS.STATUS, "PENDING_SETTLEMENT")
                .set(TRANSFERS.EXECUTED_INDEX, index)
                .set(TRANSFERS.SETTLE_BY, e.settleBy())
                .execute();
        if (e.bookTrade()) {
            books.filled(e, index);
        } else if (e.offerId() != null) {
            intents.traded(e);
        } else {
            listingStatus(e.listingId(), "EXECUTED");
        }
    }

    private void settle(TradeSettled e, long index) {
        one(tx.update(TRANSFERS)
                .set(TRANSFERS.STATUS, "SETTLED")
                .set(TRANSFERS.SETTLED_INDEX, index)
                .where(TRANSFERS.TRADE_ID.eq(e.tradeId())).execute(), "trade " + e.tradeId());
        BigDecimal moved = e.units().decimal();
        BigDecimal subscribed = e.subscribedMoved() == null ? BigDecimal.ZERO : e.subscribedMoved().decimal();
        BigDecimal paidIn = e.paidInMoved() == null ? BigDecimal.ZERO : e.paidInMoved().decimal();
        one(tx.update(HOLDINGS)
                .set(HOLDINGS.UNITS, HOLDINGS.UNITS.minus(moved))
                .set(HOLDINGS.LOCKED, HOLDINGS.LOCKED.minus(moved))
                .set(HOLDINGS.COST, HOLDINGS.COST.minus(e.sellerCostReleased().decimal()))
                .set(HOLDINGS.SUBSCRIBED, HOLDINGS.SUBSCRIBED.minus(subscribed))
                .set(HOLDINGS.PAID_IN, HOLDINGS.PAID_IN.minus(paidIn))
                .where(HOLDINGS.FUND_CODE.eq(e.fundCode()), HOLDINGS.HOLDER.eq(e.seller())).execute(),
                "holding of " + e.seller() + " in " + e.fundCode());
        BigDecimal zero = BigDecimal.ZERO;
        tx.deleteFrom(HOLDINGS)
                .where(HOLDINGS.FUND_CODE.eq(e.fundCode()), HOLDINGS.HOLDER.eq(e.seller()),
                        HOLDINGS.UNITS.eq(zero), HOLDINGS.LOCKED.eq(zero), HOLDINGS.COST.eq(zero), HOLDINGS.PLEDGED.eq(zero),
                        HOLDINGS.FROZEN.eq(zero), HOLDINGS.UNCONFIRMED.eq(zero), HOLDINGS.SUBSCRIBED.eq(zero),
                        HOLDINGS.PAID_IN.eq(zero))
                .execute();
        addToHolding(e.fundCode(), e.buyer(), e.units(), e.consideration(), e.subscribedMoved(), e.paidInMoved(), null);
        holderCount(e.fundCode(), e.holderCount());
    }

    private void fail(TradeFailed e, long index) {
        one(tx.update(TRANSFERS)
                .set(TRANSFERS.STATUS, "FAILED")
                .set(TRANSFERS.FAILED_INDEX, index)
                .set(TRANSFERS.FAILURE_CODE, e.rejectCode())
                .set(TRANSFERS.FAILURE_REASON, e.reason())
                .where(TRANSFERS.TRADE_ID.eq(e.tradeId())).execute(), "trade " + e.tradeId());
        changeHolding(e.fundCode(), e.seller(), BigDecimal.ZERO, e.units().decimal().negate(), BigDecimal.ZERO);
    }

    /** Adds units, cost, commitment and unconfirmed units (absent amounts: zero) to a holding, creating it if new. */
    private void addToHolding(String fundCode, String holder, Units units, Money cost, Money subscribed, Money paidIn,
                              Units unconfirmed) {
        tx.insertInto(HOLDINGS)
                .set(HOLDINGS.FUND_CODE, fundCode)
                .set(HOLDINGS.HOLDER, holder)
                .set(HOLDINGS.UNITS, units.decimal())
                .set(HOLDINGS.LOCKED, BigDecimal.ZERO)
                .set(HOLDINGS.COST, cost.decimal())
                .set(HOLDINGS.SUBSCRIBED, subscribed == null ? BigDecimal.ZERO : subscribed.decimal())
                .set(HOLDINGS.PAID_IN, paidIn == null ? BigDecimal.ZERO : paidIn.decimal())
                .set(HOLDINGS.UNCONFIRMED, unconfirmed == null ? BigDecimal.ZERO : unconfirmed.decimal())
                .onConflict(HOLDINGS.FUND_CODE, HOLDINGS.HOLDER)
                .doUpdate()
                .set(HOLDINGS.UNITS, HOLDINGS.UNITS.plus(DSL.excluded(HOLDINGS.UNITS)))
                .set(HOLDINGS.COST, HOLDINGS.COST.plus(DSL.excluded(HOLDINGS.COST)))
                .set(HOLDINGS.SUBSCRIBED, HOLDINGS.SUBSCRIBED.plus(DSL.excluded(HOLDINGS.SUBSCRIBED)))
                .set(HOLDINGS.PAID_IN, HOLDINGS.PAID_IN.plus(DSL.excluded(HOLDINGS.PAID_IN)))
                .set(HOLDINGS.UNCONFIRMED, HOLDINGS.UNCONFIRMED.plus(DSL.excluded(HOLDINGS.UNCONFIRMED)))
                .execute();
    }

    /** Adds signed deltas to an existing holding. */
    private void changeHolding(String fundCode, String holder, BigDecimal units, BigDecimal locked, BigDecimal cost) {
        one(tx.update(HOLDINGS)
                .set(HOLDINGS.UNITS, HOLDINGS.UNITS.plus(units))
                .set(HOLDINGS.LOCKED, HOLDINGS.LOCKED.plus(locked))
                .set(HOLDINGS.COST, HOLDINGS.COST.plus(cost))
                .where(HOLDINGS.FUND_CODE.eq(fundCode), HOLDINGS.HOLDER.eq(holder))
                .execute(), "holding of " + holder + " in " + fundCode);
    }

    private ListingsRecord listingStatus(long listingId, String status) {
        ListingsRecord listing = tx.update(LISTINGS).set(LISTINGS.STATUS, status)
                .where(LISTINGS.LISTING_ID.eq(listingId))
                .returning()
                .fetchOne();
        if (listing == null) {
            throw new IllegalStateException("no listing " + listingId + " in the registry");
        }
        return listing;
    }

    private void holderCount(String fundCode, int holderCount) {
        one(tx.update(FUNDS).set(FUNDS.HOLDER_COUNT, holderCount).where(FUNDS.CODE.eq(fundCode)).execute(),
                "fund " + fundCode);
    }

    static void one(int rows, String what) {
        if (rows != 1) {
            throw new IllegalStateException("no " + what + " in the registry");
        }
    }
}
