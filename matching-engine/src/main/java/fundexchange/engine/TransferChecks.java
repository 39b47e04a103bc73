package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import java.time.LocalDate;

/**
 * The transfer rules checked for both sides at every step that makes a trade: acceptance, auction close, every fill
 * (CONTRACTS.md 13). Each answers null when the party may trade, or the {@link PartyRefusal} naming the failed rule.
 */
final class TransferChecks {
    private final ExchangeState state;
    private final BusinessCalendar calendar;

    TransferChecks(ExchangeState state) {
        this.state = state;
        this.calendar = new BusinessCalendar(state);
    }

    /** A buyer: a qualified, active investor with an active key, and room under the fund's holder cap if new. */
    PartyRefusal buyer(String buyerId, Fund fund, LocalDate date) {
        return buyer(buyerId, fund, date, needsHolderRoom(fund, buyerId));
    }

    /**
     * As {@link #buyer(String, Fund, LocalDate)}, when the caller knows better whether the buyer needs a new place
     * (fills earlier in the same command reserved one); {@code fund} then counts those reservations too.
     */
    PartyRefusal buyer(String buyerId, Fund fund, LocalDate date, boolean needsRoom) {
        Participant buyer = state.participants.get(buyerId);
        if (buyer == null || !buyer.has(Role.INVESTOR)) {
            return new PartyRefusal(RejectCode.WRONG_ROLE, buyerId + " is not an investor");
        }
        if (!qualified(buyer, date)) {
            return new PartyRefusal(RejectCode.BUYER_NOT_QUALIFIED, buyerId + " is not a qualified investor on " + date);
        }
        if (!state.hasActiveKey(buyerId)) {
            return new PartyRefusal(RejectCode.PARTICIPANT_NOT_ACTIVE, buyerId + " has no active key");
        }
        if (needsRoom && !fund.roomForNewHolder()) {
            return new PartyRefusal(RejectCode.HOLDER_CAP_REACHED,
                    "fund " + fund.fundCode() + " is at its holder cap of " + fund.holderCap());
        }
        return null;
    }

    /** A seller: active, with an active key, and past the anti-flip period. */
    PartyRefusal seller(String sellerId, Fund fund, LocalDate date) {
        Participant seller = state.participants.get(sellerId);
        if (seller == null || !seller.active() || !state.hasActiveKey(sellerId)) {
            return new PartyRefusal(RejectCode.PARTICIPANT_NOT_ACTIVE, "seller " + sellerId + " is not active or has no active key");
        }
        return antiFlip(state.position(fund.fundCode(), sellerId), date, Units.ZERO);
    }

    /**
     * Units acquired by a trade settled on day D may be sold once {@code anti-flip-business-days} business days have
     * passed (refused with {@code CALENDAR_YEAR_NOT_SET} when counting them reaches a year without an official calendar,
     * rules version 4). Only those units are restricted: the position's unrestricted units must cover everything it has locked
     * for sale plus {@code moreUnits} about to be locked.
     */
    PartyRefusal antiFlip(Position position, LocalDate date, Units moreUnits) {
        try {
            if (!calendar.stillRestricted(position, date)) {
                return null;
            }
        } catch (Rejection beyondHorizon) {
            // Rules version 4: the period reaches a year without an official calendar (CALENDAR_YEAR_NOT_SET).
            return new PartyRefusal(beyondHorizon.code(), beyondHorizon.getMessage());
        }
        // Units pending registration (rules version 9; none before) are neither free nor yet acquired: they count
        // toward neither side, so only units registered to the holder and past the period may cover its sales.
        Units registered = position.units().minus(position.pendingRegistration());
        Units restricted = position.acquiredUnits() == null ? registered : position.acquiredUnits();
        if (registered.minus(restricted).compareTo(position.locked().plus(moreUnits)) >= 0) {
            return null;
        }
        return new PartyRefusal(RejectCode.ANTI_FLIP_PERIOD, restricted + " units acquired on " + position.acquiredOn()
                + " may be sold only after " + state.parameters.antiFlipBusinessDays() + " business days");
    }

    /** True if a trade to this buyer would add a holder not yet counted or reserved. */
    boolean needsHolderRoom(Fund fund, String buyerId) {
        return state.unitsRaw(fund.fundCode(), buyerId) == 0
                && !state.holdsReservation(fund.fundCode(), buyerId);
    }

    static boolean qualified(Participant investor, LocalDate today) {
        return investor.active() && investor.qualification() == QualificationStatus.QUALIFIED
                && investor.qualifiedUntil() != null && !LocalDates.parse(investor.qualifiedUntil()).isBefore(today);
    }

    static void require(PartyRefusal refusal) {
        if (refusal != null) {
            throw refusal.toRejection();
        }
    }
}
