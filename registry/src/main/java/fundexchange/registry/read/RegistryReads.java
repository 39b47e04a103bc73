package fundexchange.registry.read;

import static fundexchange.registry.schema.Tables.BIDS;
import static fundexchange.registry.schema.Tables.CUSTODY_ENTRIES;
import static fundexchange.registry.schema.Tables.CUSTODY_REGISTRATIONS;
import static fundexchange.registry.schema.Tables.FREEZES;
import static fundexchange.registry.schema.Tables.FUNDS;
import static fundexchange.registry.schema.Tables.HOLDINGS;
import static fundexchange.registry.schema.Tables.LISTINGS;
import static fundexchange.registry.schema.Tables.PARTICIPANTS;
import static fundexchange.registry.schema.Tables.PLEDGES;
import static fundexchange.registry.schema.Tables.TRANSFERS;
import static fundexchange.registry.schema.Tables.TRANSFER_NOTICES;

import fundexchange.protocol.disclosure.DisclosurePolicy;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.registry.schema.tables.records.FundsRecord;
import fundexchange.registry.schema.tables.records.HoldingsRecord;
import fundexchange.registry.schema.tables.records.ListingsRecord;
import fundexchange.registry.schema.tables.records.TransfersRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** Read-only queries over the registry. Amounts come back as BigDecimal at the engine's scales. */
public final class RegistryReads {
    /** The default age in days past its NAV date after which a fund's NAV reads as stale (docs/rules.md). */
    public static final int NAV_STALE_AFTER_DAYS = 100;
    private final DSLContext dsl;
    private final CustodyReads custody;
    private final NavReads navs;
    private final OfferReads offers;
    private final IntentReads intents;
    private final BookReads books;
    private final ProposalReads proposals;
    private final ParameterReads parameters;
    private final CalendarReads calendar;
    private final StateOwnedReads stateOwned;
    private final NoticeReads notices;
    private final DataRoomReads dataRooms;
    private final CashReads cash;
    private final MarketReads market;

    public RegistryReads(DataSource dataSource) {
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        this.parameters = new ParameterReads(dsl);
        this.dataRooms = new DataRoomReads(dsl);
        this.custody = new CustodyReads(dsl, parameters);
        this.navs = new NavReads(dsl);
        this.stateOwned = new StateOwnedReads(dsl);
        this.notices = new NoticeReads(dsl);
        this.offers = new OfferReads(dsl);
        this.intents = new IntentReads(dsl);
        this.books = new BookReads(dsl);
        this.proposals = new ProposalReads(dsl);
        this.calendar = new CalendarReads(dsl);
        this.cash = new CashReads(dsl);
        this.market = new MarketReads(dsl);
    }

    /** Cash at the settlement bank (V24). */
    public CashReads cash() {
        return cash;
    }

    /** Public market data as the last snapshot published it (V25, issue 23). */
    public MarketReads market() {
        return market;
    }

    /** The official calendar per year. */
    public CalendarReads calendar() {
        return calendar;
    }

    /** Transfer terms and transfer notices with their recipients and answers (V17, V20). */
    public NoticeReads notices() {
        return notices;
    }

    /** State-owned holders' disclosures, results, appraisals and flags (V18). */
    public StateOwnedReads stateOwned() {
        return stateOwned;
    }

    /** Non-listed offers and their quotes. */
    public OfferReads offers() {
        return offers;
    }

    /** Intents and match proposals. */
    public IntentReads intents() {
        return intents;
    }

    /** Orders, book depth and bids across listings. */
    public BookReads books() {
        return books;
    }

    /** The platform parameters in force. */
    public ParameterReads parameters() {
        return parameters;
    }

    /** Maker-checker proposals. */
    public ProposalReads proposals() {
        return proposals;
    }

    /** Every fund position of one holder, by fund code. */
    public List<Holding> holdingsOf(String holder) {
        return holdings(HOLDINGS.HOLDER.eq(holder));
    }

    /** A fund's register: every holder with units, by holder. */
    public List<Holding> register(String fundCode) {
        return holdings(HOLDINGS.FUND_CODE.eq(fundCode).and(HOLDINGS.UNITS.gt(BigDecimal.ZERO)));
    }

