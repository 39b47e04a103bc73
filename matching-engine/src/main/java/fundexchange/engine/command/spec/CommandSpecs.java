package fundexchange.engine.command.spec;

import fundexchange.engine.command.AcceptListing;
import fundexchange.engine.command.AcceptMatch;
import fundexchange.engine.command.AcceptQuote;
import fundexchange.engine.command.AmendIntent;
import fundexchange.engine.command.AmendOrder;
import fundexchange.engine.command.AmendSealedBid;
import fundexchange.engine.command.ApproveCustody;
import fundexchange.engine.command.ApproveListing;
import fundexchange.engine.command.ApproveProposal;
import fundexchange.engine.command.BrokerMatch;
import fundexchange.engine.command.CancelBid;
import fundexchange.engine.command.CancelIntent;
import fundexchange.engine.command.CancelOrder;
import fundexchange.engine.command.Checkpoint;
import fundexchange.engine.command.ClearRofr;
import fundexchange.engine.command.Command;
import fundexchange.engine.command.ConfirmHolding;
import fundexchange.engine.command.ConfirmSettlement;
import fundexchange.engine.command.CounterQuote;
import fundexchange.engine.command.DeclineListing;
import fundexchange.engine.command.DeclineMatch;
import fundexchange.engine.command.DeclineQuote;
import fundexchange.engine.command.DepositUnits;
import fundexchange.engine.command.Genesis;
import fundexchange.engine.command.HaltBook;
import fundexchange.engine.command.ListAuction;
import fundexchange.engine.command.ListNegotiated;
import fundexchange.engine.command.OpenBook;
import fundexchange.engine.command.PlaceBid;
import fundexchange.engine.command.PlaceOrder;
import fundexchange.engine.command.PlaceSealedBid;
import fundexchange.engine.command.PostIntent;
import fundexchange.engine.command.PostOffer;
import fundexchange.engine.command.Propose;
import fundexchange.engine.command.RegisterFund;
import fundexchange.engine.command.RegisterParticipant;
import fundexchange.engine.command.RegisterPledge;
import fundexchange.engine.command.RejectCustody;
import fundexchange.engine.command.ReleasePledge;
import fundexchange.engine.command.RevokeKey;
import fundexchange.engine.command.RotateKey;
import fundexchange.engine.command.SetHolidays;
import fundexchange.engine.command.SettleBookBatch;
import fundexchange.engine.command.SubmitCustody;
import fundexchange.engine.command.SubmitQuote;
import fundexchange.engine.command.Tick;
import fundexchange.engine.command.UpdateNav;
import fundexchange.engine.command.WithdrawListing;
import fundexchange.engine.command.WithdrawOffer;
import fundexchange.engine.reference.Role;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table of command specifications (docs/architecture.md, "Command specifications"): exactly one
 * {@link CommandSpec} per permitted {@link Command} type, checked when this class loads. Routing, role checks, the
 * key-change hold, the strict body parser, the audit's re-derivation of a command from its signed request, the
 * OpenAPI check and the client library read it. Endpoints are listed in the order routes are tried.
 */
public final class CommandSpecs {
    private static final Set<Role> ANYONE = roles(Role.HOLDER, Role.INVESTOR, Role.STAFF, Role.REGULATOR);
    private static final Set<Role> STAFF = roles(Role.STAFF);
    private static final Set<Role> HOLDER = roles(Role.HOLDER);
    private static final Set<Role> INVESTOR = roles(Role.INVESTOR);
    /** Book orders: a holder sells, an investor buys (the engine checks the side's role). */
    private static final Set<Role> TRADER = roles(Role.HOLDER, Role.INVESTOR);
    /** Either party of a quote or a brokered match. */
    private static final Set<Role> PARTIES = roles(Role.HOLDER, Role.INVESTOR);
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");

