package fundexchange.gateway.http;

import java.util.Map;
import java.util.Set;

/**
 * The body fields a write may leave out (or send as {@code null}), by record; every other field is required
 * (docs/api.md, "Input rules"). Each entry is a field the engine reads with a documented default or as "none".
 */
final class OptionalFields {
    private static final Map<String, Set<String>> OPTIONAL = Map.ofEntries(
            Map.entry("RegisterParticipant", Set.of("legalName", "registrationNumber")),
            Map.entry("RegisterFund", Set.of("holderCap", "minTransferUnits", "rightOfFirstRefusal", "fundSize")),
            Map.entry("ClearRofr", Set.of("waivedBy", "exercisedBy")),
            Map.entry("ListNegotiated", Set.of("expiresAt")),
            Map.entry("ListAuction", Set.of("reservePrice", "minIncrement", "startsAt", "extensionWindowMs",
                    "extensionMs", "secondPrice")),
            Map.entry("PostOffer", Set.of("expiresAt")),
            Map.entry("PostIntent", Set.of("fundCodes", "criteria", "expiresAt")),
            Map.entry("AmendIntent", Set.of("fundCodes", "criteria", "expiresAt")),
            Map.entry("IntentCriteria", Set.of("strategies", "vintageFrom", "vintageTo", "currency", "manager",
                    "legalForm")),
            Map.entry("AmendOrder", Set.of("price", "units")),
            Map.entry("BrokerMatch", Set.of("units", "price")),
            Map.entry("RegisterPledge", Set.of("securedAmount")),
            Map.entry("CustodyEntry", Set.of("subscribed", "paidIn", "cost")),
            Map.entry("SetQualification", Set.of("validUntil", "basis", "deemedCategory", "netAssets",
                    "financialAssets", "averageIncome", "evidenceDigest", "verifiedBy")));

    private OptionalFields() {
    }

    static boolean optional(Class<?> record, String field) {
        return OPTIONAL.getOrDefault(record.getSimpleName(), Set.of()).contains(field);
    }
}
