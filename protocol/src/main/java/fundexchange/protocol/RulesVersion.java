package fundexchange.protocol;

/**
 * The rules version a journal was written under (CONTRACTS.md 16), recorded in its genesis. Rule changes that alter
 * outcomes raise {@link #CURRENT}; this engine decides only journals of its own version, and refuses to start on
 * any other (their bundles stay verifiable with {@code exchange audit verify}). Version 1 is every journal whose
 * genesis has no {@code rulesVersion}; version 2 (issue 13, "Hardening I") keeps request ids for a retention in
 * journal time and checks windows with saturating arithmetic, and completes segregation of duties with the
 * participant lifecycle (suspension, two active staff kept, a participant's last key revoked by staff only by
 * maker-checker): issue 13 is open and no version-2 journal exists outside development, so these stay version 2.
 * Version 3 (issue 24) names times in reject messages as people read them (ISO-8601 in the platform zone with its
 * offset) instead of in epoch milliseconds, and offers an open English or sealed auction to intents at its starting
 * price, never its hidden reserve. Version 4 (issue 20's official calendar) refuses a business-day computation that
 * reaches a year for which staff have set no official calendar, instead of counting Monday to Friday there, and checks
 * a calendar's dates strictly (no date twice, at most a year's worth). Version 5 (issue 20's consent and state-owned
 * rules, after version 4 was released) refuses a direct {@code ClearRofr} (staff override a right of first refusal by
 * maker-checker, {@code OverrideRofr}) and refuses the state-owned flag while the holder has live sales. Issue 20 is
 * open and no version-5 journal exists outside development, so its further rule changes stay version 5, as version
 * 2's did while issue 13 was open. Version 5 was released at the end of that work. Version 6 (issues 20 and 21, after
 * version 5 was released) counts a trade's settlement deadline in business days of the official calendar ({@code
 * settlement-business-days}) instead of a duration ({@code settlement-deadline-ms}); lists English and sealed auctions
 * in funds with transfer terms, the holders of the priority right matching the clearing price after the close (an LLC
 * fund's match period at least 30 days, and a manager whose consent the terms require never bidding); and
 * lets a fund's manager register fund documents that every data room of the fund shows. Version 7 (issue 22, after
 * version 6 was released) keeps cash accounts at the settlement bank: the BANK role, its confirmations, withdrawals,
 * suspense, statements and corrections; under version 6 each is refused (8001). Version 7 also sets a year's
 * official calendar only by maker-checker, as every business-day count depends on it. Version 8 (after version 7
 * was released) brings these changes: issue 22 settles a trade made while a settlement bank is active delivery versus
 * payment, with fees ({@link #DELIVERY_VERSUS_PAYMENT}, {@link #SETTLEMENT_FEES}); issue 22's bid deposits
 * ({@link #BID_DEPOSITS}) require a listing's deposit (保证金) available before a participant's first bid or acceptance
 * and lock it until the close, the winner's deposit applied to its trade's funding or forfeited to the seller; and
 * issue 23's public market data ({@link #MARKET_DATA_CONSENT}) lets a fund's manager opt the fund's figures in or out
 * and staff set {@code market-data-k}. Version 9 (after version 8 was released) moves a delivery-versus-payment
 * trade's units at funding ({@link #UNITS_AT_FUNDING}), locked with the buyer until the registration change. Version 10 (issue 18, after
 * version 9 was released) moves finished listings and trades out of the engine's live state after a retention
 * ({@link #BOUNDED_HISTORY}). Version 11 (issue 17, after version 10 was released) gives {@code ListAuction} and
 * {@code PlaceBid} a mechanism's own typed {@code terms} ({@link #MECHANISM_TERMS}). Version 12 (issue 17, after
 * version 11 was released) adds the ascending clock auction ({@link #CLOCK_AUCTION}). The engine
 * still decides versions 2 to 12 by their own rules (version 2's messages keep epoch milliseconds), so they replay byte
 * for byte; it refuses every other version.
 */
public final class RulesVersion {
    /** A genesis without the field: journals written before rules versions existed. */
    public static final int LEGACY = 1;
    /** The oldest version this engine still decides, by that version's rules. */
    public static final int OLDEST_DECIDED = 2;
    /** The version this engine decides new journals by, and {@code init}/{@code demo} write. */
    public static final int CURRENT = 12;
    /** From this version on, reject messages name times ISO-8601 in the platform zone, before it in epoch ms. */
    public static final int TIMES_FOR_PEOPLE = 3;
    /** From this version on, intents see an English or sealed auction at its starting price, before it at its reserve. */
    public static final int AUCTIONS_OFFERED_AT_START = 3;
    /**
     * From this version on, a business-day computation reaching a year without an official calendar is refused
     * ({@code CALENDAR_YEAR_NOT_SET}) and a calendar's dates are checked strictly; before it such a year counts Monday
     * to Friday.
     */
    public static final int CALENDAR_HORIZON = 4;

    /**
     * From this version on, staff record a right of first refusal only by the maker-checker override
     * ({@code OverrideRofr}, with a reason); before it, also directly by {@code ClearRofr} (issue 20).
     */
    public static final int ROFR_BY_OVERRIDE = 5;

