package fundexchange.protocol.command.spec;

import fundexchange.protocol.listing.Term;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the record components' types alone do not say about a body: which fields may be left out (each one the engine
 * reads with a documented default or as "none"; every other field is required), and the text fields with a narrower
 * grammar. A listing mechanism's term (a field that exists because of one or more mechanisms' rules, such as
 * {@code ListAuction.stepMs}) says it on its component ({@link Term}); every other field is in the tables below, keyed
 * by the record's simple name. A field is said in one place only: a component with a {@code Term} that the tables
 * name too is refused when the specifications load.
 */
final class FieldGrammar {
    private static final Map<String, Set<String>> OPTIONAL = Map.ofEntries(
            Map.entry("RegisterParticipant", Set.of("legalName", "registrationNumber")),
            Map.entry("RegisterFund", Set.of("holderCap", "minTransferUnits", "rightOfFirstRefusal", "fundSize")),
            Map.entry("SetHolidays", Set.of("workdays")),
            Map.entry("SetOfficialCalendar", Set.of("workdays")),
            Map.entry("ClearRofr", Set.of("waivedBy", "exercisedBy")),
            Map.entry("OverrideRofr", Set.of("exercisedBy")),
            Map.entry("SetTransferTerms", Set.of("manager", "consentRequired", "consentOnSilence", "priority",
                    "noticeDays", "matchDays", "affiliates")),
            Map.entry("AnswerTransferNotice", Set.of("units", "evidenceDigest")),
            Map.entry("OpenDocument", Set.of("listingId")),
            Map.entry("ListNegotiated", Set.of("expiresAt", "depositAmount", "depositBasisPoints")),
            Map.entry("ListAuction", Set.of("startsAt", "depositAmount", "depositBasisPoints", "terms")),
            Map.entry("PlaceBid", Set.of("terms")),
            Map.entry("PostOffer", Set.of("expiresAt")),
            Map.entry("PostIntent", Set.of("fundCodes", "criteria", "expiresAt")),
            Map.entry("AmendIntent", Set.of("fundCodes", "criteria", "expiresAt")),
            Map.entry("IntentCriteria", Set.of("strategies", "vintageFrom", "vintageTo", "currency", "manager",
                    "legalForm")),
            Map.entry("AmendOrder", Set.of("price", "units")),
            Map.entry("BrokerMatch", Set.of("units", "price")),
            Map.entry("RegisterPledge", Set.of("securedAmount")),
            Map.entry("RecordUnidentifiedReceipt", Set.of("remitter")),
            Map.entry("AccountRef", Set.of("participantId")),
            Map.entry("CustodyEntry", Set.of("subscribed", "paidIn", "cost")),
            Map.entry("SetQualification", Set.of("validUntil", "basis", "deemedCategory", "netAssets",
                    "financialAssets", "averageIncome", "evidenceDigest", "verifiedBy")));
    /** A sealed bid's nonce (CONTRACTS.md 12): 256 bits from the bidder's client. */
    private static final String NONCE = "^[0-9a-f]{64}$";
    /** An ISO calendar date, yyyy-MM-dd. */
    private static final String DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    private static final Map<String, String> PATTERNS = Map.of(
            "PlaceSealedBid.nonce", NONCE,
            "AmendSealedBid.nonce", NONCE,
            "RegisterAppraisal.validUntil", DATE,
            "RecordCashReceipt.valueDate", DATE,
            "RecordUnidentifiedReceipt.valueDate", DATE,
            "RecordPayoutExecuted.valueDate", DATE,
            "RecordPayoutReturned.valueDate", DATE,
            "RecordBankStatement.statementDate", DATE);

    private FieldGrammar() {
    }

    /** Whether {@code component} may be left out: its {@link Term} says so, or the table. */
    static boolean optional(RecordComponent component) {
        boolean listed = OPTIONAL.getOrDefault(recordName(component), Set.of()).contains(component.getName());
        return term(component, listed).map(Term::optional).orElse(listed);
    }

    /** The narrower grammar of a text {@code component}, from its {@link Term} or the table. */
    static Optional<String> pattern(RecordComponent component) {
        Optional<String> listed = Optional.ofNullable(PATTERNS.get(recordName(component) + "." + component.getName()));
        return term(component, listed.isPresent()).map(Term::pattern).filter(p -> !p.isEmpty()).or(() -> listed);
    }

    private static Optional<Term> term(RecordComponent component, boolean listed) {
        Term term = component.getAnnotation(Term.class);
        if (term != null && listed) {
            throw new IllegalStateException(recordName(component) + "." + component.getName()
                    + " has a @Term and an entry in FieldGrammar: say its grammar in one place");
        }
        return Optional.ofNullable(term);
    }

    private static String recordName(RecordComponent component) {
        return component.getDeclaringRecord().getSimpleName();
    }

    /** Every record named here, with its optional fields, for the table's own check. */
    static Map<String, Set<String>> optionalFields() {
        return OPTIONAL;
    }

    static Map<String, String> patterns() {
        return PATTERNS;
    }
}
