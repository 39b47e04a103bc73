package fundexchange.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.command.Command;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a signed write request becomes its command: the endpoint's path template, the command type, and the path
 * parameters copied into the command (as numbers when {@code numeric}). The gateway parses requests with it, and an
 * auditor re-derives each journaled command from its signed request with it, so the two cannot drift apart.
 */
public record RequestRoute(String path, String commandType, List<String> pathParameters, boolean numeric) {
    /** Every write endpoint (docs/api.md). */
    public static final List<RequestRoute> ALL = List.of(
            of("/participants", "RegisterParticipant"),
            of("/proposals", "Propose"),
            withId("/proposals/{proposalId}/approve", "ApproveProposal", "proposalId", true),
            of("/keys", "RotateKey"),
            withId("/keys/{keyId}/revoke", "RevokeKey", "keyId", false),
            of("/funds", "RegisterFund"),
            withId("/funds/{fundCode}/nav", "UpdateNav", "fundCode", false),
            of("/calendar/holidays", "SetHolidays"),
            of("/deposits", "DepositUnits"),
            of("/listings", "ListNegotiated"),
            withId("/listings/{listingId}/approve", "ApproveListing", "listingId", true),
            withId("/listings/{listingId}/accept", "AcceptListing", "listingId", true),
            withId("/listings/{listingId}/decline", "DeclineListing", "listingId", true),
            withId("/listings/{listingId}/withdraw", "WithdrawListing", "listingId", true),
            withId("/trades/{tradeId}/settle", "ConfirmSettlement", "tradeId", true),
            of("/auctions", "ListAuction"),
            withId("/listings/{listingId}/rofr", "ClearRofr", "listingId", true),
            withId("/listings/{listingId}/bids", "PlaceBid", "listingId", true),
            withId("/listings/{listingId}/sealed-bids", "PlaceSealedBid", "listingId", true),
            withId("/bids/{bidId}/amend", "AmendSealedBid", "bidId", true),
            withId("/bids/{bidId}/cancel", "CancelBid", "bidId", true),
            withId("/books/{fundCode}/open", "OpenBook", "fundCode", false),
            withId("/books/{fundCode}/halt", "HaltBook", "fundCode", false),
            withId("/books/{fundCode}/settle-batch", "SettleBookBatch", "fundCode", false),
            of("/orders", "PlaceOrder"),
            withId("/orders/{orderId}/cancel", "CancelOrder", "orderId", true),
            withId("/orders/{orderId}/amend", "AmendOrder", "orderId", true),
            of("/offers", "PostOffer"),
            withId("/offers/{offerId}/withdraw", "WithdrawOffer", "offerId", true),
            withId("/offers/{offerId}/quotes", "SubmitQuote", "offerId", true),
            withId("/quotes/{quoteId}/counter", "CounterQuote", "quoteId", true),
            withId("/quotes/{quoteId}/accept", "AcceptQuote", "quoteId", true),
            withId("/quotes/{quoteId}/decline", "DeclineQuote", "quoteId", true),
            of("/intents", "PostIntent"),
            withId("/intents/{intentId}/amend", "AmendIntent", "intentId", true),
            withId("/intents/{intentId}/cancel", "CancelIntent", "intentId", true),
            withId("/matches/{matchId}/broker", "BrokerMatch", "matchId", true),
            withId("/matches/{matchId}/accept", "AcceptMatch", "matchId", true),
            withId("/matches/{matchId}/decline", "DeclineMatch", "matchId", true),
            of("/custody", "SubmitCustody"),
            withId("/custody/{custodyId}/approve", "ApproveCustody", "custodyId", true),
            withId("/custody/{custodyId}/reject", "RejectCustody", "custodyId", true),
            withId("/custody/{custodyId}/confirm", "ConfirmHolding", "custodyId", true),
            of("/pledges", "RegisterPledge"),
            withId("/pledges/{pledgeId}/release", "ReleasePledge", "pledgeId", true));

    private static RequestRoute of(String path, String commandType) {
        return new RequestRoute(path, commandType, List.of(), false);
    }

    private static RequestRoute withId(String path, String commandType, String parameter, boolean numeric) {
        return new RequestRoute(path, commandType, List.of(parameter), numeric);
    }

    /** The route a concrete path belongs to, if any. */
    public static Optional<RequestRoute> forPath(String concretePath) {
        return ALL.stream().filter(route -> route.parameters(concretePath).isPresent()).findFirst();
    }

    /** The command a signed request stands for: its body, typed by its endpoint, with the path parameters. */
    public static Command commandOf(SignedRequest request) throws IOException {
        if (!"POST".equals(request.method())) {
            throw new IllegalArgumentException("only POST requests carry commands");
        }
        RequestRoute route = forPath(request.path())
                .orElseThrow(() -> new IllegalArgumentException("no write endpoint at " + request.path()));
        return route.command(request.path(), request.body().getBytes(StandardCharsets.UTF_8));
    }

    /** The path parameters of a concrete path if it matches this template. */
    public Optional<Map<String, String>> parameters(String concretePath) {
        String[] template = path.split("/", -1);
        String[] actual = concretePath.split("/", -1);
        if (template.length != actual.length) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{") && template[i].endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return Optional.empty();
                }
                values.put(template[i].substring(1, template[i].length() - 1), actual[i]);
            } else if (!template[i].equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    /**
     * Parses a body strictly (unknown fields are errors) into this route's command, with the path parameters of
     * {@code concretePath}. Throws IllegalArgumentException or a Jackson exception naming the problem.
     */
    public Command command(String concretePath, byte[] body) throws IOException {
        return command(concretePath, body, JournalCodec.strict());
    }

    /** As {@link #command(String, byte[])}, reading with {@code mapper} (the gateway's stricter one). */
    public Command command(String concretePath, byte[] body, com.fasterxml.jackson.databind.ObjectMapper mapper)
            throws IOException {
        JsonNode node = body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("body must be a JSON object");
        }
        return command(concretePath, object, mapper);
    }

    /**
     * As {@link #command(String, byte[], com.fasterxml.jackson.databind.ObjectMapper)}, from a body already parsed
     * (the gateway parses it once to check its rules); {@code object} receives the type and the path's fields.
     */
    public Command command(String concretePath, ObjectNode object, com.fasterxml.jackson.databind.ObjectMapper mapper)
            throws IOException {
        Map<String, String> values = parameters(concretePath)
                .orElseThrow(() -> new IllegalArgumentException(concretePath + " is not " + path));
        if (object.has("type")) {
            throw new IllegalArgumentException("field 'type' is set by the endpoint");
        }
        object.put("type", commandType);
        for (String parameter : pathParameters) {
            String value = values.get(parameter);
            if (numeric) {
                try {
                    object.put(parameter, Long.parseLong(value));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(parameter + " must be a number");
                }
            } else {
                object.put(parameter, value);
            }
        }
        return mapper.treeToValue(object, Command.class);
    }
}