    /** Trades where the participant is seller or buyer, in trade order. */
    public List<Transfer> transfersOf(String participant) {
        return transfers(TRANSFERS.SELLER.eq(participant).or(TRANSFERS.BUYER.eq(participant)));
    }

    public List<Transfer> allTransfers() {
        return transfers(DSL.noCondition());
    }

    /** Every trade (for staff and regulators), optionally of one fund and status, a page in trade id order. */
    public List<Transfer> trades(Optional<String> fundCode, Optional<String> status, Page page) {
        return trades(fundCode, status, page, false);
    }

    /**
     * As {@link #trades(Optional, Optional, Page)}; {@code newestFirst} pages in descending trade id order, the page
     * after {@code page.after()} then holding the trades below it (0: from the newest).
     */
    public List<Transfer> trades(Optional<String> fundCode, Optional<String> status, Page page, boolean newestFirst) {
        Condition matching = newestFirst
                ? (page.after() == 0 ? DSL.noCondition() : TRANSFERS.TRADE_ID.lt(page.after()))
                : TRANSFERS.TRADE_ID.gt(page.after());
        matching = fundCode.map(TRANSFERS.FUND_CODE::eq).map(matching::and).orElse(matching);
        matching = status.map(TRANSFERS.STATUS::eq).map(matching::and).orElse(matching);
        return dsl.selectFrom(TRANSFERS).where(matching)
                .orderBy(newestFirst ? TRANSFERS.TRADE_ID.desc() : TRANSFERS.TRADE_ID.asc()).limit(page.limit())
                .fetch(RegistryReads::transfer);
    }

    /** One trade by id, whatever its status. */
    public Optional<Transfer> trade(long tradeId) {
        return dsl.selectFrom(TRANSFERS).where(TRANSFERS.TRADE_ID.eq(tradeId)).fetchOptional().map(RegistryReads::transfer);
    }

    public Optional<FundView> fund(String code) {
        return dsl.selectFrom(FUNDS).where(FUNDS.CODE.eq(code)).fetchOptional().map(RegistryReads::fundView);
    }

    /** A fund's NAV history: the NAV it was registered with and every update, in journal order. */
    public List<NavRecord> navHistory(String fundCode) {
        return navs.history(fundCode);
    }

    /** A fund's current NAV, its date and whether it is stale on {@code asOf}: more than {@code staleAfterDays} old. */
    public Optional<NavStatus> navStatus(String fundCode, LocalDate asOf, int staleAfterDays) {
        return navs.status(fundCode, asOf, staleAfterDays);
    }

    /** Every fund, by code. */
    public List<FundView> funds() {
        return dsl.selectFrom(FUNDS).orderBy(FUNDS.CODE).fetch(RegistryReads::fundView);
    }

    /** Participants by id, optionally only those with a role and of a status (PENDING or ACTIVE). */
    public List<ParticipantView> participants(Optional<String> role, Optional<String> status) {
        Condition matching = role.map(r -> DSL.condition("{0} = ANY(string_to_array({1}, ','))", r, PARTICIPANTS.ROLES))
                .orElse(DSL.noCondition());
        matching = status.map(PARTICIPANTS.STATUS::eq).map(matching::and).orElse(matching);
        return dsl.selectFrom(PARTICIPANTS).where(matching).orderBy(PARTICIPANTS.ID).fetch(RegistryReads::participantView);
    }

    /** Pledges (active and released) over one holder's units, by pledge id. */
    public List<PledgeView> pledgesOf(String holder) {
        return custody.pledges(PLEDGES.HOLDER.eq(holder));
    }

    /** The data room's reads (issue 21). */
    public DataRoomReads dataRooms() {
        return dataRooms;
    }

    /** Pledges (active and released) over units of one fund, by pledge id. */
    public List<PledgeView> pledgesIn(String fundCode) {
        return custody.pledges(PLEDGES.FUND_CODE.eq(fundCode));
    }

