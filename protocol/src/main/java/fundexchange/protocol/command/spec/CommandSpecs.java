package fundexchange.protocol.command.spec;

import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.AcceptNda;
import fundexchange.protocol.command.DirectDisclosure;
import fundexchange.protocol.command.OpenDocument;
import fundexchange.protocol.command.RegisterDocument;
import fundexchange.protocol.command.RegisterFundDocument;
import fundexchange.protocol.command.RecordBankStatement;
import fundexchange.protocol.command.RecordCashReceipt;
import fundexchange.protocol.command.RecordPayoutExecuted;
import fundexchange.protocol.command.RecordPayoutReturned;
import fundexchange.protocol.command.RecordUnidentifiedReceipt;
import fundexchange.protocol.command.WithdrawCash;
import fundexchange.protocol.command.FundTrade;
import fundexchange.protocol.command.ConfirmRegistration;
import fundexchange.protocol.command.RefuseRegistration;
import fundexchange.protocol.command.AcceptMatch;
import fundexchange.protocol.command.AnswerTransferNotice;
import fundexchange.protocol.command.AcceptQuote;
import fundexchange.protocol.command.AmendIntent;
import fundexchange.protocol.command.AmendOrder;
import fundexchange.protocol.command.AmendSealedBid;
import fundexchange.protocol.command.ApproveCustody;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.BrokerMatch;
import fundexchange.protocol.command.CancelBid;
import fundexchange.protocol.command.CancelIntent;
import fundexchange.protocol.command.CancelOrder;
import fundexchange.protocol.command.Checkpoint;
import fundexchange.protocol.command.ClearRofr;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.ConfirmHolding;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.CounterQuote;
import fundexchange.protocol.command.DeclineListing;
import fundexchange.protocol.command.DeclineMatch;
import fundexchange.protocol.command.DeclineQuote;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.HaltBook;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.OpenBook;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.PostIntent;
import fundexchange.protocol.command.PostOffer;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterAppraisal;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.RegisterPledge;
import fundexchange.protocol.command.RejectCustody;
import fundexchange.protocol.command.ReleasePledge;
import fundexchange.protocol.command.RevokeKey;
import fundexchange.protocol.command.RotateKey;
import fundexchange.protocol.command.SetHolidays;
import fundexchange.protocol.command.SettleBookBatch;
import fundexchange.protocol.command.SubmitCustody;
import fundexchange.protocol.command.SubmitQuote;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.command.UpdateNav;
import fundexchange.protocol.command.WithdrawListing;
import fundexchange.protocol.command.WithdrawOffer;
import fundexchange.protocol.reference.Role;
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
    /** Every role: each participant manages its own keys. */
    private static final Set<Role> ANYONE = roles(Role.HOLDER, Role.INVESTOR, Role.STAFF, Role.REGULATOR, Role.MANAGER,
            Role.BANK);
    /** Those who may open a data room's documents (the engine decides which): every role but the bank's. */
    private static final Set<Role> DOCUMENT_READERS = roles(Role.HOLDER, Role.INVESTOR, Role.STAFF, Role.REGULATOR,
            Role.MANAGER);
    /** A FULL register's submission to custody: a holder, or the fund's manager. */
    private static final Set<Role> CUSTODY_SUBMITTERS = roles(Role.HOLDER, Role.MANAGER);
    /**
     * A transfer notice's answers: the fund's manager, or a holder of the priority right, and a holder may have only the
     * INVESTOR role (it bought its units; the notice names every holder on the register). The engine decides who may
     * answer (the notice's holders and its manager), so the gateway admits every role a holder may have.
     */
    private static final Set<Role> NOTICE_ANSWERERS = roles(Role.HOLDER, Role.INVESTOR, Role.MANAGER);
    private static final Set<Role> STAFF = roles(Role.STAFF);
    private static final Set<Role> HOLDER = roles(Role.HOLDER);
    private static final Set<Role> INVESTOR = roles(Role.INVESTOR);
    private static final Set<Role> MANAGER = roles(Role.MANAGER);
    /** The settlement bank's participant (rules version 7): its confirmations of cash in escrow. */
    private static final Set<Role> BANK = roles(Role.BANK);
    /** Those who hold cash accounts: every role that trades or manages funds. */
    private static final Set<Role> ACCOUNT_HOLDERS = roles(Role.HOLDER, Role.INVESTOR, Role.MANAGER);
    /**
     * Who confirms or refuses a trade's registration change (rules version 8): the fund's manager, or staff for a fund
     * without a manager participant (the engine checks which).
     */
    private static final Set<Role> REGISTRARS = roles(Role.STAFF, Role.MANAGER);
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
            post(SubmitCustody.class, "/custody", CUSTODY_SUBMITTERS),
            post(ApproveCustody.class, "/custody/{custodyId}/approve", STAFF),
            post(RejectCustody.class, "/custody/{custodyId}/reject", STAFF),
            post(ConfirmHolding.class, "/custody/{custodyId}/confirm", HOLDER),
            post(RegisterPledge.class, "/pledges", STAFF),
            post(ReleasePledge.class, "/pledges/{pledgeId}/release", STAFF),
            post(RegisterAppraisal.class, "/appraisals", HOLDER),
            post(RegisterDocument.class, "/listings/{listingId}/documents", HOLDER),
            post(AcceptNda.class, "/listings/{listingId}/nda/accept", INVESTOR),
            post(DirectDisclosure.class, "/listings/{listingId}/directed", HOLDER),
            post(OpenDocument.class, "/documents/{documentId}/open", DOCUMENT_READERS),
            post(AnswerTransferNotice.class, "/listings/{listingId}/notice/answers", NOTICE_ANSWERERS),
            post(RegisterFundDocument.class, "/funds/{fundCode}/documents", MANAGER),
            post(RecordCashReceipt.class, "/cash/receipts", BANK),
            post(RecordUnidentifiedReceipt.class, "/cash/unidentified-receipts", BANK),
            post(RecordPayoutExecuted.class, "/cash/instructions/{instructionId}/executed", BANK),
            post(RecordPayoutReturned.class, "/cash/instructions/{instructionId}/returned", BANK),
            post(RecordBankStatement.class, "/cash/statements", BANK),
            post(WithdrawCash.class, "/cash/withdrawals", ACCOUNT_HOLDERS),
            post(FundTrade.class, "/trades/{tradeId}/fund", INVESTOR),
            post(ConfirmRegistration.class, "/trades/{tradeId}/registration/confirm", REGISTRARS),
            post(RefuseRegistration.class, "/trades/{tradeId}/registration/refuse", REGISTRARS),
            post(fundexchange.protocol.command.SetMarketDataConsent.class, "/funds/{fundCode}/market-data-consent",
                    MANAGER));
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
