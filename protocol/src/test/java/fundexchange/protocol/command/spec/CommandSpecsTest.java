package fundexchange.protocol.command.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.command.AmendIntent;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RevokeKey;
import fundexchange.protocol.command.SensitiveAction;
import fundexchange.protocol.command.UpdateNav;
import fundexchange.protocol.reference.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CommandSpecsTest {
    @Test
    void everyCommandTypeHasExactlyOneSpecification() {
        Map<Class<?>, Long> counts = CommandSpecs.all().stream()
                .collect(Collectors.groupingBy(CommandSpec::type, Collectors.counting()));
        Map<Class<?>, Long> once = Arrays.stream(Command.class.getPermittedSubclasses())
                .collect(Collectors.toMap(Function.identity(), type -> 1L));
        assertEquals(once, counts);
        for (Class<?> type : Command.class.getPermittedSubclasses()) {
            assertEquals(type, CommandSpecs.of(type.asSubclass(Command.class)).type());
        }
    }

    @Test
    void noTwoEndpointsShareMethodAndPath() {
        Map<String, List<String>> byRoute = new TreeMap<>();
        for (CommandSpec spec : CommandSpecs.endpoints()) {
            Endpoint endpoint = spec.endpoint().orElseThrow();
            byRoute.computeIfAbsent(endpoint.method() + " " + endpoint.path().replaceAll("\\{[^}]+}", "{}"),
                    route -> new ArrayList<>()).add(spec.name());
        }
        assertEquals(Map.of(), byRoute.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertEquals(CommandSpecs.endpoints().size(), byRoute.size());
    }

    @Test
    void onlyTheClosedListOfUnsignedCommandsHasNoEndpoint() {
        assertEquals(Set.of("Genesis", "Tick", "Checkpoint"), CommandSpecs.all().stream()
                .filter(spec -> spec.endpoint().isEmpty()).map(CommandSpec::name).collect(Collectors.toSet()));
    }

    @Test
    void everyConcretePathResolvesToItsOwnSpecification() {
        for (CommandSpec spec : CommandSpecs.endpoints()) {
            Endpoint endpoint = spec.endpoint().orElseThrow();
            Object[] values = endpoint.parameters().stream().map(p -> p.numeric() ? (Object) 7L : "F-1").toArray();
            String path = endpoint.expand(values);
            assertEquals(Optional.of(spec), CommandSpecs.forRequest(endpoint.method(), path), path);
            assertEquals(Optional.empty(), CommandSpecs.forRequest("GET", path), path);
        }
    }

    @Test
    void pathParametersBindTheComponentOfTheirNameAsNumberOrText() {
        for (CommandSpec spec : CommandSpecs.endpoints()) {
            for (PathParameter parameter : spec.endpoint().orElseThrow().parameters()) {
                Class<?> component = Arrays.stream(spec.type().getRecordComponents())
                        .filter(c -> c.getName().equals(parameter.component())).findFirst().orElseThrow().getType();
                assertEquals(component == long.class ? long.class : String.class, component, spec.name());
                assertEquals(component == long.class, parameter.numeric(), spec.name());
                assertTrue(spec.endpoint().orElseThrow().body().field(parameter.component()).isEmpty(), spec.name());
            }
        }
        assertEquals(List.of(new PathParameter("keyId", "keyId", false)),
                CommandSpecs.endpoint(RevokeKey.class).parameters());
        assertEquals(List.of(new PathParameter("listingId", "listingId", true)),
                CommandSpecs.endpoint(PlaceBid.class).parameters());
    }

    @Test
    void keyChangesAndMakerCheckerAreTheDocumentedCommands() {
        Map<String, Set<String>> marked = new TreeMap<>();
        for (CommandSpec spec : CommandSpecs.all()) {
            if (spec.keyChanging()) {
                marked.computeIfAbsent("keys", k -> new TreeSet<>()).add(spec.name());
            }
            if (spec.makerChecker() != MakerChecker.NONE) {
                marked.computeIfAbsent(spec.makerChecker().name(), k -> new TreeSet<>()).add(spec.name());
            }
        }
        assertEquals(Map.of("keys", Set.of("ApproveProposal", "Genesis", "RevokeKey", "RotateKey"),
                "MAKER", Set.of("Propose"), "CHECKER", Set.of("ApproveProposal")), marked);
        assertEquals(Set.of(Role.STAFF), CommandSpecs.endpoint(ApproveProposal.class).roles());
    }

    @Test
    void rolesOfEveryEndpoint() {
        Map<String, List<String>> byRoles = new TreeMap<>();
        for (CommandSpec spec : CommandSpecs.endpoints()) {
            byRoles.computeIfAbsent(spec.endpoint().orElseThrow().roles().toString(),
                    roles -> new ArrayList<>()).add(spec.name());
        }
        // The registration change (rules version 8): the fund's manager, or staff for a fund without one.
        assertEquals(List.of("ConfirmRegistration", "RefuseRegistration"), byRoles.remove("[STAFF, MANAGER]"));
        assertEquals(Map.of(
                "[HOLDER, INVESTOR, STAFF, REGULATOR, MANAGER, BANK]", List.of("RotateKey", "RevokeKey"),
                "[HOLDER, INVESTOR, STAFF, REGULATOR, MANAGER]", List.of("OpenDocument"),
                "[BANK]", List.of("RecordCashReceipt", "RecordUnidentifiedReceipt", "RecordPayoutExecuted",
                        "RecordPayoutReturned", "RecordBankStatement"),
                "[HOLDER, INVESTOR, MANAGER]", List.of("AnswerTransferNotice", "WithdrawCash"),
                "[HOLDER, MANAGER]", List.of("SubmitCustody"),
                "[MANAGER]", List.of("RegisterFundDocument", "SetMarketDataConsent"),
                "[HOLDER]", List.of("ListNegotiated", "WithdrawListing", "ListAuction", "PostOffer", "WithdrawOffer",
                        "ConfirmHolding", "RegisterAppraisal", "RegisterDocument", "DirectDisclosure"),
                "[INVESTOR]", List.of("AcceptListing", "DeclineListing", "PlaceBid", "PlaceSealedBid", "AmendSealedBid",
                        "CancelBid", "SubmitQuote", "PostIntent", "AmendIntent", "CancelIntent", "AcceptNda", "FundTrade"),
                "[HOLDER, INVESTOR]", List.of("PlaceOrder", "CancelOrder", "AmendOrder", "CounterQuote", "AcceptQuote",
                        "DeclineQuote", "AcceptMatch", "DeclineMatch"),
                "[STAFF]", List.of("RegisterParticipant", "Propose", "ApproveProposal", "RegisterFund", "UpdateNav",
                        "SetHolidays", "DepositUnits", "ApproveListing", "ConfirmSettlement", "ClearRofr", "OpenBook",
                        "HaltBook", "SettleBookBatch", "BrokerMatch", "ApproveCustody", "RejectCustody",
                        "RegisterPledge", "ReleasePledge")), byRoles);
    }

    @Test
    void bodySchemaComesFromTheRecordWithThePathFieldsLeftOut() {
        assertEquals(new BodySchema("PlaceSealedBid", List.of(
                        new BodyField("price", new FieldKind.Decimal(4), true, true),
                        new BodyField("nonce", new FieldKind.Text(Optional.of("^[0-9a-f]{64}$")), true, true))),
                CommandSpecs.endpoint(PlaceSealedBid.class).body());
        assertEquals(new BodySchema("UpdateNav", List.of(
                        new BodyField("nav", new FieldKind.Decimal(4), true, true),
                        new BodyField("navDate", new FieldKind.Text(Optional.empty()), true, true))),
                CommandSpecs.endpoint(UpdateNav.class).body());
        BodySchema amend = CommandSpecs.endpoint(AmendIntent.class).body();
        assertEquals(List.of("fundCodes", "criteria", "minAmount", "maxAmount", "maxPercentOfNavBasisPoints", "expiresAt"),
                amend.fields().stream().map(BodyField::name).toList());
        assertEquals(new BodyField("expiresAt", new FieldKind.Whole(false), false, false), amend.field("expiresAt").orElseThrow());
        assertEquals(new FieldKind.ListOf(new FieldKind.Text(Optional.empty())), amend.field("fundCodes").orElseThrow().kind());
    }

    @Test
    void aProposalsActionIsOneOfTheSensitiveActions() {
        FieldKind action = CommandSpecs.endpoint(Propose.class).body().field("action").orElseThrow().kind();
        List<String> variants = ((FieldKind.OneOf) action).variants().stream().map(BodySchema::name).toList();
        assertEquals(Arrays.stream(SensitiveAction.class.getPermittedSubclasses()).map(Class::getSimpleName).toList(),
                variants);
    }

    @Test
    void everyOptionalFieldAndPatternNamesAFieldOfABody() {
        Map<String, Set<String>> fields = new HashMap<>();
        CommandSpecs.endpoints().forEach(spec -> collect(spec.endpoint().orElseThrow().body(), fields));
        FieldGrammar.optionalFields().forEach((record, optional) -> {
            assertTrue(fields.containsKey(record), record);
            assertTrue(fields.get(record).containsAll(optional), record + " " + optional);
        });
        FieldGrammar.patterns().keySet().forEach(field -> {
            String[] parts = field.split("\\.");
            assertTrue(fields.getOrDefault(parts[0], Set.of()).contains(parts[1]), field);
        });
    }

    @Test
    void expandWritesNumbersAndEncodesText() {
        assertEquals("/listings/42/bids", CommandSpecs.endpoint(PlaceBid.class).expand(42L));
        assertEquals("/keys/k%201%2F%E9%94%AE/revoke", CommandSpecs.endpoint(RevokeKey.class).expand("k 1/键"));
    }

    private static void collect(BodySchema schema, Map<String, Set<String>> fields) {
        Set<String> names = fields.computeIfAbsent(schema.name(), name -> new TreeSet<>());
        for (BodyField field : schema.fields()) {
            names.add(field.name());
            collect(field.kind(), fields);
        }
    }

    private static void collect(FieldKind kind, Map<String, Set<String>> fields) {
        switch (kind) {
            case FieldKind.ListOf list -> collect(list.element(), fields);
            case FieldKind.ObjectOf object -> collect(object.schema(), fields);
            case FieldKind.OneOf oneOf -> oneOf.variants().forEach(variant -> collect(variant, fields));
            case FieldKind.Text text -> { }
            case FieldKind.Choice choice -> { }
            case FieldKind.Whole whole -> { }
            case FieldKind.Flag flag -> { }
            case FieldKind.Decimal decimal -> { }
        }
    }
}
