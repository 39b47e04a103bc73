package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.FUNDS;
import static fundexchange.registry.schema.Tables.FUND_NAV_HISTORY;
import static fundexchange.registry.schema.Tables.LISTINGS;
import static fundexchange.registry.schema.Tables.PARTICIPANTS;
import static fundexchange.registry.schema.Tables.PARTICIPANT_KEYS;
import static fundexchange.registry.schema.Tables.TRANSFERS;

import fundexchange.protocol.book.Side;
import fundexchange.protocol.event.TransferNoticeAnswered;
import fundexchange.protocol.event.TransferNoticeIssued;
import fundexchange.protocol.event.TransferNoticeResolved;
import fundexchange.protocol.event.TransferTermsSet;
import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.BookBatchSettled;
import fundexchange.protocol.event.BookHalted;
import fundexchange.protocol.event.BookOpened;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderAmended;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.event.BidCancelled;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.IntentAmended;
import fundexchange.protocol.event.IntentClosed;
import fundexchange.protocol.event.IntentMatchedListing;
import fundexchange.protocol.event.IntentPosted;
import fundexchange.protocol.event.MatchAccepted;
import fundexchange.protocol.event.MatchAgreed;
import fundexchange.protocol.event.MatchBrokered;
import fundexchange.protocol.event.MatchDeclined;
import fundexchange.protocol.event.MatchProposed;
import fundexchange.protocol.event.MatchScanLimited;
import fundexchange.protocol.event.OfferClosed;
import fundexchange.protocol.event.OfferPosted;
import fundexchange.protocol.event.QuoteAccepted;
import fundexchange.protocol.event.QuoteCountered;
import fundexchange.protocol.event.QuoteDeclined;
import fundexchange.protocol.event.QuoteSubmitted;
import fundexchange.protocol.event.ListingCancelled;
import fundexchange.protocol.event.RofrCleared;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.event.TradeFailed;
import fundexchange.protocol.event.CheckpointRecorded;
import fundexchange.protocol.event.CustodyApproved;
import fundexchange.protocol.event.CustodyRejected;
import fundexchange.protocol.event.CustodySubmitted;
import fundexchange.protocol.event.HoldingConfirmed;
import fundexchange.protocol.event.PledgeRegistered;
import fundexchange.protocol.event.DisclosureDirected;
import fundexchange.protocol.event.DocumentOpened;
import fundexchange.protocol.event.DocumentRegistered;
import fundexchange.protocol.event.NdaAccepted;
import fundexchange.protocol.event.PledgeReleased;
import fundexchange.protocol.event.UnitsFrozen;
import fundexchange.protocol.event.UnitsUnfrozen;
import fundexchange.protocol.event.ExchangeKeyRegistered;
import fundexchange.protocol.event.FundRegistered;
import fundexchange.protocol.event.HolidaysSet;
import fundexchange.protocol.event.KeyRegistered;
import fundexchange.protocol.event.KeyRevoked;
import fundexchange.protocol.event.ListingDeclined;
import fundexchange.protocol.event.ListingExpired;
import fundexchange.protocol.event.ListingWithdrawn;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.event.NavUpdated;
import fundexchange.protocol.event.ParticipantApproved;
import fundexchange.protocol.event.ParticipantRegistered;
import fundexchange.protocol.event.ParticipantReinstated;
import fundexchange.protocol.event.ParticipantSuspended;
import fundexchange.protocol.event.PlatformParameterSet;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.ProposalExpired;
import fundexchange.protocol.event.ProposalCreated;
import fundexchange.protocol.event.QualificationSet;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.protocol.event.UnitsDeposited;
import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Role;
import fundexchange.registry.projector.HoldingChanges.Column;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Writes one event's effect on the registry tables, mirroring the engine's {@code StateApplier}. It never decides:
 * an update that finds no row, or a row that breaks a constraint, means the projection disagrees with the engine.
 * Statements queue in a {@link StatementBatch} and holding changes sum in {@link HoldingChanges}; both are written by
 * {@link #finish()} at the end of the transaction.
 */
final class EventProjection {
    private static final String ACTIVE = "ACTIVE";
    private static final Template LISTING = Template.insert("listings.insert", LISTINGS, LISTINGS.LISTING_ID,
            LISTINGS.FUND_CODE, LISTINGS.SELLER, LISTINGS.BUYER, LISTINGS.UNITS, LISTINGS.PRICE, LISTINGS.EXPIRES_AT,
            LISTINGS.STATUS, LISTINGS.MECHANISM, LISTINGS.RESERVE_PRICE, LISTINGS.MIN_INCREMENT, LISTINGS.STARTS_AT,
            LISTINGS.ENDS_AT, LISTINGS.SECOND_PRICE, LISTINGS.ROFR, LISTINGS.CLOSED_REASON, LISTINGS.STEP_MS,
            LISTINGS.UNITS_SOLD, LISTINGS.TERMS);
    private static final int LISTING_STATUS = LISTING.position(LISTINGS.STATUS);
    private static final int LISTING_UNITS = LISTING.position(LISTINGS.UNITS);
    private static final int LISTING_UNITS_SOLD = LISTING.position(LISTINGS.UNITS_SOLD);
    private static final int LISTING_CLOSED_REASON = LISTING.position(LISTINGS.CLOSED_REASON);
    private static final Template STATUS = Template.update("listings.status", LISTINGS, List.of(LISTINGS.STATUS),
            List.of(LISTINGS.LISTING_ID));
    private static final Template TRANSFER = Template.insert("transfers.insert", TRANSFERS, TRANSFERS.TRADE_ID,
            TRANSFERS.BUY_ORDER_ID, TRANSFERS.SELL_ORDER_ID, TRANSFERS.TRADE_DATE, TRANSFERS.LISTING_ID, TRANSFERS.OFFER_ID,
            TRANSFERS.FUND_CODE, TRANSFERS.SELLER, TRANSFERS.BUYER, TRANSFERS.UNITS, TRANSFERS.PRICE,
            TRANSFERS.CONSIDERATION, TRANSFERS.PERCENT_OF_NAV_BP, TRANSFERS.MULTIPLE_OF_COST, TRANSFERS.STATUS,
            TRANSFERS.EXECUTED_INDEX, TRANSFERS.SETTLE_BY, TRANSFERS.SETTLED_INDEX, TRANSFERS.SETTLED_AT,
            TRANSFERS.EXECUTED_AT);
    private static final int TRANSFER_STATUS = TRANSFER.position(TRANSFERS.STATUS);
    private static final int TRANSFER_SETTLED_INDEX = TRANSFER.position(TRANSFERS.SETTLED_INDEX);
    private static final int TRANSFER_SETTLED_AT = TRANSFER.position(TRANSFERS.SETTLED_AT);
    private static final Template SETTLE = Template.update("transfers.settle", TRANSFERS,
            List.of(TRANSFERS.STATUS, TRANSFERS.SETTLED_INDEX, TRANSFERS.SETTLED_AT), List.of(TRANSFERS.TRADE_ID));
    private static final Template FUND_NAV = Template.update("funds.nav", FUNDS, List.of(FUNDS.NAV, FUNDS.NAV_DATE),
            List.of(FUNDS.CODE));
    private static final Template NAV_HISTORY = Template.insert("fund_nav_history.insert", FUND_NAV_HISTORY,
            FUND_NAV_HISTORY.FUND_CODE, FUND_NAV_HISTORY.SOURCE_INDEX, FUND_NAV_HISTORY.NAV, FUND_NAV_HISTORY.NAV_DATE,
            FUND_NAV_HISTORY.RECORDED_AT);
    private final DSLContext tx;
    private final StatementBatch batch;
    private final HoldingChanges holdings = new HoldingChanges();
    private final ListingOwners listings;
    private final AuctionProjection auctions;
    private final NoticeProjection notices;
    private final OrderBookProjection books;
    private final IntentProjection intents;
    private final CustodyProjection custody;
    private final CalendarProjection calendar;
    private final StateOwnedProjection stateOwned;
    private final ProposalProjection proposals;
    private final DataRoomProjection dataRooms;
    private final CashProjection cash;
    private final MarketProjection market;

    EventProjection(DSLContext tx, ListingOwners listings) {
        this.tx = tx;
        this.batch = new StatementBatch(tx);
        this.listings = listings;
        this.auctions = new AuctionProjection(tx, batch);
        this.notices = new NoticeProjection(tx, batch);
        this.books = new OrderBookProjection(tx, batch);
        this.intents = new IntentProjection(tx, batch);
        this.custody = new CustodyProjection(tx, batch, holdings);
        this.calendar = new CalendarProjection(tx, batch);
        this.stateOwned = new StateOwnedProjection(tx, batch);
        this.proposals = new ProposalProjection(batch);
        this.dataRooms = new DataRoomProjection(tx, batch);
        this.cash = new CashProjection(tx, batch);
        this.market = new MarketProjection(tx);
    }

    /** A suspension or reinstatement: the new status, its reason and the index that decided it. */
    private void statusChanged(String participantId, String status, String reason, long index) {
        batch.one(tx.update(PARTICIPANTS).set(PARTICIPANTS.STATUS, status).set(PARTICIPANTS.STATUS_REASON, reason)
                        .set(PARTICIPANTS.STATUS_INDEX, index).where(PARTICIPANTS.ID.eq(participantId)),
                "participant " + participantId, participant(participantId));
    }

    /** Writes everything the applied events queued. */
    void finish() {
        cash.finish();
        holdings.flush(batch);
        market.finish();
    }

    /** Whether a document of this transaction published a market-data snapshot (to announce after the commit). */
    boolean marketPublished() {
        return market.published();
    }

    /** Before a document's events: the day's rollover in journal time publishes the market-data snapshot. */
    void document(long time) {
        market.document(time, () -> holdings.flush(batch));
    }

    /** Applies one event of the document at {@code index}, written at journal time {@code time} (epoch ms). */
    void apply(Event event, long index, long time) {
        switch (event) {
            case ParticipantRegistered e -> batch.insert(tx.insertInto(PARTICIPANTS)
                    .set(PARTICIPANTS.ID, e.participantId())
                    .set(PARTICIPANTS.NAME, e.name())
                    .set(PARTICIPANTS.TYPE, e.participantType().name())
                    .set(PARTICIPANTS.ROLES, e.roles().stream().map(Role::name).collect(Collectors.joining(",")))
                    .set(PARTICIPANTS.STATUS, e.active() ? ACTIVE : "PENDING")
                    .set(PARTICIPANTS.QUALIFICATION, "NOT_QUALIFIED")
                    .set(PARTICIPANTS.LEGAL_NAME, e.legalName())
                    .set(PARTICIPANTS.REGISTRATION_NUMBER, e.registrationNumber())
                    .set(PARTICIPANTS.REGISTERED_AT, time), List.of(participant(e.participantId())));
            case ParticipantApproved e -> batch.one(tx.update(PARTICIPANTS).set(PARTICIPANTS.STATUS, ACTIVE)
                    .where(PARTICIPANTS.ID.eq(e.participantId())), "participant " + e.participantId(), participant(e.participantId()));
            case ParticipantSuspended e -> statusChanged(e.participantId(), "SUSPENDED", e.reason(), index);
            case ParticipantReinstated e -> statusChanged(e.participantId(), ACTIVE, e.reason(), index);
            case QualificationSet e -> {
                batch.one(tx.update(PARTICIPANTS)
                        .set(PARTICIPANTS.QUALIFICATION, e.status().name())
                        .set(PARTICIPANTS.QUALIFIED_UNTIL, e.validUntil() == null ? null : LocalDate.parse(e.validUntil()))
                        .where(PARTICIPANTS.ID.eq(e.participantId())), "participant " + e.participantId(),
                        participant(e.participantId()));
                custody.qualification(e, index);
            }
            case KeyRegistered e -> batch.insert(tx.insertInto(PARTICIPANT_KEYS)
                    .set(PARTICIPANT_KEYS.KEY_ID, e.keyId())
                    .set(PARTICIPANT_KEYS.PARTICIPANT_ID, e.participantId())
                    .set(PARTICIPANT_KEYS.ALGORITHM, e.algorithm())
                    .set(PARTICIPANT_KEYS.PUBLIC_KEY, e.publicKey())
                    .set(PARTICIPANT_KEYS.STATUS, ACTIVE)
                    .set(PARTICIPANT_KEYS.REGISTERED_AT_INDEX, index), List.of("K:" + e.keyId()), participant(e.participantId()));
            case KeyRevoked e -> batch.one(tx.update(PARTICIPANT_KEYS)
                    .set(PARTICIPANT_KEYS.STATUS, "REVOKED")
                    .set(PARTICIPANT_KEYS.REVOKED_AT_INDEX, index)
                    .where(PARTICIPANT_KEYS.KEY_ID.eq(e.keyId()), PARTICIPANT_KEYS.PARTICIPANT_ID.eq(e.participantId())),
                    "key " + e.keyId(), "K:" + e.keyId());
            case FundRegistered e -> {
                registerFund(e.fund());
                navHistory(e.fund().fundCode(), e.fund().nav(), e.fund().navDate(), index, time);
            }
            case NavUpdated e -> {
                batch.one(FUND_NAV, FUND_NAV.binds(e.nav().decimal(), LocalDate.parse(e.navDate()), e.fundCode()),
                        "fund " + e.fundCode(), fund(e.fundCode()));
                navHistory(e.fundCode(), e.nav(), e.navDate(), index, time);
            }
            case UnitsDeposited e -> {
                addToHolding(e.fundCode(), e.holder(), e.units(), e.cost(), e.subscribed(), e.paidIn(), e.unconfirmed());
                holdings.holderCount(e.fundCode(), e.holderCount());
            }
            case ListingSubmitted e -> submit(e);
            case ListingOpened e -> listingStatus(e.listingId(), "OPEN");
            case ListingExpired e -> cancelled(e.listingId(), "EXPIRED", e.unitsUnlocked().decimal());
            case ListingDeclined e -> cancelled(e.listingId(), "CANCELLED", e.unitsUnlocked().decimal());
            case ListingCancelled e -> {
                cancelled(e.listingId(), "CANCELLED", e.unitsUnlocked().decimal());
                batch.pendingInsert(listing(e.listingId())).ifPresentOrElse(
                        insert -> insert[LISTING_CLOSED_REASON] = e.reason(),
                        () -> batch.one(tx.update(LISTINGS).set(LISTINGS.CLOSED_REASON, e.reason())
                                .where(LISTINGS.LISTING_ID.eq(e.listingId())), "listing " + e.listingId(), listing(e.listingId())));
            }
            case RofrCleared e -> auctions.rofr(e, index);
            case TransferNoticeIssued e -> notices.issued(e, index, time);
            case TransferNoticeAnswered e -> notices.answered(e, index, time);
            case TransferNoticeResolved e -> {
                auctions.noticeResolved(e);
                notices.resolved(e, index, time);
            }
            case fundexchange.protocol.event.AuctionAwardedConditionally e -> notices.awarded(e, index, time);
            case fundexchange.protocol.event.AuctionMatchResolved e -> notices.matchResolved(e, index, time);
            case TransferTermsSet e -> notices.terms(e, index);
            case BidPlaced e -> auctions.bid(e);
            case SealedBidPlaced e -> auctions.sealedBid(e);
            case BidCancelled e -> auctions.cancelled(e);
            case AuctionClosed e -> auctions.closed(e);
            case TradeFailed e -> fail(e, index);
            case ListingWithdrawn e -> cancelled(e.listingId(), "CANCELLED", e.unitsUnlocked().decimal());
            case TradeExecuted e -> {
                execute(e, index, time);
                cash.executed(e, index, time);
            }
            case TradeSettled e -> {
                settle(e, index, time);
                market.settled(e.tradeId());
            }
            case ExchangeKeyRegistered e -> { }
            case ProposalCreated e -> proposals.created(e, time);
            case ProposalApproved e -> proposals.approved(e, index, time);
            case ProposalExpired e -> proposals.expired(e, index, time);
            case PlatformParameterSet e -> {
                custody.parameter(e, index);
                market.parameter(e);
            }
            case fundexchange.protocol.event.MarketDataConsentSet e -> market.consent(e, index);
            case CustodySubmitted e -> custody.submitted(e);
            case CustodyApproved e -> custody.approved(e, index);
            case CustodyRejected e -> custody.rejected(e, index);
            case HoldingConfirmed e -> custody.confirmed(e, index);
            case PledgeRegistered e -> custody.pledged(e);
            case PledgeReleased e -> custody.released(e, index);
            case UnitsFrozen e -> custody.frozen(e, index);
            case UnitsUnfrozen e -> custody.unfrozen(e, index);
            case HolidaysSet e -> calendar.set(e, index, time);
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
                holdings.change(e.fundCode(), e.holder(), Column.LOCKED, e.units().decimal());
            }
            case OfferClosed e -> {
                intents.offerClosed(e, index);
                holdings.change(e.fundCode(), e.holder(), Column.LOCKED, e.unitsUnlocked().decimal().negate());
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
            case fundexchange.protocol.event.StateOwnedEvent e -> stateOwned.apply(e, index, time);
            case DocumentRegistered e -> dataRooms.registered(e, time);
            case NdaAccepted e -> dataRooms.accepted(e, index, time);
            case DisclosureDirected e -> dataRooms.directed(e, index);
            case DocumentOpened e -> dataRooms.opened(e, index, time);
            case fundexchange.protocol.event.FundDocumentRegistered e -> dataRooms.fundDocument(e, time);
            case fundexchange.protocol.event.TradeUnitsDelivered e -> delivered(e);
            case fundexchange.protocol.event.TradeUnitsReturned e -> { // the units here, the manager's trade row there
                returned(e);
                cash.apply(e, index, time);
            }
            case fundexchange.protocol.event.CashEvent e -> cash.apply(e, index, time);
        }
    }

    /** The {@link StatementBatch} row keys of the hot tables. */
    static String participant(String id) {
        return "P:" + id;
    }

    static String fund(String code) {
        return "F:" + code;
    }

    static String listing(long id) {
        return "L:" + id;
    }

    /** A sell order's open units are locked, as in the engine; a fill keeps them locked for the pending trade. */
    private void lockForSale(String fundCode, String owner, Side side, BigDecimal change) {
        if (side == Side.SELL && change.signum() != 0) {
            holdings.change(fundCode, owner, Column.LOCKED, change);
        }
    }

    private void cancelled(long listingId, String status, BigDecimal unlocked) {
        ListingOwners.Owner listing = listingStatus(listingId, status);
        holdings.change(listing.fundCode(), listing.seller(), Column.LOCKED, unlocked.negate());
    }

    private void registerFund(Fund fund) {
        batch.insert(tx.insertInto(FUNDS)
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
                .set(FUNDS.FUND_SIZE, fund.size() == null ? null : fund.size().decimal()), List.of(fund(fund.fundCode())));
    }

    /** A row of a fund's NAV history: the NAV it was registered with, or an update. */
    private void navHistory(String fundCode, Price nav, String navDate, long index, long time) {
        batch.insert(NAV_HISTORY, NAV_HISTORY.binds(fundCode, index, nav.decimal(), LocalDate.parse(navDate), time),
                List.of("N:" + fundCode + "/" + index), fund(fundCode));
    }

    private void submit(ListingSubmitted e) {
        AuctionTerms auction = e.auction();
        batch.insertRow(LISTING, LISTING.binds(
                        e.listingId(),
                        e.fundCode(),
                        e.seller(),
                        e.buyer(),
                        e.units().decimal(),
                        e.price().decimal(),
                        e.expiresAt(),
                        "PENDING_APPROVAL",
                        e.mechanism() == null ? "NEGOTIATED" : e.mechanism().name(),
                        auction == null ? null : auction.reservePrice().decimal(),
                        auction == null || auction.minIncrement() == null ? null : auction.minIncrement().decimal(),
                        auction == null ? null : auction.startsAt(),
                        auction == null ? null : auction.endsAt(),
                        auction != null && auction.secondPrice(),
                        e.rofr() == null ? "NOT_APPLICABLE" : e.rofr().name(),
                        null,
                        auction == null ? null : auction.stepMs(),
                        BigDecimal.ZERO,
                        TermsJson.of(e.terms())),
                listing(e.listingId()), fund(e.fundCode()), participant(e.seller()),
                e.buyer() == null ? participant(e.seller()) : participant(e.buyer()));
        listings.listed(e.listingId(), e.fundCode(), e.seller());
        holdings.change(e.fundCode(), e.seller(), Column.LOCKED, e.units().decimal());
        if (e.deposit() != null) { // rules version 8: the bid deposit, fixed at listing
            batch.one(tx.update(fundexchange.registry.schema.Tables.LISTINGS)
                    .set(fundexchange.registry.schema.Tables.LISTINGS.DEPOSIT, e.deposit().decimal())
                    .where(fundexchange.registry.schema.Tables.LISTINGS.LISTING_ID.eq(e.listingId())),
                    "listing " + e.listingId(), listing(e.listingId()));
        }
    }

    private void execute(TradeExecuted e, long index, long time) {
        String origin = e.bookTrade() ? "Ord:" + e.buyOrderId() : e.offerId() != null ? "O:" + e.offerId() : listing(e.listingId());
        batch.insertRow(TRANSFER, TRANSFER.binds(
                        e.tradeId(),
                        e.buyOrderId(),
                        e.sellOrderId(),
                        e.tradeDate() == null ? null : LocalDate.parse(e.tradeDate()),
                        e.offerId() == null && !e.bookTrade() ? e.listingId() : null,
                        e.offerId(),
                        e.fundCode(),
                        e.seller(),
                        e.buyer(),
                        e.units().decimal(),
                        e.price().decimal(),
                        e.consideration().decimal(),
                        e.percentOfNavBasisPoints(),
                        e.multipleOfCost().decimal(),
                        "PENDING_SETTLEMENT",
                        index,
                        e.settleBy(),
                        null,
                        null,
                        time),
                trade(e.tradeId()), origin, "Ord:" + e.sellOrderId(), fund(e.fundCode()), participant(e.seller()),
                participant(e.buyer()));
        if (e.bookTrade()) {
            books.filled(e, index);
        } else if (e.offerId() != null) {
            intents.traded(e);
        } else {
            traded(e.listingId(), e.units().decimal());
        }
    }

    /** A listing's trade: EXECUTED once its units are sold (an acceptance of part of the lot leaves it OPEN). */
    private void traded(long listingId, BigDecimal units) {
        batch.pendingInsert(listing(listingId)).ifPresentOrElse(insert -> {
            BigDecimal sold = ((BigDecimal) insert[LISTING_UNITS_SOLD]).add(units);
            insert[LISTING_UNITS_SOLD] = sold;
            if (sold.compareTo((BigDecimal) insert[LISTING_UNITS]) >= 0) {
                insert[LISTING_STATUS] = "EXECUTED";
            }
        }, () -> batch.one(tx.update(LISTINGS)
                .set(LISTINGS.UNITS_SOLD, LISTINGS.UNITS_SOLD.plus(units))
                .set(LISTINGS.STATUS, DSL.when(LISTINGS.UNITS_SOLD.plus(units).lt(LISTINGS.UNITS), LISTINGS.STATUS)
                        .otherwise("EXECUTED"))
                .where(LISTINGS.LISTING_ID.eq(listingId)), "listing " + listingId, listing(listingId)));
    }

    private void settle(TradeSettled e, long index, long time) {
        batch.pendingInsert(trade(e.tradeId())).ifPresentOrElse(
                insert -> {
                    insert[TRANSFER_STATUS] = "SETTLED";
                    insert[TRANSFER_SETTLED_INDEX] = index;
                    insert[TRANSFER_SETTLED_AT] = time;
                },
                () -> batch.one(SETTLE, SETTLE.binds("SETTLED", index, time, e.tradeId()), "trade " + e.tradeId(),
                        trade(e.tradeId())));
        BigDecimal moved = e.units().decimal();
        if (e.delivered()) { // rules version 9: the units moved at funding; now they are the buyer's to dispose of
            holdings.change(e.fundCode(), e.buyer(), Column.REGISTERING, moved.negate());
            holdings.holderCount(e.fundCode(), e.holderCount());
            return;
        }
        takeFromHolding(e.fundCode(), e.seller(), moved, Column.LOCKED, e.sellerCostReleased(), e.subscribedMoved(),
                e.paidInMoved());
        addToHolding(e.fundCode(), e.buyer(), e.units(), e.consideration(), e.subscribedMoved(), e.paidInMoved(), null);
        holdings.holderCount(e.fundCode(), e.holderCount());
    }

    /**
     * Units leave {@code holder}'s holding with what they carried (their cost, and their subscribed and paid-in
     * capital where moved), out of the column that held them aside ({@code LOCKED} for a sale, {@code REGISTERING}
     * for an unwind); an emptied holding is dropped.
     */
    private void takeFromHolding(String fundCode, String holder, BigDecimal moved, Column heldIn, Money cost,
                                 Money subscribedMoved, Money paidInMoved) {
        holdings.change(fundCode, holder, Column.UNITS, moved.negate());
        holdings.change(fundCode, holder, heldIn, moved.negate());
        holdings.change(fundCode, holder, Column.COST, cost.decimal().negate());
        if (subscribedMoved != null) {
            holdings.change(fundCode, holder, Column.SUBSCRIBED, subscribedMoved.decimal().negate());
        }
        if (paidInMoved != null) {
            holdings.change(fundCode, holder, Column.PAID_IN, paidInMoved.decimal().negate());
        }
        holdings.dropIfEmpty(fundCode, holder);
    }

    /** Rules version 9: the units move at funding, the buyer's locked pending the registration change. */
    private void delivered(fundexchange.protocol.event.TradeUnitsDelivered e) {
        BigDecimal moved = e.units().decimal();
        takeFromHolding(e.fundCode(), e.seller(), moved, Column.LOCKED, e.sellerCostReleased(), e.subscribedMoved(),
                e.paidInMoved());
        addToHolding(e.fundCode(), e.buyer(), e.units(), e.consideration(), e.subscribedMoved(), e.paidInMoved(), null);
        holdings.change(e.fundCode(), e.buyer(), Column.REGISTERING, moved);
        holdings.holderCount(e.fundCode(), e.holderCount());
    }

    /** Rules version 9: an unwind returns the delivered units to the seller, locked until the TradeFailed. */
    private void returned(fundexchange.protocol.event.TradeUnitsReturned e) {
        BigDecimal moved = e.units().decimal();
        takeFromHolding(e.fundCode(), e.buyer(), moved, Column.REGISTERING, e.buyerCostReleased(), e.subscribedMoved(),
                e.paidInMoved());
        addToHolding(e.fundCode(), e.seller(), e.units(), e.sellerCostReleased(), e.subscribedMoved(), e.paidInMoved(),
                null);
        holdings.change(e.fundCode(), e.seller(), Column.LOCKED, moved);
        holdings.holderCount(e.fundCode(), e.holderCount());
    }

    private void fail(TradeFailed e, long index) {
        batch.one(tx.update(TRANSFERS)
                .set(TRANSFERS.STATUS, "FAILED")
                .set(TRANSFERS.FAILED_INDEX, index)
                .set(TRANSFERS.FAILURE_CODE, e.rejectCode())
                .set(TRANSFERS.FAILURE_REASON, e.reason())
                .where(TRANSFERS.TRADE_ID.eq(e.tradeId())), "trade " + e.tradeId(), trade(e.tradeId()));
        holdings.change(e.fundCode(), e.seller(), Column.LOCKED, e.units().decimal().negate());
    }

    static String trade(long tradeId) {
        return "T:" + tradeId;
    }

    /** Adds units, cost, commitment and unconfirmed units (absent amounts: zero) to a holding, creating it if new. */
    private void addToHolding(String fundCode, String holder, Units units, Money cost, Money subscribed, Money paidIn,
                              Units unconfirmed) {
        Map<Column, BigDecimal> amounts = new EnumMap<>(Column.class);
        amounts.put(Column.UNITS, units.decimal());
        amounts.put(Column.COST, cost.decimal());
        if (subscribed != null) {
            amounts.put(Column.SUBSCRIBED, subscribed.decimal());
        }
        if (paidIn != null) {
            amounts.put(Column.PAID_IN, paidIn.decimal());
        }
        if (unconfirmed != null) {
            amounts.put(Column.UNCONFIRMED, unconfirmed.decimal());
        }
        holdings.add(fundCode, holder, amounts);
    }

    private ListingOwners.Owner listingStatus(long listingId, String status) {
        ListingOwners.Owner owner = listings.of(listingId, tx);
        batch.pendingInsert(listing(listingId)).ifPresentOrElse(insert -> insert[LISTING_STATUS] = status,
                () -> batch.one(STATUS, STATUS.binds(status, listingId), "listing " + listingId, listing(listingId)));
        return owner;
    }

    static void one(int rows, String what) {
        if (rows != 1) {
            throw new IllegalStateException("no " + what + " in the registry");
        }
    }
}
