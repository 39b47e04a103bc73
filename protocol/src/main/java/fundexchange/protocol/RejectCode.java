package fundexchange.protocol;

import fundexchange.protocol.refusal.Refusal;
import java.util.HashSet;
import java.util.Set;

/**
 * Stable numeric reject codes, grouped by area and only ever appended to (docs/journal-format.md lists them).
 * 1xxx: identity and envelope; 2xxx: reference data; 3xxx: positions and arithmetic; 4xxx: listings and trades (41xx: the continuous book);
 * 9xxx: internal.
 * 1xxx: identity and envelope; 2xxx: reference data; 3xxx: positions and arithmetic; 4xxx: listings and trades;
 * 5000-5099: non-listed offers, intents, inquiries and match proposals; 7001-7049: the data room (documents, NDAs,
 * directed disclosure, openings); 9xxx: internal.
 * 1xxx: identity and envelope; 2xxx: reference data; 3xxx: positions and arithmetic (31xx: custody, pledges,
 * freezes and qualification records); 4xxx: listings and trades; 9xxx: internal.
 * 8xxx: cash (8001-8020: cash accounts at the settlement bank, its confirmations, suspense, statements and corrections;
 * 8021-8032: delivery versus payment and fees; 8035-8037: bid deposits).
 * 4200-4999 are no shared codes: blocks of 20 for listing mechanisms' own refusals ({@code ListingMechanism.codeBlock},
 * {@link Refusals}); the Dutch auction's own are 4030-4031, a grandfathered block.
 */