    /** Judicial freezes (active and lifted) of one holder's units, by freeze id. */
    public List<FreezeView> freezesOf(String holder) {
        return custody.freezes(FREEZES.HOLDER.eq(holder));
    }

    /** Judicial freezes (active and lifted) of units of one fund, by freeze id. */
    public List<FreezeView> freezesIn(String fundCode) {
        return custody.freezes(FREEZES.FUND_CODE.eq(fundCode));
    }

    /** A custody registration with its lines. */
    public Optional<CustodyView> custodyRegistration(long custodyId) {
        return custody.registration(custodyId);
    }

    /** A fund's custody registrations, by id. */
    public List<CustodyView> custodyRegistrations(String fundCode) {
        return custody.registrations(CUSTODY_REGISTRATIONS.FUND_CODE.eq(fundCode));
    }

    /**
     * A page of every fund's custody registrations in id order (the id is the submission's journal index), optionally
     * only those with {@code status} (PENDING_APPROVAL, APPROVED, REJECTED) or of {@code fundCode}.
     */
    public List<CustodyView> custodyRegistrations(Optional<String> status, Optional<String> fundCode, Page page) {
        Condition matching = status.map(CUSTODY_REGISTRATIONS.STATUS::eq).orElse(DSL.noCondition());
        matching = fundCode.map(CUSTODY_REGISTRATIONS.FUND_CODE::eq).map(matching::and).orElse(matching);
        return custody.registrations(matching, page);
    }

    /**
     * As {@link #custodyRegistrations(Optional, Optional, Page)}, only the registrations {@code participant} submitted
     * or is named on (a line of the register is its); the caller shapes each as the disclosure policy shows it.
     */
    public List<CustodyView> custodyRegistrationsOf(String participant, Optional<String> status,
                                                    Optional<String> fundCode, Page page) {
        Condition matching = CUSTODY_REGISTRATIONS.SUBMITTED_BY.eq(participant).or(DSL.exists(DSL.selectOne()
                .from(CUSTODY_ENTRIES).where(CUSTODY_ENTRIES.CUSTODY_ID.eq(CUSTODY_REGISTRATIONS.CUSTODY_ID),
                        CUSTODY_ENTRIES.HOLDER.eq(participant))));
        matching = status.map(CUSTODY_REGISTRATIONS.STATUS::eq).map(matching::and).orElse(matching);
        matching = fundCode.map(CUSTODY_REGISTRATIONS.FUND_CODE::eq).map(matching::and).orElse(matching);
        return custody.registrations(matching, page);
    }

    /** An investor's qualification status, its records, and the platform's thresholds now. */
    public Optional<QualificationView> qualification(String participantId) {
        return custody.qualification(participantId);
    }

    /** A participant's roles, status and qualification (ISO date of validity, inclusive). */
    public Optional<ParticipantView> participant(String participantId) {
        return dsl.selectFrom(PARTICIPANTS).where(PARTICIPANTS.ID.eq(participantId)).fetchOptional()
                .map(RegistryReads::participantView);
    }

    private static ParticipantView participantView(fundexchange.registry.schema.tables.records.ParticipantsRecord r) {
        return new ParticipantView(r.getId(), r.getName(), r.getType(), List.of(r.getRoles().split(",")),
                r.getStatus(), r.getQualification(),
                r.getQualifiedUntil() == null ? null : r.getQualifiedUntil().toString(), r.getLegalName(),
                r.getRegistrationNumber(), r.getStatusReason(), r.getStatusIndex(), r.getRegisteredAt());
    }

    /** Whether the participant is an active investor qualified on {@code date} (its validity is inclusive). */
    public boolean qualifiedInvestor(String participantId, LocalDate date) {
        return dsl.fetchExists(dsl.selectOne().from(PARTICIPANTS).where(PARTICIPANTS.ID.eq(participantId),
                PARTICIPANTS.ROLES.like("%INVESTOR%"), PARTICIPANTS.STATUS.eq("ACTIVE"),
                PARTICIPANTS.QUALIFICATION.eq("QUALIFIED"), PARTICIPANTS.QUALIFIED_UNTIL.ge(date)));
    }