    /**
     * From this version on, the state-owned flag is refused while the holder has live sales ({@code
     * STATE_OWNED_LIVE_SALES}); before it, the flag is set regardless.
     */
    public static final int STATE_OWNED_SALES_FIRST = 5;

    /**
     * From this version on, a trade's settlement deadline is the end of the {@code settlement-business-days}-th business
     * day of the official calendar after its trade date (a year without a calendar refused, {@code
     * CALENDAR_YEAR_NOT_SET}); before it, the trade's time plus {@code settlement-deadline-ms}.
     */
    public static final int SETTLEMENT_IN_BUSINESS_DAYS = 6;

    /**
     * From this version on, an English or sealed auction in a fund with transfer terms is listed: its notice asks the
     * consent before it opens, and at its close the winner's award is conditional while the holders of the priority
     * right may match the clearing price ({@code AuctionAwardedConditionally}, {@code AuctionMatchResolved}); before
     * it, such an auction is refused ({@code MECHANISM_NOT_UNDER_TERMS}).
     */
    public static final int AUCTION_MATCH_AFTER_CLOSE = 6;

    /**
     * From this version on, a company-form (LLC) fund's transfer terms give at least 30 days to match an auction's
     * clearing price ({@code matchDays}; Company Law 2023 art. 84, Interpretation IV art. 19), else {@code
     * TERMS_INVALID}; before it, 1 to 365 days as for any fund.
     */
    public static final int LLC_MATCH_DAYS_STATUTORY = 6;

    /**
     * From this version on, a fund's manager registers fund documents ({@code RegisterFundDocument}) shown in the data
     * room of every listing and offer of the fund, and {@code OpenDocument} may name the room ({@code listingId});
     * before it both are refused ({@code FUND_DOCUMENTS_NOT_IN_RULES}, issue 21).
     */
    public static final int FUND_MANAGER_DOCUMENTS = 6;

    /**
     * From this version on, the engine keeps cash accounts in escrow at the settlement bank (issue 22): participants
     * with the BANK role, the bank's confirmations ({@code RecordCashReceipt}, {@code RecordUnidentifiedReceipt},
     * {@code RecordPayoutExecuted}, {@code RecordPayoutReturned}, {@code RecordBankStatement}), {@code WithdrawCash} and
     * the staff actions on cash ({@code AssignSuspenseReceipt}, {@code ReturnSuspenseReceipt},
     * {@code AcknowledgeEscrowAlarm}, {@code CorrectCash}); before it each is refused ({@code CASH_NOT_IN_RULES}).
     */
    public static final int CASH_ACCOUNTS = 7;

    /**
     * From this version on, a year's official calendar is set only by maker-checker ({@code Propose
     * {SetOfficialCalendar}}, approved by another active staff member) and a direct {@code SetHolidays} is refused
     * ({@code CALENDAR_NEEDS_PROPOSAL}); before it, one staff member sets it with {@code SetHolidays} and the proposal is
     * refused ({@code CALENDAR_PROPOSAL_NOT_IN_RULES}). A genesis's calendars are unchanged.
     */
    public static final int HOLIDAYS_BY_PROPOSAL = 7;

    /**
     * From this version on, a trade made while a settlement bank (an ACTIVE participant with the BANK role) is active
     * settles delivery versus payment (issue 22, docs/rules.md "Delivery versus payment"): its buyer funds it from
     * available cash ({@code FundTrade}, or the daily book batch), the fund's manager confirms the registration change
     * ({@code ConfirmRegistration}) or refuses it ({@code RefuseRegistration}), deadlines fail or unwind it, and staff
     * confirm it only by the maker-checker {@code OverrideSettlement}; before it each of these is refused ({@code
     * DVP_NOT_IN_RULES}) and every trade settles by {@code ConfirmSettlement}.
     */
    public static final int DELIVERY_VERSUS_PAYMENT = 8;

    /**
     * From this version on, a trade settled delivery versus payment carries the fees of the {@code fee-*} platform
     * parameters, charged at settlement into the REVENUE account, and an order, bid or acceptance whose consideration
     * is below the mechanism's minimum fee is refused ({@code FEE_ABOVE_CONSIDERATION}); before it nothing is charged
     * and the {@code fee-*} and {@code registration-business-days} parameters are unknown.
     */
    public static final int SETTLEMENT_FEES = 8;

    /**
     * From this version on, a listing carries a bid deposit (保证金; {@code bid-deposit-bp} of its public value, or the
     * listing's own amount or share): a participant's first bid or acceptance locks it from its available cash (refused
     * with {@code DEPOSIT_NOT_AVAILABLE} when short), the close releases it to all but the winner, whose deposit is held
     * for its trade; before it, deposit terms on a listing and the parameter are refused ({@code DEPOSITS_NOT_IN_RULES})
     * and nothing is locked.
     */
    public static final int BID_DEPOSITS = 8;