    private static final List<CommandSpec> ALL = List.of(
            new CommandSpec(Genesis.class, Optional.empty(), true, MakerChecker.NONE),
            unsigned(Tick.class),
            unsigned(Checkpoint.class),
            post(RegisterParticipant.class, "/participants", STAFF),
            post(Propose.class, "/proposals", STAFF, MakerChecker.MAKER),
            post(ApproveProposal.class, "/proposals/{proposalId}/approve", STAFF, MakerChecker.CHECKER, Effect.KEYS),
            post(RotateKey.class, "/keys", ANYONE, Effect.KEYS),
            post(RevokeKey.class, "/keys/{keyId}/revoke", ANYONE, Effect.KEYS),
            post(RegisterFund.class, "/funds", STAFF),
            post(UpdateNav.class, "/funds/{fundCode}/nav", STAFF),
            post(SetHolidays.class, "/calendar/holidays", STAFF),
            post(DepositUnits.class, "/deposits", STAFF),
            post(ListNegotiated.class, "/listings", HOLDER),
            post(ApproveListing.class, "/listings/{listingId}/approve", STAFF),
            post(AcceptListing.class, "/listings/{listingId}/accept", INVESTOR),
            post(DeclineListing.class, "/listings/{listingId}/decline", INVESTOR),
            post(WithdrawListing.class, "/listings/{listingId}/withdraw", HOLDER),
            post(ConfirmSettlement.class, "/trades/{tradeId}/settle", STAFF),
            post(ListAuction.class, "/auctions", HOLDER),
            post(ClearRofr.class, "/listings/{listingId}/rofr", STAFF),
            post(PlaceBid.class, "/listings/{listingId}/bids", INVESTOR),
            post(PlaceSealedBid.class, "/listings/{listingId}/sealed-bids", INVESTOR),
            post(AmendSealedBid.class, "/bids/{bidId}/amend", INVESTOR),
            post(CancelBid.class, "/bids/{bidId}/cancel", INVESTOR),
            post(OpenBook.class, "/books/{fundCode}/open", STAFF),
            post(HaltBook.class, "/books/{fundCode}/halt", STAFF),
            post(SettleBookBatch.class, "/books/{fundCode}/settle-batch", STAFF),
            post(PlaceOrder.class, "/orders", TRADER),
            post(CancelOrder.class, "/orders/{orderId}/cancel", TRADER),
            post(AmendOrder.class, "/orders/{orderId}/amend", TRADER),
            post(PostOffer.class, "/offers", HOLDER),
            post(WithdrawOffer.class, "/offers/{offerId}/withdraw", HOLDER),
            post(SubmitQuote.class, "/offers/{offerId}/quotes", INVESTOR),
            post(CounterQuote.class, "/quotes/{quoteId}/counter", PARTIES),
            post(AcceptQuote.class, "/quotes/{quoteId}/accept", PARTIES),
            post(DeclineQuote.class, "/quotes/{quoteId}/decline", PARTIES),
            post(PostIntent.class, "/intents", INVESTOR),
            post(AmendIntent.class, "/intents/{intentId}/amend", INVESTOR),
            post(CancelIntent.class, "/intents/{intentId}/cancel", INVESTOR),
            post(BrokerMatch.class, "/matches/{matchId}/broker", STAFF),
            post(AcceptMatch.class, "/matches/{matchId}/accept", PARTIES),
            post(DeclineMatch.class, "/matches/{matchId}/decline", PARTIES),
            post(SubmitCustody.class, "/custody", HOLDER),
            post(ApproveCustody.class, "/custody/{custodyId}/approve", STAFF),
            post(RejectCustody.class, "/custody/{custodyId}/reject", STAFF),
            post(ConfirmHolding.class, "/custody/{custodyId}/confirm", HOLDER),
            post(RegisterPledge.class, "/pledges", STAFF),
            post(ReleasePledge.class, "/pledges/{pledgeId}/release", STAFF));
    private static final Map<Class<? extends Command>, CommandSpec> BY_TYPE = byType();

    private CommandSpecs() {
    }

    /** Every specification: the unsigned commands first, then the endpoints in routing order. */
    public static List<CommandSpec> all() {
        return ALL;
    }

    /** The specifications with an endpoint, in the order routes are tried. */
    public static List<CommandSpec> endpoints() {
        return ALL.stream().filter(spec -> spec.endpoint().isPresent()).toList();
    }

