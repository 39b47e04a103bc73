package fundexchange.engine;

import fundexchange.engine.intent.Offer;
import fundexchange.engine.listing.Listing;
import fundexchange.protocol.listing.ListingStatus;
import fundexchange.engine.book.OrderBook;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.SetTransferTerms;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.TransferTermsSet;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.transfer.Affiliation;
import fundexchange.protocol.transfer.PriorityOrder;
import fundexchange.protocol.transfer.SilenceMeans;
import fundexchange.protocol.transfer.TransferTerms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * A fund's transfer terms (maker-checker, decided at the proposal and again at the approval): what staff give, and
 * for what they leave out the default of the fund's legal form (docs/rules.md, "Consent and first refusal").
 */
final class TransferTermsRules {
    /** The default notice and match periods, in days (Partnership Enterprise Law art. 73, Company Law 2023 art. 84). */
    static final int DEFAULT_DAYS = 30;
    /** The longest period staff may set, in days. */
    static final int MAX_DAYS = 365;
    /** The most affiliations one fund's terms may list. */
    static final int MAX_AFFILIATIONS = 200;
    private final ExchangeState state;

    TransferTermsRules(ExchangeState state) {
        this.state = state;
    }

    List<Event> decide(SetTransferTerms a) {
        Fund fund = state.funds.get(a.fundCode());
        Rejection.check(fund != null, RejectCode.UNKNOWN_FUND, "no fund " + a.fundCode());
        String digest = Digests.required(a.documentDigest(), "documentDigest");
        LegalForm form = fund.legalForm();
        boolean consent = a.consentRequired() != null ? a.consentRequired() : form != LegalForm.LLC;
        SilenceMeans silence = a.consentOnSilence() != null ? a.consentOnSilence()
                : form == LegalForm.LLC ? SilenceMeans.CONSENT : SilenceMeans.REFUSAL;
        PriorityOrder priority = a.priority() != null ? a.priority() : switch (form) {
            case PARTNERSHIP -> PriorityOrder.MANAGER_FIRST_THEN_PRO_RATA;
            case LLC -> PriorityOrder.PRO_RATA;
            case CONTRACTUAL -> PriorityOrder.NONE;
        };
        int notice = days(a.noticeDays(), "noticeDays");
        int match = days(a.matchDays(), "matchDays");
        // Company Law 2023 art. 84 and Interpretation IV art. 19: a shareholder has at least 30 days from receiving the
        // written notice (of the price, here the clearing price) to exercise; terms set before version 6 keep theirs.
        Rejection.check(state.rulesVersion < fundexchange.protocol.RulesVersion.LLC_MATCH_DAYS_STATUTORY
                        || form != LegalForm.LLC || match >= DEFAULT_DAYS, RejectCode.TERMS_INVALID,
                "a company-form (LLC) fund's matchDays must be at least " + DEFAULT_DAYS + " (Company Law art. 84)"
                        + " / 有限责任公司型基金的优先购买期不得少于 " + DEFAULT_DAYS + " 日");
        String manager = manager(a.manager());
        Rejection.check(manager != null || !(consent || priority == PriorityOrder.MANAGER_FIRST_THEN_PRO_RATA
                        || fund.custodyMode() == CustodyMode.PARTIAL), RejectCode.TERMS_INVALID,
                "these terms need the fund's manager (consent, the manager's first priority, or PARTIAL custody's"
                        + " attestation) / 该条款需要指定基金管理人");
        OrderBook book = state.books.book(fund.fundCode());
        Rejection.check(book == null || !book.isOpen(), RejectCode.TERMS_INVALID, "the continuous book of "
                + fund.fundCode() + " is open: halt it before the fund takes transfer terms / 请先暂停该基金的连续交易");
        liveSale(fund.fundCode());
        return List.of(new TransferTermsSet(new TransferTerms(fund.fundCode(), manager, consent, silence, priority,
                notice, match, affiliations(a.affiliates()), digest)));
    }

    /**
     * Refuses terms while a sale made without them is live in the fund (a listing pending approval or open, of any
     * mechanism, or a non-listed offer): it would trade without the notice the terms ask for. A rare staff action, so
     * the listings are scanned.
     */
    private void liveSale(String fundCode) {
        for (Listing listing : state.listings.values()) {
            Rejection.check(!listing.fundCode().equals(fundCode) || (listing.status() != ListingStatus.PENDING_APPROVAL
                            && listing.status() != ListingStatus.OPEN), RejectCode.TERMS_INVALID, "listing "
                            + listing.listingId() + " of " + fundCode + " is live: it ends (or is withdrawn) before the fund"
                            + " takes transfer terms / 该基金尚有进行中的挂牌，请待其结束后再设定转让条款");
        }
        for (Offer offer : state.intentBook.offers.values()) {
            Rejection.check(!offer.fundCode().equals(fundCode), RejectCode.TERMS_INVALID, "offer " + offer.offerId()
                    + " of " + fundCode + " is live: it ends (or is withdrawn) before the fund takes transfer terms"
                    + " / 该基金尚有进行中的非挂牌报价，请待其结束后再设定转让条款");
        }
    }

    private static int days(Integer given, String field) {
        int days = given == null ? DEFAULT_DAYS : given;
        Rejection.check(days >= 1 && days <= MAX_DAYS, RejectCode.TERMS_INVALID,
                field + " must be 1 to " + MAX_DAYS + " days");
        return days;
    }

    private String manager(String id) {
        if (id == null) {
            return null;
        }
        Participant manager = state.participants.get(id);
        Rejection.check(manager != null, RejectCode.UNKNOWN_PARTICIPANT, "no participant " + id);
        Rejection.check(manager.has(Role.MANAGER), RejectCode.TERMS_INVALID, id + " does not have the MANAGER role");
        return id;
    }

    /** Sorted, without duplicates; each side a participant id, never the same twice. */
    private static List<Affiliation> affiliations(List<Affiliation> given) {
        if (given == null) {
            return List.of();
        }
        Rejection.check(given.size() <= MAX_AFFILIATIONS, RejectCode.TERMS_INVALID,
                "at most " + MAX_AFFILIATIONS + " affiliations");
        TreeSet<Affiliation> sorted = new TreeSet<>(Comparator.comparing(Affiliation::holder)
                .thenComparing(Affiliation::affiliate));
        for (Affiliation link : given) {
            Rejection.check(link != null, RejectCode.TERMS_INVALID, "an affiliation is empty");
            Validation.id(link.holder(), "affiliates.holder");
            Validation.id(link.affiliate(), "affiliates.affiliate");
            Rejection.check(!link.holder().equals(link.affiliate()), RejectCode.TERMS_INVALID,
                    "an affiliation links two different participants");
            sorted.add(link);
        }
        return List.copyOf(new ArrayList<>(sorted));
    }
}