    /**
     * From this version on, a fund's manager opts the fund's own figures in to public market data or out of it
     * ({@code SetMarketDataConsent}) and staff may set {@code market-data-k}; before it both are refused
     * ({@code MARKET_DATA_NOT_IN_RULES}, unknown parameter; issue 23).
     */
    public static final int MARKET_DATA_CONSENT = 8;

    /**
     * From this version on, a trade settled delivery versus payment delivers its units when fully funded (issue 22,
     * docs/rules.md "Delivery versus payment"): {@code TradeUnitsDelivered} moves them to the buyer, locked with it
     * pending the fund's registration change, and {@code TradeProceedsLocked} locks the seller's proceeds less its fee
     * for the seller and both fees in REVENUE; the registration change makes the transfer final ({@code TradeSettled}
     * with {@code unitsDelivered}, {@code TradeProceedsReleased}, the payout instruction); a refusal, a missed
     * registration deadline or a staff failure unwinds both ({@code TradeUnitsReturned}, {@code
     * TradeProceedsReturned}). Also from this version: a priority-right exercise below its mechanism's minimum fee is
     * refused at entry ({@code FEE_ABOVE_CONSIDERATION}), and a trade whose consideration plus buyer's fee overflows is
     * refused ({@code ARITHMETIC_OVERFLOW}). Before it the units move only at the registration change.
     */
    public static final int UNITS_AT_FUNDING = 9;

    /**
     * From this version on, finished listings (EXECUTED, CANCELLED, EXPIRED) and trades (SETTLED, FAILED) leave the
     * engine's live state a fixed retention of journal time after they finish, unless something can still need them
     * (docs/rules.md "Bounded history"), and a command naming a listing (trade) that is not live, at or below the
     * highest id pruned, is refused {@code LISTING_PRUNED} 4032 ({@code TRADE_PRUNED} 4033); before it nothing is
     * pruned and such a command is refused {@code UNKNOWN_LISTING} ({@code UNKNOWN_TRADE}) or decided on the kept item.
     */
    public static final int BOUNDED_HISTORY = 10;

    /**
     * From this version on, {@code ListAuction} and {@code PlaceBid} may carry a mechanism's own {@code terms} (issue
     * 17, docs/design/mechanism-terms.md): a listing's are refused {@code INVALID_FIELD} unless its mechanism claims
     * terms of that record, a bid's unless the listing's mechanism does (no mechanism claims any yet); before it any
     * {@code terms} is refused {@code INVALID_FIELD} as not in the rules. No journal written before this version's
     * build holds one (the gateway refused the field as unknown), so no earlier outcome changes; a journal of an
     * earlier version written by this build may (the gateway checks a body's shape, not the rules version), each
     * such command refused and journaled, which an older build must not replay (docs/operations.md, Upgrades).
     */
    public static final int MECHANISM_TERMS = 11;

    /**
     * From this version on, a holder may list an ascending clock auction ({@code ListingMechanism.CLOCK}, its terms a
     * {@code ClockListing}; issue 17's M9, docs/rules.md, the CLOCK auction row), bid on round by round with a {@code
     * ClockBid}; before it such a listing is refused {@code INVALID_FIELD} as a negotiated one is, so no listing of it
     * takes a bid, and its {@code fee-clock-*} parameters are unknown.
     */
    public static final int CLOCK_AUCTION = 12;

    private RulesVersion() {
    }

    /** The version a genesis records: its field, or {@link #LEGACY} if absent. */
    public static int of(Integer recorded) {
        return recorded == null ? LEGACY : recorded;
    }

    /**
     * Throws {@link Refused} if {@code first}, a journal's first command, is a genesis of another rules version (a
     * journal that does not start with a genesis is left to the engine, which rejects its commands).
     */
    public static void requireOf(fundexchange.protocol.CommandRecord first) {
        if (first.index() == 1 && first.command() instanceof fundexchange.protocol.command.Genesis genesis) {
            require(of(genesis.rulesVersion()), "journal");
        }
    }

    /** Whether this engine decides journals of {@code version}: {@link #OLDEST_DECIDED} to {@link #CURRENT}. */
    public static boolean decides(int version) {
        return version >= OLDEST_DECIDED && version <= CURRENT;
    }

    /**
     * Returns {@code version} if this engine decides it, or throws {@link Refused}; {@code what} names the journal or
     * snapshot.
     */
    public static int require(int version, String what) {
        if (!decides(version)) {
            throw new Refused(version, what);
        }
        return version;
    }

    /** This engine refuses to replay a journal (or restore a snapshot) of a rules version it does not decide. */
    public static final class Refused extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Refused(int version, String what) {
            super("the " + what + " follows rules version " + version + "; this engine decides by rules versions "
                    + OLDEST_DECIDED + " to " + CURRENT + " and refuses to replay it (the journal stays verifiable with"
                    + " exchange audit verify) / " + what + " 遵循规则版本 " + version + "；本引擎按规则版本 " + OLDEST_DECIDED
                    + " 至 " + CURRENT + " 决定，拒绝重放该日志（该日志仍可用 exchange audit verify 验证）");
        }
    }
}
