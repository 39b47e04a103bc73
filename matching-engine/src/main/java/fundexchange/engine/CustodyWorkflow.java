package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.ApproveCustody;
import fundexchange.protocol.command.ConfirmHolding;
import fundexchange.protocol.command.RejectCustody;
import fundexchange.protocol.command.SubmitCustody;
import fundexchange.protocol.custody.CustodyEntry;
import fundexchange.engine.custody.CustodyRegistration;
import fundexchange.engine.custody.CustodyStatus;
import fundexchange.protocol.event.CustodyApproved;
import fundexchange.protocol.event.CustodyRejected;
import fundexchange.protocol.event.CustodySubmitted;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.HoldingConfirmed;
import fundexchange.protocol.event.UnitsDeposited;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Custody registration as signed commands (份额登记托管). A holder submits; staff approve or reject; the approval
 * deposits the units. FULL custody takes the fund's whole register and each holder confirms its own line before its
 * units become available; PARTIAL custody takes only the submitting holder's lot, available at approval. The
 * staff's {@code DepositUnits} remains the direct path without a registration (see docs/rules.md).
 */
final class CustodyWorkflow {
    private final ExchangeState state;

    CustodyWorkflow(ExchangeState state) {
        this.state = state;
    }

    List<Event> submit(CommandContext ctx, SubmitCustody c) {
        boolean manager = ctx.actor() != null && ctx.actor().has(Role.MANAGER) && !ctx.actor().has(Role.HOLDER);
        if (!manager) {
            ctx.requireRole(Role.HOLDER);
        }
        Fund fund = Registers.fund(state, c.fundCode());
        if (manager) {
            // The fund's manager (linked by its transfer terms) deposits the whole register of a FULL custody fund.
            fundexchange.protocol.transfer.TransferTerms terms = state.transferTerms.get(fund.fundCode());
            Rejection.check(terms != null && ctx.actorId().equals(terms.manager()), RejectCode.NOT_FUND_MANAGER,
                    ctx.actorId() + " is not the manager of fund " + fund.fundCode());
            Rejection.check(fund.custodyMode() == CustodyMode.FULL, RejectCode.WRONG_ROLE,
                    "a PARTIAL custody registration is the holder's own lot");
        }
        Digests.required(c.documentDigest(), "documentDigest");
        Rejection.check(c.entries() != null && !c.entries().isEmpty(), RejectCode.INVALID_FIELD,
                "entries must name at least one holding");
        TreeMap<String, CustodyEntry> entries = new TreeMap<>();
        long total = 0;
        for (CustodyEntry entry : c.entries()) {
            CustodyEntry checked = Registers.entry(state, entry);
            Rejection.check(entries.put(checked.holder(), checked) == null, RejectCode.INVALID_FIELD,
                    "holder " + checked.holder() + " appears twice");
            try {
                total = Math.addExact(total, checked.units().raw());
            } catch (ArithmeticException e) {
                throw new Rejection(RejectCode.ARITHMETIC_OVERFLOW, "the registration's units exceed the documented range");
            }
        }
        if (fund.custodyMode() == CustodyMode.PARTIAL) {
            Rejection.check(entries.size() == 1 && entries.containsKey(ctx.actorId()), RejectCode.NOT_OWN_LOT,
                    "a PARTIAL custody registration names only the submitting holder's own lot");
        } else {
            requireEmptyRegister(fund);
            Rejection.check(entries.size() <= fund.holderCap(), RejectCode.HOLDER_CAP_REACHED,
                    "the register names " + entries.size() + " holders; the fund's cap is " + fund.holderCap());
        }
        return List.of(new CustodySubmitted(ctx.index(), fund.fundCode(), fund.custodyMode(), ctx.actorId(),
                List.copyOf(entries.values()), c.documentDigest()));
    }