    /** The specification of {@code type}. */
    public static CommandSpec of(Class<? extends Command> type) {
        CommandSpec spec = BY_TYPE.get(type);
        if (spec == null) {
            throw new IllegalArgumentException(type + " is not a command type");
        }
        return spec;
    }

    /** The endpoint of {@code type}; an unsigned command has none. */
    public static Endpoint endpoint(Class<? extends Command> type) {
        return of(type).endpoint().orElseThrow(() -> new IllegalArgumentException(type.getSimpleName()
                + " has no endpoint: the exchange writes it itself"));
    }

    /** The first specification whose endpoint serves {@code method} at {@code concretePath}. */
    public static Optional<CommandSpec> forRequest(String method, String concretePath) {
        return endpoints().stream()
                .filter(spec -> spec.endpoint().orElseThrow().method().equals(method)
                        && spec.endpoint().orElseThrow().match(concretePath).isPresent())
                .findFirst();
    }

    /** Whether any endpoint takes {@code method}. */
    public static boolean anyEndpointTakes(String method) {
        return endpoints().stream().anyMatch(spec -> spec.endpoint().orElseThrow().method().equals(method));
    }

    private enum Effect { KEYS }

    private static CommandSpec unsigned(Class<? extends Command> type) {
        return new CommandSpec(type, Optional.empty(), false, MakerChecker.NONE);
    }

    private static CommandSpec post(Class<? extends Command> type, String path, Set<Role> roles, Effect keys) {
        return post(type, path, roles, MakerChecker.NONE, keys);
    }

    private static CommandSpec post(Class<? extends Command> type, String path, Set<Role> roles) {
        return post(type, path, roles, MakerChecker.NONE);
    }

    private static CommandSpec post(Class<? extends Command> type, String path, Set<Role> roles, MakerChecker part,
                                    Effect... effects) {
        List<PathParameter> parameters = PARAMETER.matcher(path).results()
                .map(found -> parameter(type, found.group(1)))
                .toList();
        Set<String> bound = Set.copyOf(parameters.stream().map(PathParameter::component).toList());
        Endpoint endpoint = new Endpoint("POST", path, parameters, roles, BodySchemas.of(type, bound));
        return new CommandSpec(type, Optional.of(endpoint), Arrays.asList(effects).contains(Effect.KEYS), part);
    }

    /** A path parameter binds the record component of its own name, a long (numeric) or a String. */
    private static PathParameter parameter(Class<? extends Command> type, String name) {
        Class<?> component = Arrays.stream(type.getRecordComponents())
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " has no component " + name))
                .getType();
        if (component != long.class && component != String.class) {
            throw new IllegalStateException(type.getSimpleName() + "." + name + " is neither a long nor a String");
        }
        return new PathParameter(name, name, component == long.class);
    }

    private static Set<Role> roles(Role first, Role... rest) {
        return Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    /** Exactly one specification per permitted command type, and no two endpoints at one method and path. */
    private static Map<Class<? extends Command>, CommandSpec> byType() {
        Map<Class<? extends Command>, CommandSpec> byType = new LinkedHashMap<>();
        Map<String, CommandSpec> byRoute = new LinkedHashMap<>();
        for (CommandSpec spec : ALL) {
            if (byType.put(spec.type(), spec) != null) {
                throw new IllegalStateException("two specifications of " + spec.name());
            }
            spec.endpoint().ifPresent(endpoint -> {
                String route = endpoint.method() + " " + PARAMETER.matcher(endpoint.path()).replaceAll(Matcher.quoteReplacement("{}"));
                if (byRoute.put(route, spec) != null) {
                    throw new IllegalStateException(route + " serves two commands");
                }
            });
        }
        Set<Class<?>> permitted = Set.of(Command.class.getPermittedSubclasses());
        if (!permitted.equals(byType.keySet())) {
            throw new IllegalStateException("the specifications cover " + byType.keySet() + " but Command permits " + permitted);
        }
        return Collections.unmodifiableMap(byType);
    }
}
