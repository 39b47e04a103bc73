package fundexchange.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.command.AmendSealedBid;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.spec.CommandSpecs;
import fundexchange.protocol.command.spec.Endpoint;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A command record that is, or may be, a sealed bid (CONTRACTS.md 12), known by every part of the record that can
 * say so, so that damage to one part never passes a sealed bid off as another command: a binary type id changed into
 * that of a command whose layout the bid's fields happen to fit ({@code PostOffer}, {@code RegisterAppraisal}, and for
 * a bid without a nonce several more; the strict decoder reads it as that command), or a JSON type name changed. A
 * record is one when any of these holds:
 * <ul>
 *   <li>its decoded command is a {@code PlaceSealedBid} or {@code AmendSealedBid};</li>
 *   <li>its command as written carries a {@code nonce} (JSON; the strict binary decoder refuses a field its type
 *       lacks);</li>
 *   <li>its signed request went to a sealed bid's endpoint ({@link CommandSpecs}); or</li>
 *   <li>its signed body carries a {@code nonce}, or names one and does not parse (the gateway refuses unknown fields,
 *       so no other command's body has one).</li>
 * </ul>
 * Its {@link #readings} are the sealed bids it stands for: its decoded command when that is one, and the command its
 * signed request stands for ({@link RequestRoute}) when that is one and differs; none when neither part reads as a
 * sealed bid, and then its readers withhold it for good. Journal exports, {@code journal dump} and the audit index
 * ask this one class.
 */
public record SealedBidRecord(List<Command> readings) {
    private static final List<Endpoint> ENDPOINTS = List.of(CommandSpecs.endpoint(PlaceSealedBid.class),
            CommandSpecs.endpoint(AmendSealedBid.class));
    private static final String NONCE = "nonce";

    public SealedBidRecord {
        readings = List.copyOf(readings);
    }

    /** Whether {@code command} is a sealed bid. */
    public static boolean sealedBid(Command command) {
        return command instanceof PlaceSealedBid || command instanceof AmendSealedBid;
    }

    /**
     * The sealed bid the command record {@code document} (either encoding) is, if it is one; the record is decoded as
     * the engine reads it, so one that does not decode fails ({@link java.io.UncheckedIOException} "corrupt ...").
     */
    public static Optional<SealedBidRecord> of(byte[] document) {
        CommandRecord record = JournalCodec.readCommand(document);
        return of(record, JournalDocuments.isBinary(document) ? MissingNode.getInstance() : JournalDocuments.tree(document));
    }

    /**
     * The sealed bid {@code record} is, if it is one; {@code written} is the record's JSON as written, or the rendering
     * of a binary one.
     */
    public static Optional<SealedBidRecord> of(CommandRecord record, JsonNode written) {
        Command decoded = record.command();
        SignedRequest request = record.request();
        boolean signedAsSealedBid = request != null && toSealedBidEndpoint(request);
        if (!sealedBid(decoded) && !written.path("command").has(NONCE) && !signedAsSealedBid
                && !(request != null && bodyCarriesNonce(request.body()))) {
            return Optional.empty();
        }
        List<Command> readings = new ArrayList<>(2);
        if (sealedBid(decoded)) {
            readings.add(decoded);
        }
        if (signedAsSealedBid) {
            signedCommand(request).filter(signed -> sealedBid(signed) && !signed.equals(decoded)).ifPresent(readings::add);
        }
        return Optional.of(new SealedBidRecord(readings));
    }

    private static boolean toSealedBidEndpoint(SignedRequest request) {
        return request.method() != null && request.path() != null && ENDPOINTS.stream().anyMatch(endpoint ->
                endpoint.method().equals(request.method()) && endpoint.match(request.path()).isPresent());
    }

    /**
     * Whether a body names a nonce: as a member at any depth, or anywhere in one that does not parse as one JSON value
     * (read as the gateway reads bodies, trailing tokens refused).
     */
    private static boolean bodyCarriesNonce(String body) {
        if (body == null || !body.contains(NONCE)) {
            return false;
        }
        try {
            return JournalCodec.strict().readTree(body).findValue(NONCE) != null;
        } catch (IOException e) {
            return true;
        }
    }

    /** The command the signed request stands for, if its method, path and body still make one. */
    private static Optional<Command> signedCommand(SignedRequest request) {
        try {
            return Optional.ofNullable(RequestRoute.commandOf(request));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