    List<Event> approve(CommandContext ctx, ApproveCustody c) {
        ctx.requireRole(Role.STAFF);
        CustodyRegistration registration = pending(c.custodyId());
        notParty(ctx, registration);
        Fund fund = state.funds.get(registration.fundCode());
        boolean full = registration.mode() == CustodyMode.FULL;
        if (full) {
            Rejection.check(fund.holderCount() == 0 && fund.reservedHolders() == 0, RejectCode.REGISTER_NOT_EMPTY,
                    "fund " + fund.fundCode() + " already has holders; a FULL registration takes the whole register");
        }
        List<Event> events = new ArrayList<>();
        events.add(new CustodyApproved(registration.custodyId(), fund.fundCode(), ctx.actorId()));
        int holders = fund.holderCount();
        for (CustodyEntry entry : registration.entries()) {
            Position position = state.position(fund.fundCode(), entry.holder());
            boolean newHolder = position.units().raw() == 0;
            boolean reserved = state.holdsReservation(fund.fundCode(), entry.holder());
            if (newHolder && !reserved) {
                Rejection.check(holders + fund.reservedHolders() < fund.holderCap(), RejectCode.HOLDER_CAP_REACHED,
                        "fund " + fund.fundCode() + " would pass its holder cap of " + fund.holderCap());
            }
            TradeTerms.overflowChecked(() -> position.units().plus(entry.units()).raw() + position.cost().plus(entry.cost()).raw()
                    + position.subscribed().plus(entry.subscribed()).raw() + position.paidIn().plus(entry.paidIn()).raw());
            holders += newHolder ? 1 : 0;
            events.add(new UnitsDeposited(fund.fundCode(), entry.holder(), entry.units(), entry.cost(), holders,
                    registration.custodyId(), entry.subscribed(), entry.paidIn(), full ? entry.units() : null));
        }
        return events;
    }

    List<Event> reject(CommandContext ctx, RejectCustody c) {
        ctx.requireRole(Role.STAFF);
        CustodyRegistration registration = pending(c.custodyId());
        notParty(ctx, registration);
        Validation.text(c.reason(), "reason");
        return List.of(new CustodyRejected(registration.custodyId(), registration.fundCode(), ctx.actorId(), c.reason()));
    }

    List<Event> confirm(CommandContext ctx, ConfirmHolding c) {
        ctx.requireRole(Role.HOLDER);
        CustodyRegistration registration = existing(c.custodyId());
        Rejection.check(registration.status() == CustodyStatus.APPROVED
                        && registration.unconfirmedHolders().contains(ctx.actorId()), RejectCode.NOTHING_TO_CONFIRM,
                "custody registration " + c.custodyId() + " holds no unconfirmed line of " + ctx.actorId());
        Units units = registration.entryOf(ctx.actorId()).units();
        return List.of(new HoldingConfirmed(registration.custodyId(), registration.fundCode(), ctx.actorId(), units));
    }

    /** Staff never decide on a registration they submitted or that names them as a holder (CONTRACTS.md 18). */
    private static void notParty(CommandContext ctx, CustodyRegistration registration) {
        String what = "custody registration " + registration.custodyId();
        Duties.notParty(ctx.actorId(), what, registration.submittedBy());
        Duties.notParty(ctx.actorId(), what, registration.entries().stream().map(CustodyEntry::holder).toList());
    }

    /** A FULL registration takes the whole register: none may be pending or approved, and no units deposited yet. */
    private void requireEmptyRegister(Fund fund) {
        for (CustodyRegistration other : state.custody.values()) {
            Rejection.check(!other.fundCode().equals(fund.fundCode()) || other.status() == CustodyStatus.REJECTED,
                    RejectCode.CUSTODY_EXISTS, "fund " + fund.fundCode() + " already has custody registration "
                            + other.custodyId() + " (" + other.status() + ")");
        }
        Rejection.check(fund.holderCount() == 0 && fund.reservedHolders() == 0, RejectCode.REGISTER_NOT_EMPTY,
                "fund " + fund.fundCode() + " already has holders; a FULL registration takes the whole register");
    }

    private CustodyRegistration pending(long custodyId) {
        CustodyRegistration registration = existing(custodyId);
        Rejection.check(registration.status() == CustodyStatus.PENDING_APPROVAL, RejectCode.CUSTODY_NOT_PENDING,
                "custody registration " + custodyId + " is " + registration.status());
        return registration;
    }

    private CustodyRegistration existing(long custodyId) {
        CustodyRegistration registration = state.custody.get(custodyId);
        Rejection.check(registration != null, RejectCode.UNKNOWN_CUSTODY, "no custody registration " + custodyId);
        return registration;
    }
}
