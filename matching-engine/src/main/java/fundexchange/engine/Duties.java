package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.reference.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Segregation of duties (CONTRACTS.md 18): nobody decides on a deal or holding in which they are a party, and the
 * roles that run or watch the exchange never sit with the roles that trade on it.
 */
final class Duties {
    /** Roles that decide or audit: never held together with a {@link #TRADING} role. */
    static final Set<Role> OVERSIGHT = EnumSet.of(Role.STAFF, Role.REGULATOR);
    /** Roles that are parties to deals and holdings. */
    static final Set<Role> TRADING = EnumSet.of(Role.HOLDER, Role.INVESTOR, Role.MANAGER);

    private Duties() {
    }

    /** Refuses a role set that mixes {@link #OVERSIGHT} and {@link #TRADING}. */
    static void compatible(Collection<Role> roles) {
        boolean oversight = roles.stream().anyMatch(OVERSIGHT::contains);
        boolean trading = roles.stream().anyMatch(TRADING::contains);
        Rejection.check(!(oversight && trading), RejectCode.INCOMPATIBLE_ROLES,
                "STAFF and REGULATOR are never held together with HOLDER or INVESTOR"
                        + (roles.contains(Role.MANAGER) ? " or MANAGER" : "") + " (segregation of duties)");
    }

    /** Refuses when {@code staff} is one of {@code parties} (nulls ignored) of what it would decide on. */
    static void notParty(String staff, String what, Collection<String> parties) {
        Rejection.check(!parties.contains(staff), RejectCode.STAFF_IS_PARTY,
                staff + " is a party to " + what + " and may not decide on it (segregation of duties)");
    }

    static void notParty(String staff, String what, String... parties) {
        List<String> named = new ArrayList<>();
        for (String party : parties) {
            if (party != null) {
                named.add(party);
            }
        }
        notParty(staff, what, named);
    }
}