    /** A listing, if {@code viewer} may see it ({@link ListingViewer}). */
    public Optional<ListingView> listing(ListingViewer viewer, long listingId) {
        return listingsWithTrades().where(visibleTo(viewer), LISTINGS.LISTING_ID.eq(listingId))
                .fetchOptional(RegistryReads::listingView);
    }

    /** The listings {@code viewer} may see that match {@code filter}, in listing order after {@code afterListingId}. */
    public List<ListingView> listings(ListingViewer viewer, ListingFilter filter, long afterListingId, int limit) {
        Condition matching = visibleTo(viewer).and(LISTINGS.LISTING_ID.gt(afterListingId));
        matching = filter.status().map(LISTINGS.STATUS::eq).map(matching::and).orElse(matching);
        matching = filter.mechanism().map(LISTINGS.MECHANISM::eq).map(matching::and).orElse(matching);
        matching = filter.fundCode().map(LISTINGS.FUND_CODE::eq).map(matching::and).orElse(matching);
        return listingsWithTrades().where(matching).orderBy(LISTINGS.LISTING_ID).limit(limit)
                .fetch(RegistryReads::listingView);
    }

    /** Every bid on a listing, in bid order (journal order); whoever asks, a sealed price is null until the close. */
    public List<BidView> bids(long listingId) {
        return dsl.selectFrom(BIDS).where(BIDS.LISTING_ID.eq(listingId)).orderBy(BIDS.BID_ID)
                .fetch(r -> new BidView(r.getBidId(), r.getListingId(), r.getBidder(), r.getPseudonym(),
                        r.getPrice() == null ? null : scaled(r.getPrice(), Price.SCALE), r.getStatus(), r.getRejectCode(),
                        r.getReason(), json(r.getTerms())));
    }

    /** The price of the listing's latest trade (an auction that trades at once trades once per acceptance). */
    private static final Field<BigDecimal> TRADE_PRICE = DSL.field(DSL.select(TRANSFERS.PRICE).from(TRANSFERS)
            .where(TRANSFERS.LISTING_ID.eq(LISTINGS.LISTING_ID)).orderBy(TRANSFERS.TRADE_ID.desc()).limit(1))
            .as("trade_price");

    /** The deadline of the listing's open match stage (an auction awaiting its priority holders' match), else null. */
    private static final Field<Long> MATCH_BY = DSL.field(DSL.select(TRANSFER_NOTICES.MATCH_BY).from(TRANSFER_NOTICES)
            .where(TRANSFER_NOTICES.LISTING_ID.eq(LISTINGS.LISTING_ID), TRANSFER_NOTICES.MATCH_BY.isNotNull(),
                    TRANSFER_NOTICES.MATCH_RESOLVED_INDEX.isNull())).as("match_by");

    private SelectJoinStep<Record> listingsWithTrades() {
        return dsl.select(LISTINGS.fields()).select(TRADE_PRICE, MATCH_BY).from(LISTINGS);
    }

    /** The listings the disclosure policy lets {@code viewer} see, as SQL. */
    private static Condition visibleTo(ListingViewer viewer) {
        String me = viewer.participantId();
        Condition negotiated = LISTINGS.MECHANISM.eq("NEGOTIATED");
        return Rows.where(DisclosurePolicy.listings(viewer.viewer()), ground -> switch (ground) {
            case SELLS -> LISTINGS.SELLER.eq(me);
            case OFFERED_TO -> negotiated.and(LISTINGS.BUYER.eq(me)).and(LISTINGS.STATUS.in("OPEN", "EXECUTED"));
            case OPEN_AUCTION -> negotiated.not().and(LISTINGS.STATUS.eq("OPEN"));
            case BID_ON -> DSL.exists(DSL.selectOne().from(BIDS)
                    .where(BIDS.LISTING_ID.eq(LISTINGS.LISTING_ID), BIDS.BIDDER.eq(me)));
            default -> throw Rows.unknown(ground, "listings");
        });
    }