public enum RejectCode implements Refusal {
    UNKNOWN_PARTICIPANT(1001),
    KEY_NOT_OWNED(1002),
    KEY_REVOKED(1003),
    TIMESTAMP_OUT_OF_WINDOW(1004),
    DUPLICATE_REQUEST_DIFFERENT_BODY(1005),
    WRONG_ROLE(1006),
    PARTICIPANT_NOT_ACTIVE(1007),
    GENESIS_NOT_ALLOWED(1008),
    SIGNATURE_REQUIRED(1009),
    UNSIGNED_NOT_ALLOWED(1010),
    NOT_EXCHANGE_KEY(1011),
    REQUEST_MEMORY_FULL(1012),
    STAFF_IS_PARTY(1020),
    INCOMPATIBLE_ROLES(1021),
    PARTICIPANT_SUSPENDED(1030),
    LAST_KEY_NEEDS_PROPOSAL(1031),
    TOO_FEW_ACTIVE_STAFF(1032),
    /** A business-day computation reached a year staff have set no official calendar for (rules version 4). */
    CALENDAR_YEAR_NOT_SET(1040),
    /** A make-up working day (调休) that is not a Saturday or Sunday of the calendar's year. */
    MAKE_UP_DAY_NOT_WEEKEND(1041),
    /** A calendar date given twice, or as both a holiday and a make-up working day. */
    CALENDAR_DATE_REPEATED(1042),
    /** A calendar list longer than a year has days for. */
    CALENDAR_TOO_MANY_DATES(1043),
    /**
     * Rules version 7: a year's calendar is set only by maker-checker ({@code SetOfficialCalendar}), so a direct
     * {@code SetHolidays} is refused.
     */
    CALENDAR_NEEDS_PROPOSAL(1044),
    /** Below rules version 7 a year's calendar is set directly ({@code SetHolidays}); its proposal is refused. */
    CALENDAR_PROPOSAL_NOT_IN_RULES(1045),
    INVALID_FIELD(2001),
    UNKNOWN_FUND(2002),
    FUND_EXISTS(2003),
    PARTICIPANT_EXISTS(2004),
    KEY_ID_USED(2005),
    UNKNOWN_KEY(2006),
    FIRST_KEY_EXISTS(2007),
    UNKNOWN_PROPOSAL(2008),
    SAME_STAFF_APPROVAL(2009),
    PROPOSAL_NOT_PENDING(2010),
    INVALID_PARAMETER(2011),
    PARTICIPANT_NOT_PENDING(2012),
    CHECKPOINT_OUT_OF_ORDER(2013),
    PROPOSAL_EXPIRED(2020),
    KEY_ALGORITHM_MISMATCH(2021),
    KEY_ID_NOT_OWN(2022),
    PUBLIC_KEY_USED(2023),
    PARTICIPANT_NOT_SUSPENDED(2030),
    PARTICIPANT_NOT_ACTIVE_FOR_SUSPENSION(2031),
    ACTIVE_KEY_EXISTS(2032),
    /** Market-data consent (issue 23) under a journal of rules version 7 or older. */
    MARKET_DATA_NOT_IN_RULES(2040),
    INSUFFICIENT_UNITS(3001),
    ARITHMETIC_OVERFLOW(3002),
    HOLDER_CAP_REACHED(3003),
    NOT_POSITIVE(3004),
    UNKNOWN_CUSTODY(3101),
    CUSTODY_NOT_PENDING(3102),
    CUSTODY_EXISTS(3103),
    REGISTER_NOT_EMPTY(3104),
    NOT_OWN_LOT(3105),
    NOTHING_TO_CONFIRM(3106),
    UNKNOWN_PLEDGE(3107),
    PLEDGE_NOT_ACTIVE(3108),
    UNKNOWN_FREEZE(3109),
    FREEZE_NOT_ACTIVE(3110),
    PLEDGE_NEEDS_FULL_CUSTODY(3111),
    QUALIFICATION_BASIS_MISMATCH(3112),
    BELOW_QUALIFICATION_THRESHOLD(3113),
    UNKNOWN_LISTING(4001),
    LISTING_NOT_PENDING(4002),
    LISTING_NOT_OPEN(4003),
    NOT_NAMED_BUYER(4004),
    BUYER_NOT_QUALIFIED(4005),
    SELLER_IS_BUYER(4006),
    UNKNOWN_TRADE(4007),
    TRADE_NOT_PENDING(4008),
    BELOW_MIN_TRANSFER(4009),
    EXPIRY_IN_PAST(4010),
    NOT_SELLER(4011),
    WRONG_MECHANISM(4012),
    AUCTION_NOT_RUNNING(4013),
    BID_TOO_LOW(4014),
    UNKNOWN_BID(4015),
    BID_NOT_ACTIVE(4016),
    BID_BINDING(4017),
    SEALED_BID_EXISTS(4018),
    LISTING_HAS_BIDS(4019),
    ROFR_NOT_CLEARED(4020),
    ROFR_NOT_PENDING(4021),
    ANTI_FLIP_PERIOD(4022),
    SETTLEMENT_DEADLINE_PASSED(4023),
    SETTLEMENT_FAILED_BY_STAFF(4024),
    NOT_BIDDER(4025),
    /** A Dutch acceptance whose seller cannot sell now (inactive, no active key, anti-flip); names no seller detail. */
    SELLER_NOT_ELIGIBLE(4026),
    FILL_CAP_REACHED(4027),
    SEALED_BID_NONCE_INVALID(4028),
    SEALED_BID_NONCE_REUSED(4029),
    // 4030 CLOCK_ABOVE_BID and 4031 UNITS_NOT_LEFT are the Dutch auction's own: DutchClock.Refusal.
    /**
     * A listing not live in the engine whose id is at or below the highest listing id pruned (rules version 10): finished
     * and moved to the registry's history, or never a listing; the same answer for both.
     */
    LISTING_PRUNED(4032),
    /** As {@link #LISTING_PRUNED}, for a trade: settled or failed and moved to the registry's history, or never a trade. */
    TRADE_PRUNED(4033),
    BOOK_NOT_OPEN(4101),
    BOOK_ALREADY_OPEN(4102),
    NOT_LOT_MULTIPLE(4103),
    UNKNOWN_ORDER(4104),
    NOT_ORDER_OWNER(4105),
    FILL_LIMIT_REACHED(4106),
    SELF_TRADE_PREVENTED(4107),
    LOT_CHANGE_WITH_ORDERS(4108),
    AMENDMENT_CHANGES_NOTHING(4109),
    OFFER_NOT_OPEN(5001),
    NOT_OFFER_HOLDER(5002),
    INTENT_NOT_OPEN(5003),
    NOT_INTENT_INVESTOR(5004),
    INTENT_TARGET_INVALID(5005),
    BELOW_MIN_LOT(5006),
    EXCEEDS_OFFER_UNITS(5007),
    QUOTE_NOT_OPEN(5008),
    NOT_QUOTE_PARTY(5009),
    NOT_YOUR_TURN(5010),
    QUOTE_EXISTS(5011),
    MATCH_NOT_LIVE(5012),
    MATCH_NOT_PROPOSED(5013),
    MATCH_NOT_BROKERED(5014),
    NOT_MATCH_PARTY(5015),
    MATCH_ALREADY_ACCEPTED(5016),
    /** 61xx: state-owned holders (SASAC/MOF Order No. 32; docs/rules.md, "State-owned holders"). The flag already says so. */
    STATE_OWNED_UNCHANGED(6101),
    /** Only a participant flagged state-owned registers appraisals and reserve approvals. */
    NOT_STATE_OWNED(6102),
    /** Only a HOLDER is flagged state-owned. */
    STATE_OWNED_NEEDS_HOLDER(6103),
    /** A state-owned holder lists only with a registered appraisal of the fund. */
    APPRAISAL_MISSING(6104),
    /** The appraisal's valid-until date has passed. */
    APPRAISAL_EXPIRED(6105),
    /** A starting or fixed price under the appraisal. */
    BELOW_APPRAISAL(6106),
    /** A reserve or fixed price under 90% of the appraisal without the approving body's recorded consent covering it. */
    RESERVE_APPROVAL_REQUIRED(6107),
    /** An auction whose end leaves less than the public disclosure period (20 working days). */
    DISCLOSURE_TOO_SHORT(6108),
    /** A deal before the public disclosure period has run. */
    DISCLOSURE_PERIOD_RUNNING(6109),
    /** Two or more qualified buyers are interested: a negotiated sale is refused, an auction is required. */
    AUCTION_REQUIRED(6110),
    /** A state-owned holder sells only through a public listing (auction or negotiated), not offers, orders or quotes. */
    STATE_OWNED_LISTING_REQUIRED(6111),
    /** An appraisal whose valid-until date is already past, or a reserve approval above the 90% line. */
    APPRAISAL_INVALID(6112),
    UNKNOWN_DATA_ROOM_SUBJECT(7001),
    NOT_DATA_ROOM_HOLDER(7002),
    DATA_ROOM_SUBJECT_NOT_LIVE(7003),
    DOCUMENT_TOO_LARGE(7004),
    DATA_ROOM_FULL(7005),
    DOCUMENT_ALREADY_IN_ROOM(7006),
    UNKNOWN_DOCUMENT(7007),
    NO_NDA(7008),
    NDA_NOT_CURRENT(7009),
    NDA_NOT_ACCEPTED(7010),
    NOT_DIRECTED(7011),
    NDA_ALREADY_ACCEPTED(7012),
    NOT_A_DATA_ROOM_VIEWER(7013),
    /** A fund document of a kind that is the holder's own (NDA, capital account statement, consent letter). */
    NOT_A_FUND_DOCUMENT_KIND(7027),
    /** Fund documents (or an opening naming its room) under a journal of rules version 5 or older. */
    FUND_DOCUMENTS_NOT_IN_RULES(7028),
    /** A fund document opened without naming the listing or offer whose data room it is opened in. */
    DATA_ROOM_NOT_NAMED(7029),
    /** Consent and first refusal (issue 20): the signer is not the manager the fund's transfer terms name. */
    NOT_FUND_MANAGER(6001),
    /** The fund's manager is the seller or the named buyer and may not decide on the consent (CONTRACTS.md 18). */
    MANAGER_IS_PARTY(6002),
    /** The listing has no open transfer notice. */
    NO_OPEN_NOTICE(6003),
    /** The signer holds no priority right on this notice. */
    NO_PRIORITY_RIGHT(6004),
    /** The signer already gave this kind of answer to this notice (answers are final). */
    NOTICE_ALREADY_ANSWERED(6005),
    /** The answer does not fit the notice: consent or attestation not asked, units or digest where not allowed. */
    NOTICE_ANSWER_INVALID(6006),
    /** An exercise's units: positive, a multiple of the fund's lot (or the whole listing), at most the listing's units. */
    EXERCISE_UNITS_INVALID(6007),
    /** The listing's transfer notice is still open: approval waits for its resolution. */
    NOTICE_OPEN(6008),
    /** A negotiated listing under a notice must not expire before the notice's deadline. */
    NOTICE_OUTLASTS_EXPIRY(6009),
    /** Transfer terms that do not hold together (manager, periods, affiliates). */
    TERMS_INVALID(6010),
    /** Rules version 4: the right of first refusal is overridden only by maker-checker (OverrideRofr) with a reason. */
    ROFR_OVERRIDE_NEEDS_PROPOSAL(6011),
    /**
     * A mechanism a fund's transfer terms do not allow: non-listed offers, the continuous book, Dutch auctions; before
     * rules version 6 English and sealed auctions too, from it those in a PARTIAL custody fund whose terms give a
     * priority right (docs/rules.md).
     */
    MECHANISM_NOT_UNDER_TERMS(6012),
    /** Why a listing under a notice was cancelled: consent refused (or by silence), or the notice not attested. */
    CONSENT_REFUSED(6013),
    /** The flag is refused while the holder has live sales: book sell orders, resting offers, pending or open listings. */
    STATE_OWNED_LIVE_SALES(6113),
    /** A state-owned holder's sale in a fund whose terms give others a priority right to exercise before the disclosure. */
    STATE_OWNED_PRIORITY_RIGHT(6114),
    /** A transfer notice would name more holders of the priority right than the engine bounds (200, the legal maximum). */
    NOTICE_TOO_LARGE(6014),
    /** An auction's holders of the priority right match its clearing price only after the close (the match stage). */
    MATCH_NOT_OPEN(6015),
    /** The auction's winner may not match its own award. */
    MATCH_BY_WINNER(6016),
    /** The seller may not match the price of its own auction. */
    MATCH_BY_SELLER(6017),
    /**
     * Rules version 6: the fund's manager may not bid in an auction of its fund whose terms require its consent (it
     * decides on the sale; CONTRACTS.md 18).
     */
    MANAGER_BIDS_ON_OWN_CONSENT(6019),
    /** Cash (issue 22): a cash command, a cash action or the BANK role under a journal of rules version 7 or older. */
    CASH_NOT_IN_RULES(8001),
    /** The bank's reference was already used by one of its confirmations: the repeat moves nothing. */
    DUPLICATE_BANK_REFERENCE(8002),
    /** No registered fund uses this currency, so no cash account exists in it. */
    CURRENCY_NOT_IN_USE(8003),
    /** The participant holds no cash account: unknown, or a staff, regulator or bank participant. */
    NO_CASH_ACCOUNT(8004),
    /** The account's available cash is less than the amount. */
    INSUFFICIENT_CASH(8005),
    /** No payout instruction with this id. */
    UNKNOWN_INSTRUCTION(8006),
    /** The payout instruction was already confirmed executed or returned. */
    INSTRUCTION_NOT_PENDING(8007),
    /** No unidentified receipt with this bank reference. */
    UNKNOWN_SUSPENSE_RECEIPT(8008),
    /** The unidentified receipt was already assigned or returned. */
    SUSPENSE_RECEIPT_NOT_OPEN(8009),
    /**
     * A bank value date that is not an ISO date, lies after the command's business date or too far before it, on or
     * before the currency's last statement date, or (a payout's) before its instruction's business date.
     */
    BANK_DATE_INVALID(8010),
    /** A statement date not after the currency's last statement, or not before the command's business date. */
    STATEMENT_DATE_INVALID(8011),
    /** No escrow mismatch alarm with this id. */
    UNKNOWN_ESCROW_ALARM(8012),
    /** The escrow mismatch alarm was already acknowledged. */
    ESCROW_ALARM_NOT_OPEN(8013),
    /** A correction from an account to the same account. */
    CORRECTION_SAME_ACCOUNT(8014),
    /** A cash amount that is not positive (a statement's balance may be zero, never negative). */
    CASH_AMOUNT_INVALID(8015),
    /**
     * An account reference that names a participant for a platform account, or none for a participant's; or SUSPENSE
     * in a correction (only assignment and return move suspense).
     */
    INVALID_CASH_ACCOUNT(8016),
    /** The escrow total of the currency would leave the range the engine keeps exact. */
    CASH_LIMIT_EXCEEDED(8017),
    /** The BANK role is held alone, never with another role (CONTRACTS.md 18). */
    BANK_ROLE_NOT_ALONE(8018),
    /** One command would make more payout instructions than its index has ids for (4096). */
    TOO_MANY_INSTRUCTIONS(8019),
    /** Another participant with the BANK role is active: one settlement bank at a time (suspend the old one first). */
    BANK_ALREADY_ACTIVE(8020),
    /**
     * A delivery-versus-payment command ({@code FundTrade}, {@code ConfirmRegistration}, {@code RefuseRegistration},
     * {@code OverrideSettlement}) under a rules version before 8, or on a trade not settled delivery versus payment.
     */
    DVP_NOT_IN_RULES(8021),
    /** The trade does not await funding: already funded, settled or failed (its deadline may have fired). */
    TRADE_NOT_AWAITING_FUNDING(8022),
    /** Only the trade's buyer funds it. */
    NOT_TRADE_BUYER(8023),
    /** The buyer has no available cash in the fund's currency to lock for the trade. */
    NO_CASH_TO_FUND(8024),
    /** The trade does not await its registration change: not yet funded, settled or failed (its deadline may have fired). */
    TRADE_NOT_AWAITING_REGISTRATION(8025),
    /** A fund without a manager participant has its registration changes confirmed or refused by staff only. */
    REGISTRAR_NOT_STAFF(8026),
    /** A trade settled delivery versus payment is confirmed only by staff's maker-checker override ({@code OverrideSettlement}). */
    SETTLEMENT_BY_OVERRIDE_ONLY(8027),
    /** The mechanism's minimum fee is more than the consideration of the order, bid or acceptance. */
    FEE_ABOVE_CONSIDERATION(8028),
    /** A trade failed: the fund's manager refused its registration change. */
    REGISTRATION_REFUSED(8029),
    /** A trade failed: its registration change was not confirmed by the registration deadline. */
    REGISTRATION_DEADLINE_PASSED(8030),
    /** A trade failed: its buyer had not funded it by the settlement deadline (a deposit held for it is forfeited). */
    FUNDING_DEADLINE_PASSED(8031),
    /** A trade of the daily book batch failed: its buyer's available cash did not cover its trades of the batch. */
    BATCH_NOT_FUNDED(8032),
    /**
     * Bid deposits (issue 22): deposit terms on a listing ({@code ListAuction}, {@code ListNegotiated}) under rules
     * version 7 or older. {@code SetPlatformParameter bid-deposit-bp} under those versions is an unknown parameter
     * (2011), as it was before the parameter existed.
     */
    DEPOSITS_NOT_IN_RULES(8035),
    /**
     * Deposit terms that are malformed: both an amount and a share, a negative amount, a share outside 0-10000 basis
     * points, or an amount above the listing's public value.
     */
    DEPOSIT_TERMS_INVALID(8036),
    /** The participant's available cash in the fund's currency is less than the listing's deposit. */
    DEPOSIT_NOT_AVAILABLE(8037),
    INTERNAL(9000);

    private final int code;

    RejectCode(int code) {
        this.code = code;
    }

    @Override
    public int code() {
        return code;
    }

    static {
        Set<Integer> seen = new HashSet<>();
        for (RejectCode value : values()) {
            if (!seen.add(value.code)) {
                throw new ExceptionInInitializerError("duplicate reject code " + value.code);
            }
        }
    }
}