    private static ListingView listingView(Record row) {
        ListingsRecord r = row.into(LISTINGS);
        BigDecimal tradePrice = row.get(TRADE_PRICE);
        return new ListingView(r.getListingId(), r.getFundCode(), r.getMechanism(), r.getStatus(), r.getSeller(),
                r.getBuyer(), scaled(r.getUnits(), Units.SCALE), scaled(r.getPrice(), Price.SCALE), r.getExpiresAt(),
                optional(r.getReservePrice()), optional(r.getMinIncrement()), r.getStartsAt(), r.getEndsAt(),
                Boolean.TRUE.equals(r.getSecondPrice()), r.getRofr(), r.getClosedReason(), optional(tradePrice),
                r.getStepMs(), scaled(r.getUnits().subtract(r.getUnitsSold()), Units.SCALE), row.get(MATCH_BY),
                r.getDeposit(), json(r.getTerms()));
    }

    /** A JSONB column's text (a mechanism's own terms, V33), or null. */
    static String json(JSONB value) {
        return value == null ? null : value.data();
    }

    private static BigDecimal optional(BigDecimal price) {
        return price == null ? null : scaled(price, Price.SCALE);
    }

    private List<Holding> holdings(Condition condition) {
        return dsl.selectFrom(HOLDINGS).where(condition)
                .orderBy(HOLDINGS.FUND_CODE, HOLDINGS.HOLDER)
                .fetch(RegistryReads::holding);
    }

    private List<Transfer> transfers(Condition condition) {
        return dsl.selectFrom(TRANSFERS).where(condition).orderBy(TRANSFERS.TRADE_ID).fetch(RegistryReads::transfer);
    }

    private static Holding holding(HoldingsRecord r) {
        BigDecimal units = scaled(r.getUnits(), Units.SCALE);
        BigDecimal locked = scaled(r.getLocked(), Units.SCALE);
        BigDecimal pledged = scaled(r.getPledged(), Units.SCALE);
        BigDecimal frozen = scaled(r.getFrozen(), Units.SCALE);
        BigDecimal unconfirmed = scaled(r.getUnconfirmed(), Units.SCALE);
        BigDecimal registering = scaled(r.getRegistering(), Units.SCALE);
        BigDecimal available = units.subtract(locked).subtract(pledged).subtract(frozen).subtract(unconfirmed)
                .subtract(registering);
        return new Holding(r.getFundCode(), r.getHolder(), units, locked, available, scaled(r.getCost(), Money.SCALE),
                pledged, frozen, unconfirmed, scaled(r.getSubscribed(), Money.SCALE), scaled(r.getPaidIn(), Money.SCALE),
                registering);
    }

    private static Transfer transfer(TransfersRecord r) {
        return new Transfer(r.getTradeId(), r.getListingId() == null ? 0 : r.getListingId(), r.getFundCode(), r.getSeller(), r.getBuyer(),
                scaled(r.getUnits(), Units.SCALE), scaled(r.getPrice(), Price.SCALE),
                scaled(r.getConsideration(), Money.SCALE), r.getPercentOfNavBp(),
                scaled(r.getMultipleOfCost(), Multiple.SCALE), r.getStatus(), r.getExecutedIndex(),
                r.getSettledIndex() == null ? 0 : r.getSettledIndex(), r.getOfferId() == null ? 0 : r.getOfferId(),
                r.getSettledAt() == null ? 0 : r.getSettledAt(), r.getExecutedAt(), r.getSettleBy());
    }

    private static FundView fundView(FundsRecord r) {
        return new FundView(r.getCode(), r.getShortName(), r.getManager(), r.getStrategy(), r.getVintage(),
                r.getCurrency(), r.getLegalForm(), r.getCustodyMode(), r.getHolderCap(), r.getHolderCount(),
                scaled(r.getNav(), Price.SCALE), r.getNavDate().toString(), scaled(r.getMinTransferUnits(), Units.SCALE),
                r.getRofr(), r.getFundSize() == null ? null : scaled(r.getFundSize(), Money.SCALE));
    }

    /** The column's scale already matches; this only guards the JSON form. */
    static BigDecimal scaled(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
