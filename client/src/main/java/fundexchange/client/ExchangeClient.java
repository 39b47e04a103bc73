package fundexchange.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.AcceptMatch;
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
import fundexchange.protocol.command.ClearRofr;
import fundexchange.protocol.command.AnswerTransferNotice;
import fundexchange.protocol.command.ConfirmHolding;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.CounterQuote;
import fundexchange.protocol.command.DeclineListing;
import fundexchange.protocol.command.DeclineMatch;
import fundexchange.protocol.command.DeclineQuote;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.HaltBook;
import fundexchange.protocol.command.AcceptNda;
import fundexchange.protocol.command.DirectDisclosure;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.OpenDocument;
import fundexchange.protocol.command.RegisterDocument;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.OpenBook;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.PostIntent;
import fundexchange.protocol.command.PostOffer;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.SetMarketDataConsent;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.RegisterAppraisal;
import fundexchange.protocol.command.RegisterPledge;
import fundexchange.protocol.command.RejectCustody;
import fundexchange.protocol.command.ReleasePledge;
import fundexchange.protocol.command.RevokeKey;
import fundexchange.protocol.command.RotateKey;
import fundexchange.protocol.command.SetHolidays;
import fundexchange.protocol.command.SettleBookBatch;
import fundexchange.protocol.command.SubmitCustody;
import fundexchange.protocol.command.SubmitQuote;
import fundexchange.protocol.command.UpdateNav;
import fundexchange.protocol.command.WithdrawListing;
import fundexchange.protocol.command.WithdrawOffer;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.spec.CommandSpecs;
import fundexchange.protocol.command.spec.Endpoint;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.signing.CanonicalRequest;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.PlatformId;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.signing.Signatures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends requests to the exchange, each signed as {@code docs/api-signing.md} describes (FXS2, bound to the exchange's
 * platform id). Thread-safe.
 *
 * <p>The platform id is learnt from the unsigned {@code GET /exchange} before the first signed request, unless the
 * client is {@linkplain #pinnedTo pinned} to one. A request the gateway refuses with code 150 (signed before the
 * gateway started: the client's clock is a little behind, or the gateway has just restarted) is signed again once,
 * with a fresh timestamp and the same {@code X-Client-Request-Id}, and sent again.
 */
public final class ExchangeClient {

    /** The gateway's code for a request signed before it started (docs/api.md): sign again and resend. */
    public static final int SIGNED_BEFORE_START = 150;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] EMPTY = new byte[0];
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUri;
    private final String participant;
    private final String keyId;
    private final SignatureAlgorithm algorithm;
    private final PrivateKey privateKey;
    private final Clock clock;
    private volatile String platformId;
    /** The minIndex every read carries; negative: none. */
    private final long minIndex;

    /** A client with its own default {@link HttpClient}. */
    public ExchangeClient(URI baseUri, String participant, String keyId, SignatureAlgorithm algorithm,
            PrivateKey privateKey, Clock clock) {
        this(HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), baseUri, participant, keyId, algorithm,
                privateKey, clock);
    }

    /**
     * A client over {@code http}.
     *
     * @param baseUri scheme, authority and optional path prefix, e.g. {@code http://localhost:8080}
     * @throws IllegalArgumentException if {@code privateKey} is not a key of {@code algorithm}
     */
    public ExchangeClient(HttpClient http, URI baseUri, String participant, String keyId,
            SignatureAlgorithm algorithm, PrivateKey privateKey, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri").toString().replaceAll("/+$", "");
        this.participant = Objects.requireNonNull(participant, "participant");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.minIndex = -1;
        if (KeyMaterial.algorithmOf(privateKey) != algorithm) {
            throw new IllegalArgumentException("private key is not a " + algorithm.wireName() + " key");
        }
    }

    /**
     * This client, signing for {@code platformId} without asking the exchange (for instance the id an operator
     * printed at {@code exchange init}); a gateway of another platform refuses its requests.
     *
     * @throws IllegalArgumentException if {@code platformId} breaks the grammar of {@link PlatformId}
     */
    public ExchangeClient pinnedTo(String platformId) {
        ExchangeClient pinned = new ExchangeClient(this, minIndex);
        pinned.platformId = PlatformId.requireValid(platformId);
        return pinned;
    }

    /** The platform id this client signs for: pinned, or learnt once from {@code GET /exchange}. */
    public String platformId() throws IOException, InterruptedException {
        String known = platformId;
        if (known != null) {
            return known;
        }
        ClientResponse response = exchange();
        String learnt;
        try {
            learnt = PlatformId.requireValid(JSON.readTree(response.body()).path("platformId").asText(null));
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("cannot learn the platform id: GET /exchange answered " + response.status() + " "
                    + response.body(), e);
        }
        platformId = learnt;
        return learnt;
    }

    /**
     * {@code GET /exchange} (unsigned): the platform id that every signature is bound to, the signing scheme, and the
     * exchange's public keys with their history.
     */
    public ClientResponse exchange() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + "/exchange")).timeout(TIMEOUT).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new ClientResponse(response.statusCode(), response.body());
    }

    private ExchangeClient(ExchangeClient client, long minIndex) {
        this.http = client.http;
        this.baseUri = client.baseUri;
        this.participant = client.participant;
        this.keyId = client.keyId;
        this.algorithm = client.algorithm;
        this.privateKey = client.privateKey;
        this.clock = client.clock;
        this.platformId = client.platformId;
        this.minIndex = minIndex;
    }

    /**
     * This client, with every read ({@code GET}) carrying {@code minIndex}: the exchange answers it only once the
     * projection it reads from has applied that journal index (read your writes: pass a write's
     * {@link ClientResponse#journalIndex()}), or 503 with code 114 if it has not within its wait. Writes are unchanged.
     * The parameter is part of the signed query.
     *
     * @throws IllegalArgumentException if {@code minIndex} is negative
     */
    public ExchangeClient withMinIndex(long minIndex) {
        if (minIndex < 0) {
            throw new IllegalArgumentException("minIndex must not be negative: " + minIndex);
        }
        return new ExchangeClient(this, minIndex);
    }

    /** POSTs a JSON body; {@code clientRequestId} is the idempotency key. */
    public ClientResponse post(String path, String jsonBody, String clientRequestId)
            throws IOException, InterruptedException {
        return send("POST", path, jsonBody.getBytes(StandardCharsets.UTF_8), clientRequestId);
    }

    /**
     * POSTs (or whatever its specification says) a command of {@code type} to its endpoint in {@code CommandSpecs},
     * with {@code pathParameters} in path order: numbers as decimals, text percent-encoded as one segment.
     */
    private ClientResponse command(Class<? extends Command> type, String jsonBody, String clientRequestId,
                                   Object... pathParameters) throws IOException, InterruptedException {
        Endpoint endpoint = CommandSpecs.endpoint(type);
        return send(endpoint.method(), endpoint.expand(pathParameters), jsonBody.getBytes(StandardCharsets.UTF_8),
                clientRequestId);
    }

    /** GETs with an empty body and a fresh random UUID as the nonce. */
    public ClientResponse get(String pathAndQuery) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, EMPTY, UUID.randomUUID().toString());
    }

    /** {@code POST /auctions}: a holder auctions a lot (ListAuction). */
    public ClientResponse listAuction(AuctionListing auction, String clientRequestId)
            throws IOException, InterruptedException {
        return command(ListAuction.class, auction.json(), clientRequestId);
    }

    /** {@code POST /listings/{listingId}/bids}: an open bid on an English auction, per unit, binding once placed. */
    public ClientResponse placeBid(long listingId, String price, String clientRequestId)
            throws IOException, InterruptedException {
        return command(PlaceBid.class, priced(price), clientRequestId, listingId);
    }

    /**
     * {@code POST /listings/{listingId}/bids} at {@code price} per unit with the listing's mechanism's own bid terms, a
     * record of the protocol's ({@code ClockTerms.ClockBid}, say), sent as the body's {@code terms} with its
     * {@code type}; the exchange refuses terms the mechanism does not claim (409, code 2001).
     */
    public ClientResponse placeBid(long listingId, String price, ListingMechanism.BidTerms terms, String clientRequestId)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("price", Objects.requireNonNull(price, "price"));
        body.set("terms", TypedJson.of(PlaceBid.class, "terms", Objects.requireNonNull(terms, "terms")));
        return command(PlaceBid.class, body.toString(), clientRequestId, listingId);
    }

    /**
     * {@code POST /listings/{listingId}/bids} for {@code units}, on an auction that sells part of its lot per
     * acceptance: buys them at once at its price then, which must not exceed {@code maxPrice} (else 409 4030).
     */
    public ClientResponse placeUnitsBid(long listingId, String maxPrice, String units, String clientRequestId)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("price", Objects.requireNonNull(maxPrice, "maxPrice"));
        body.put("units", Objects.requireNonNull(units, "units"));
        return command(PlaceBid.class, body.toString(), clientRequestId, listingId);
    }

    /** A Dutch acceptance: {@link #placeUnitsBid}, its name before other auctions could sell part of a lot. */
    @Deprecated
    public ClientResponse acceptDutch(long listingId, String maxPrice, String units, String clientRequestId)
            throws IOException, InterruptedException {
        return placeUnitsBid(listingId, maxPrice, units, clientRequestId);
    }

    /**
     * {@code POST /listings/{listingId}/sealed-bids}: a sealed bid, per unit, under a fresh random nonce; nobody sees
     * its price before the close.
     */
    public ClientResponse placeSealedBid(long listingId, String price, String clientRequestId)
            throws IOException, InterruptedException {
        return placeSealedBid(listingId, SealedBidBody.random(price), clientRequestId);
    }

    /** {@code POST /listings/{listingId}/sealed-bids} with a body (and nonce) of the caller's. */
    public ClientResponse placeSealedBid(long listingId, SealedBidBody bid, String clientRequestId)
            throws IOException, InterruptedException {
        return command(PlaceSealedBid.class, bid.json(), clientRequestId, listingId);
    }

    /** {@code POST /bids/{bidId}/amend}: replaces the caller's sealed bid with a new price under a fresh random nonce. */
    public ClientResponse amendSealedBid(long bidId, String price, String clientRequestId)
            throws IOException, InterruptedException {
        return amendSealedBid(bidId, SealedBidBody.random(price), clientRequestId);
    }

    /** {@code POST /bids/{bidId}/amend} with a body (and nonce) of the caller's. */
    public ClientResponse amendSealedBid(long bidId, SealedBidBody bid, String clientRequestId)
            throws IOException, InterruptedException {
        return command(AmendSealedBid.class, bid.json(), clientRequestId, bidId);
    }

    /** {@code POST /bids/{bidId}/cancel}: withdraws the caller's sealed bid before the close. */
    public ClientResponse cancelBid(long bidId, String clientRequestId) throws IOException, InterruptedException {
        return command(CancelBid.class, "{}", clientRequestId, bidId);
    }

    /**
     * {@code POST /listings/{listingId}/rofr} (staff): the right of first refusal WAIVED by {@code waivedBy}, or
     * EXERCISED by {@code exercisedBy}.
     */
    public ClientResponse clearRofr(long listingId, String decision, List<String> waivedBy,
                                    Optional<String> exercisedBy, String clientRequestId)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("decision", decision);
        waivedBy.forEach(body.putArray("waivedBy")::add);
        exercisedBy.ifPresent(holder -> body.put("exercisedBy", holder));
        return command(ClearRofr.class, body.toString(), clientRequestId, listingId);
    }

    /**
     * {@code POST /listings/{listingId}/notice/answers} (the fund's manager or a holder of the priority right): answers
     * the listing's transfer notice. {@code answer} is CONSENT, REFUSE, WAIVE, EXERCISE (with {@code units}, a decimal
     * string) or ATTEST_WAIVERS (with {@code evidenceDigest}, SHA-256 hex).
     */
    public ClientResponse answerTransferNotice(long listingId, String answer, Optional<String> units,
                                               Optional<String> evidenceDigest, String clientRequestId)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("answer", answer);
        units.ifPresent(u -> body.put("units", u));
        evidenceDigest.ifPresent(d -> body.put("evidenceDigest", d));
        return command(AnswerTransferNotice.class, body.toString(), clientRequestId, listingId);
    }

    /** {@code GET /listings}, with an optional raw query such as {@code status=OPEN&mechanism=SEALED} (may be empty). */
    public ClientResponse listings(String rawQuery) throws IOException, InterruptedException {
        return get(rawQuery.isEmpty() ? "/listings" : "/listings?" + rawQuery);
    }

    /** {@code GET /listings/{listingId}}. */
    public ClientResponse listing(long listingId) throws IOException, InterruptedException {
        return get("/listings/" + listingId);
    }

    /** {@code GET /listings/{listingId}/bids}. */
    public ClientResponse bids(long listingId) throws IOException, InterruptedException {
        return get("/listings/" + listingId + "/bids");
    }

    // Identity, maker-checker and keys.

    /** {@code POST /participants} (staff): registers a participant, PENDING until a proposal approves it. */
    public ClientResponse registerParticipant(String participantId, String name, String participantType,
                                              List<String> roles, String clientRequestId)
            throws IOException, InterruptedException {
        return command(RegisterParticipant.class, JsonBody.of("participantId", participantId, "name", name,
                "participantType", participantType, "roles", roles), clientRequestId);
    }

    /** {@code POST /proposals} (staff, maker): proposes a sensitive action, given as its JSON with its {@code type}. */
    public ClientResponse propose(String actionJson, String clientRequestId) throws IOException, InterruptedException {
        return command(Propose.class, JsonBody.of("action", JsonBody.raw(actionJson)), clientRequestId);
    }

    /** {@code POST /proposals/{proposalId}/approve} (another staff member, checker): the action takes effect. */
    public ClientResponse approveProposal(long proposalId, String clientRequestId) throws IOException, InterruptedException {
        return command(ApproveProposal.class, "{}", clientRequestId, proposalId);
    }

    /** {@code POST /keys}: the caller rotates to a new key (base64 SPKI), signing with its current one. */
    public ClientResponse rotateKey(String newKeyId, SignatureAlgorithm newAlgorithm, String publicKeyBase64,
                                    String clientRequestId) throws IOException, InterruptedException {
        return command(RotateKey.class, JsonBody.of("newKeyId", newKeyId, "algorithm", newAlgorithm.wireName(),
                "publicKey", publicKeyBase64), clientRequestId);
    }

    /** {@code POST /keys/{keyId}/revoke} (its owner or staff): revoked at once. */
    public ClientResponse revokeKey(String keyId, String clientRequestId) throws IOException, InterruptedException {
        return command(RevokeKey.class, "{}", clientRequestId, keyId);
    }

    // Reference data (staff).

    /** {@code POST /funds} (staff): registers a fund, its terms given as the JSON of {@code RegisterFund}. */
    public ClientResponse registerFund(String fundJson, String clientRequestId) throws IOException, InterruptedException {
        return command(RegisterFund.class, fundJson, clientRequestId);
    }

    /** {@code POST /funds/{fundCode}/nav} (staff): a new NAV per unit and its date (ISO). */
    public ClientResponse updateNav(String fundCode, String nav, String navDate, String clientRequestId)
            throws IOException, InterruptedException {
        return command(UpdateNav.class, JsonBody.of("nav", nav, "navDate", navDate), clientRequestId, fundCode);
    }

    /**
     * {@code POST /calendar/holidays} (staff): a year's holidays (ISO dates); from rules version 7 refused (409 1044),
     * see {@link #proposeCalendar}.
     */
    public ClientResponse setHolidays(int year, List<String> holidays, String clientRequestId)
            throws IOException, InterruptedException {
        return command(SetHolidays.class, JsonBody.of("year", year, "holidays", holidays), clientRequestId);
    }

    /**
     * {@code POST /calendar/holidays} (staff): a year's official calendar, its holidays and its make-up working days
     * (调休: Saturdays or Sundays that are working days), ISO dates; it replaces the year's calendar. From rules version
     * 7 refused (409 1044): one staff member proposes the calendar ({@link #proposeCalendar}), another approves it.
     */
    public ClientResponse setHolidays(int year, List<String> holidays, List<String> workdays, String clientRequestId)
            throws IOException, InterruptedException {
        return command(SetHolidays.class, JsonBody.of("year", year, "holidays", holidays, "workdays", workdays),
                clientRequestId);
    }

    /**
     * {@code POST /proposals} (staff, maker; rules version 7): proposes a year's official calendar ({@code
     * SetOfficialCalendar}, {@link #setHolidays(int, List, List, String)}'s fields); it replaces the year's calendar when
     * another staff member approves it ({@link #approveProposal}).
     */
    public ClientResponse proposeCalendar(int year, List<String> holidays, List<String> workdays, String clientRequestId)
            throws IOException, InterruptedException {
        return command(Propose.class, JsonBody.of("action", JsonBody.raw(JsonBody.of("type", "SetOfficialCalendar",
                "year", year, "holidays", holidays, "workdays", workdays))), clientRequestId);
    }

    /** {@code GET /calendar?year=} (every approved role): the year's holidays and make-up working days. */
    public ClientResponse calendar(int year) throws IOException, InterruptedException {
        return get("/calendar?year=" + year);
    }

    /** {@code POST /deposits} (staff): deposits units directly, with their cost. */
    public ClientResponse depositUnits(String fundCode, String holder, String units, String cost, String clientRequestId)
            throws IOException, InterruptedException {
        return command(DepositUnits.class, JsonBody.of("fundCode", fundCode, "holder", holder, "units", units, "cost", cost),
                clientRequestId);
    }

    // Custody, pledges and freezes.

    /** {@code POST /custody} (holder): a custody registration, given as the JSON of {@code SubmitCustody}. */
    public ClientResponse submitCustody(String custodyJson, String clientRequestId) throws IOException, InterruptedException {
        return command(SubmitCustody.class, custodyJson, clientRequestId);
    }

    /** {@code POST /custody/{custodyId}/approve} (staff). */
    public ClientResponse approveCustody(long custodyId, String clientRequestId) throws IOException, InterruptedException {
        return command(ApproveCustody.class, "{}", clientRequestId, custodyId);
    }

    /** {@code POST /custody/{custodyId}/reject} (staff), with the reason. */
    public ClientResponse rejectCustody(long custodyId, String reason, String clientRequestId)
            throws IOException, InterruptedException {
        return command(RejectCustody.class, JsonBody.of("reason", reason), clientRequestId, custodyId);
    }

    /** {@code POST /custody/{custodyId}/confirm} (a holder on the register): its line becomes available. */
    public ClientResponse confirmHolding(long custodyId, String clientRequestId) throws IOException, InterruptedException {
        return command(ConfirmHolding.class, "{}", clientRequestId, custodyId);
    }

    /** {@code POST /pledges} (staff): pledges available units to a pledgee under a contract's digest. */
    public ClientResponse registerPledge(String fundCode, String holder, String units, String pledgee,
                                         Optional<String> securedAmount, String documentDigest, String clientRequestId)
            throws IOException, InterruptedException {
        return command(RegisterPledge.class, JsonBody.of("fundCode", fundCode, "holder", holder, "units", units, "pledgee", pledgee,
                "securedAmount", securedAmount, "documentDigest", documentDigest), clientRequestId);
    }

    /** {@code POST /pledges/{pledgeId}/release} (staff). */
    public ClientResponse releasePledge(long pledgeId, String clientRequestId) throws IOException, InterruptedException {
        return command(ReleasePledge.class, "{}", clientRequestId, pledgeId);
    }

    // State-owned holders (docs/rules.md, "State-owned holders").

    /** {@code POST /proposals} (staff, maker): flags a holder state-owned ({@code SetStateOwned}). */
    public ClientResponse proposeStateOwned(String participantId, String reason, String clientRequestId)
            throws IOException, InterruptedException {
        return stateOwnedFlag(participantId, true, reason, clientRequestId);
    }

    /** {@code POST /proposals} (staff, maker): clears a holder's state-owned flag ({@code SetStateOwned}). */
    public ClientResponse proposeStateOwnedCleared(String participantId, String reason, String clientRequestId)
            throws IOException, InterruptedException {
        return stateOwnedFlag(participantId, false, reason, clientRequestId);
    }

    private ClientResponse stateOwnedFlag(String participantId, boolean stateOwned, String reason, String clientRequestId)
            throws IOException, InterruptedException {
        return command(Propose.class, JsonBody.of("action", JsonBody.raw(JsonBody.of("type", "SetStateOwned",
                "participantId", participantId, "stateOwned", stateOwned, "reason", reason))), clientRequestId);
    }

    /**
     * {@code POST /proposals} (staff, maker): records the approving body's consent to prices down to
     * {@code minimumPrice} on the holder's current appraisal of the fund ({@code RecordReserveApproval}).
     */
    public ClientResponse proposeReserveApproval(String holder, String fundCode, String minimumPrice, String approvalReference,
                                                 String clientRequestId) throws IOException, InterruptedException {
        return command(Propose.class, JsonBody.of("action", JsonBody.raw(JsonBody.of("type", "RecordReserveApproval",
                "holder", holder, "fundCode", fundCode, "minimumPrice", minimumPrice, "approvalReference", approvalReference))),
                clientRequestId);
    }

    /** {@code POST /appraisals} (a holder flagged state-owned): its appraisal of a fund interest. */
    public ClientResponse registerAppraisal(String fundCode, String value, String units, String filingReference,
                                            String validUntil, String clientRequestId) throws IOException, InterruptedException {
        return command(RegisterAppraisal.class, JsonBody.of("fundCode", fundCode, "value", value, "units", units,
                "filingReference", filingReference, "validUntil", validUntil), clientRequestId);
    }

    // Public market data (issue 23): unsigned reads, and the fund manager's consent.

    /** {@code POST /funds/{fundCode}/market-data-consent}: the fund's manager opts its figures in ({@code true}) or out. */
    public ClientResponse setMarketDataConsent(String fundCode, boolean publish, String clientRequestId)
            throws IOException, InterruptedException {
        return command(SetMarketDataConsent.class, JsonBody.of("publish", publish), clientRequestId, fundCode);
    }

    /**
     * {@code GET /funds/{fundCode}/market-data-consent} (signed; the fund's manager, staff, regulators): the standing
     * choice, {@code {fundCode, publish, setAtIndex}} ({@code setAtIndex} absent while never set).
     */
    public ClientResponse marketDataConsent(String fundCode) throws IOException, InterruptedException {
        return get("/funds/" + segment(fundCode) + "/market-data-consent");
    }

    /** {@code GET /market-data} (unsigned): the published snapshot's summary by strategy and vintage. */
    public ClientResponse marketData() throws IOException, InterruptedException {
        return unsigned("/market-data");
    }

    /** {@code GET /market-data/funds} (unsigned), with an optional raw query such as {@code limit=50&cursor=...}. */
    public ClientResponse marketDataFunds(String rawQuery) throws IOException, InterruptedException {
        return unsigned(rawQuery.isEmpty() ? "/market-data/funds" : "/market-data/funds?" + rawQuery);
    }

    /** {@code GET /market-data/funds/{fundCode}} (unsigned): one published fund's figures. */
    public ClientResponse marketDataFund(String fundCode) throws IOException, InterruptedException {
        return unsigned("/market-data/funds/" + segment(fundCode));
    }

    /** {@code GET /market-data/index} (unsigned), with an optional raw query such as {@code strategy=BUYOUT}. */
    public ClientResponse marketDataIndex(String rawQuery) throws IOException, InterruptedException {
        return unsigned(rawQuery.isEmpty() ? "/market-data/index" : "/market-data/index?" + rawQuery);
    }

    /** An unsigned GET (public reads): no signature headers, no minIndex. */
    private ClientResponse unsigned(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + pathAndQuery)).timeout(TIMEOUT).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new ClientResponse(response.statusCode(), response.body());
    }

    /** {@code GET /state-owned/disclosures}: state-owned holders' public disclosures, a page after {@code after}. */
    public ClientResponse stateOwnedDisclosures(long after, int limit) throws IOException, InterruptedException {
        return get("/state-owned/disclosures?after=" + after + "&limit=" + limit);
    }

    /** {@code GET /state-owned/results}: the published results of their deals, a page after {@code after}. */
    public ClientResponse stateOwnedResults(long after, int limit) throws IOException, InterruptedException {
        return get("/state-owned/results?after=" + after + "&limit=" + limit);
    }

    /** {@code GET /state-owned/holders} (staff, regulators): the participants flagged state-owned. */
    public ClientResponse stateOwnedHolders() throws IOException, InterruptedException {
        return get("/state-owned/holders");
    }

    /** {@code GET /appraisals}: the caller's own appraisals (staff and regulators: everyone's). */
    public ClientResponse appraisals() throws IOException, InterruptedException {
        return get("/appraisals");
    }

    /** {@code GET /cash/accounts}: the caller's cash accounts (staff and regulators: every one), a page after {@code after}. */
    public ClientResponse cashAccounts(long after, int limit) throws IOException, InterruptedException {
        return get("/cash/accounts?after=" + after + "&limit=" + limit);
    }

    /** {@code GET /cash/deposits}: the caller's bid deposits (oversight: every one's), a page after {@code after}. */
    public ClientResponse cashDeposits(long after, int limit) throws IOException, InterruptedException {
        return get("/cash/deposits?after=" + after + "&limit=" + limit);
    }

    /** {@code GET /cash/movements}: movements of the caller's cash accounts (oversight: every one's), a page after {@code after}. */
    public ClientResponse cashMovements(long after, int limit) throws IOException, InterruptedException {
        return get("/cash/movements?after=" + after + "&limit=" + limit);
    }

    /**
     * {@code GET /cash/instructions}: payout instructions, the caller's own (the bank and oversight: every one), in
     * {@code status} (null: any; PENDING: the bank's queue), a page after {@code after}.
     */
    public ClientResponse cashInstructions(String status, long after, int limit) throws IOException, InterruptedException {
        return get("/cash/instructions?" + (status == null ? "" : "status=" + segment(status) + "&") + "after=" + after + "&limit=" + limit);
    }

    /**
     * {@code GET /cash/trades}: trades settled delivery versus payment the caller buys, sells or (as the fund's manager)
     * confirms the registration of (oversight: every one), in {@code status} (null: any; AWAITING_FUNDING: to fund;
     * AWAITING_REGISTRATION: to confirm), a page after {@code after}.
     */
    public ClientResponse cashTrades(String status, long after, int limit) throws IOException, InterruptedException {
        return get("/cash/trades?" + (status == null ? "" : "status=" + segment(status) + "&") + "after=" + after + "&limit=" + limit);
    }

    /** {@code GET /cash/receipts} (the bank, staff, regulators): receipts in {@code status} (null: any; SUSPENSE: unidentified). */
    public ClientResponse cashReceipts(String status, long after, int limit) throws IOException, InterruptedException {
        return get("/cash/receipts?" + (status == null ? "" : "status=" + segment(status) + "&") + "after=" + after + "&limit=" + limit);
    }

    /** {@code GET /cash/statements} (the bank, staff, regulators): statement lines in {@code status} (null: any; MISMATCH: alarms). */
    public ClientResponse cashStatements(String status, long after, int limit) throws IOException, InterruptedException {
        return get("/cash/statements?" + (status == null ? "" : "status=" + segment(status) + "&") + "after=" + after + "&limit=" + limit);
    }

    // Negotiated listings and settlement.

    /** {@code POST /listings} (holder): offers units to a named investor at a price, until {@code expiresAt}. */
    public ClientResponse listNegotiated(String fundCode, String buyer, String units, String price,
                                         Optional<Long> expiresAt, String clientRequestId)
            throws IOException, InterruptedException {
        return command(ListNegotiated.class, JsonBody.of("fundCode", fundCode, "buyer", buyer, "units", units, "price", price,
                "expiresAt", expiresAt), clientRequestId);
    }

    /** {@code POST /listings/{listingId}/approve} (staff): opens a listing. */
    public ClientResponse approveListing(long listingId, String clientRequestId) throws IOException, InterruptedException {
        return command(ApproveListing.class, "{}", clientRequestId, listingId);
    }

    /** {@code POST /listings/{listingId}/accept} (the named investor): the trade. */
    public ClientResponse acceptListing(long listingId, String clientRequestId) throws IOException, InterruptedException {
        return command(AcceptListing.class, "{}", clientRequestId, listingId);
    }

    /** {@code POST /listings/{listingId}/decline} (the named investor). */
    public ClientResponse declineListing(long listingId, String clientRequestId) throws IOException, InterruptedException {
        return command(DeclineListing.class, "{}", clientRequestId, listingId);
    }

    /** {@code POST /listings/{listingId}/withdraw} (the seller). */
    public ClientResponse withdrawListing(long listingId, String clientRequestId) throws IOException, InterruptedException {
        return command(WithdrawListing.class, "{}", clientRequestId, listingId);
    }

    /** {@code POST /trades/{tradeId}/settle} (staff): confirms settlement; units and cost move. */
    public ClientResponse confirmSettlement(long tradeId, String clientRequestId) throws IOException, InterruptedException {
        return command(ConfirmSettlement.class, "{}", clientRequestId, tradeId);
    }

    /**
     * {@code POST /trades/{tradeId}/fund} (the trade's buyer, rules version 8): locks available cash up to what the
     * trade still needs (consideration plus the buyer's fee); fully funded, it awaits the registration change.
     */
    public ClientResponse fundTrade(long tradeId, String clientRequestId) throws IOException, InterruptedException {
        return command(fundexchange.protocol.command.FundTrade.class, "{}", clientRequestId, tradeId);
    }

    /**
     * {@code POST /trades/{tradeId}/registration/confirm} (the fund's manager; staff for a fund without one): the
     * register changed; units, fees and the seller's proceeds settle.
     */
    public ClientResponse confirmRegistration(long tradeId, String clientRequestId)
            throws IOException, InterruptedException {
        return command(fundexchange.protocol.command.ConfirmRegistration.class, "{}", clientRequestId, tradeId);
    }

    /** {@code POST /trades/{tradeId}/registration/refuse} (as the confirmation): the trade fails and unwinds. */
    public ClientResponse refuseRegistration(long tradeId, String reason, String clientRequestId)
            throws IOException, InterruptedException {
        return command(fundexchange.protocol.command.RefuseRegistration.class, JsonBody.of("reason", reason),
                clientRequestId, tradeId);
    }

    // The continuous book.

    /** {@code POST /books/{fundCode}/open} (staff): opens (or reopens) a fund's book with its lot size. */
    public ClientResponse openBook(String fundCode, String lotUnits, String clientRequestId)
            throws IOException, InterruptedException {
        return command(OpenBook.class, JsonBody.of("lotUnits", lotUnits), clientRequestId, fundCode);
    }

    /** {@code POST /books/{fundCode}/halt} (staff): stops matching; resting orders stay. */
    public ClientResponse haltBook(String fundCode, String clientRequestId) throws IOException, InterruptedException {
        return command(HaltBook.class, "{}", clientRequestId, fundCode);
    }

    /** {@code POST /books/{fundCode}/settle-batch} (staff): settles a business date's book trades. */
    public ClientResponse settleBookBatch(String fundCode, String businessDate, String clientRequestId)
            throws IOException, InterruptedException {
        return command(SettleBookBatch.class, JsonBody.of("businessDate", businessDate),
                clientRequestId, fundCode);
    }

    /** {@code POST /orders}: a holder's SELL or an investor's BUY order, per unit. */
    public ClientResponse placeOrder(String fundCode, String side, String units, String price, String clientRequestId)
            throws IOException, InterruptedException {
        return command(PlaceOrder.class, JsonBody.of("fundCode", fundCode, "side", side, "units", units, "price", price),
                clientRequestId);
    }

    /** {@code POST /orders/{orderId}/cancel} (the owner). */
    public ClientResponse cancelOrder(long orderId, String clientRequestId) throws IOException, InterruptedException {
        return command(CancelOrder.class, "{}", clientRequestId, orderId);
    }

    /** {@code POST /orders/{orderId}/amend} (the owner): a new price and/or units. */
    public ClientResponse amendOrder(long orderId, Optional<String> price, Optional<String> units, String clientRequestId)
            throws IOException, InterruptedException {
        return command(AmendOrder.class, JsonBody.of("price", price, "units", units), clientRequestId, orderId);
    }

    // Intent matching.

    /** {@code POST /offers} (holder): displays units for inquiry; {@code visibility} PUBLIC_TEASER or QUALIFIED_ONLY. */
    public ClientResponse postOffer(String fundCode, String units, String minLot, String askPrice, String visibility,
                                    Optional<Long> expiresAt, String clientRequestId)
            throws IOException, InterruptedException {
        return command(PostOffer.class, JsonBody.of("fundCode", fundCode, "units", units, "minLot", minLot, "askPrice", askPrice,
                "visibility", visibility, "expiresAt", expiresAt), clientRequestId);
    }

    /** {@code POST /offers/{offerId}/withdraw} (the offer's holder). */
    public ClientResponse withdrawOffer(long offerId, String clientRequestId) throws IOException, InterruptedException {
        return command(WithdrawOffer.class, "{}", clientRequestId, offerId);
    }

    /**
     * {@code PUT /documents} (holder): uploads a PDF's bytes to the data room's document store (not journaled); the
     * answer names its digest, size and pages for {@link #registerDocument}.
     */
    public ClientResponse uploadDocument(byte[] pdf, String clientRequestId) throws IOException, InterruptedException {
        URI uri = URI.create(baseUri + "/documents");
        HttpResponse<String> response = http.send(signed("PUT", uri, pdf, clientRequestId, "application/pdf")
                .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new ClientResponse(response.statusCode(), response.body());
    }

    /** {@code POST /listings/{listingId}/documents} (the holder): registers an uploaded document by its digest. */
    public ClientResponse registerDocument(long listingId, String digest, String kind, String title, long size, int pages,
                                           String clientRequestId) throws IOException, InterruptedException {
        return command(RegisterDocument.class, JsonBody.of("digest", digest, "kind", kind, "title", title, "size", size,
                "pages", pages), clientRequestId, listingId);
    }

    /**
     * {@code POST /funds/{fundCode}/documents} (the fund's manager, rules version 6): registers an uploaded document for
     * the whole fund; every data room of the fund shows it.
     */
    public ClientResponse registerFundDocument(String fundCode, String digest, String kind, String title, long size,
                                               int pages, String clientRequestId) throws IOException, InterruptedException {
        return command(fundexchange.protocol.command.RegisterFundDocument.class, JsonBody.of("digest", digest, "kind", kind,
                "title", title, "size", size, "pages", pages), clientRequestId, fundCode);
    }

    /** {@code GET /fund-documents} (a fund manager): the funds it manages, each with its fund documents. */
    public ClientResponse fundDocuments() throws IOException, InterruptedException {
        return get("/fund-documents");
    }

    // Cash at the settlement bank (rules version 7): the bank's confirmations and withdrawals.

    /** {@code POST /cash/receipts} (the bank): funds received for a participant's account. */
    public ClientResponse recordCashReceipt(String participantId, String currency, String amount, String bankReference,
                                            String valueDate, String clientRequestId)
            throws IOException, InterruptedException {
        return command(fundexchange.protocol.command.RecordCashReceipt.class, JsonBody.of("participantId", participantId,
                "currency", currency, "amount", amount, "bankReference", bankReference, "valueDate", valueDate),
                clientRequestId);
    }

    /** {@code POST /cash/unidentified-receipts} (the bank): funds it could not attribute, to suspense. */
    public ClientResponse recordUnidentifiedReceipt(String currency, String amount, String bankReference,
                                                    String valueDate, Optional<String> remitter, String clientRequestId)
            throws IOException, InterruptedException {
        return command(fundexchange.protocol.command.RecordUnidentifiedReceipt.class, JsonBody.of("currency", currency,
                "amount", amount, "bankReference", bankReference, "valueDate", valueDate, "remitter", remitter),
                clientRequestId);
    }

    /** {@code POST /cash/instructions/{instructionId}/executed} (the bank): a payout paid. */
    public ClientResponse recordPayoutExecuted(long instructionId, String bankReference, String valueDate,
                                               String clientRequestId) throws IOException, InterruptedException {
        return command(fundexchange.protocol.command.RecordPayoutExecuted.class, JsonBody.of("bankReference",
                bankReference, "valueDate", valueDate), clientRequestId, instructionId);
    }

    /** {@code POST /cash/instructions/{instructionId}/returned} (the bank): a payout returned unpaid. */
    public ClientResponse recordPayoutReturned(long instructionId, String bankReference, String valueDate, String reason,
                                               String clientRequestId) throws IOException, InterruptedException {
        return command(fundexchange.protocol.command.RecordPayoutReturned.class, JsonBody.of("bankReference",
                bankReference, "valueDate", valueDate, "reason", reason), clientRequestId, instructionId);
    }

    /** {@code POST /cash/statements} (the bank): its daily statement of the escrow account in a currency. */
    public ClientResponse recordBankStatement(String currency, String statementDate, String closingBalance,
                                              String bankReference, String clientRequestId)
            throws IOException, InterruptedException {
        return command(fundexchange.protocol.command.RecordBankStatement.class, JsonBody.of("currency", currency,
                "statementDate", statementDate, "closingBalance", closingBalance, "bankReference", bankReference),
                clientRequestId);
    }

    /** {@code POST /cash/withdrawals} (a holder, investor or manager): available cash paid out through the bank. */
    public ClientResponse withdrawCash(String currency, String amount, String clientRequestId)
            throws IOException, InterruptedException {
        return command(fundexchange.protocol.command.WithdrawCash.class, JsonBody.of("currency", currency,
                "amount", amount), clientRequestId);
    }

    /** {@code POST /listings/{listingId}/directed} (the holder): the investors the data room admits; none: all. */
    public ClientResponse directDisclosure(long listingId, List<String> investors, String clientRequestId)
            throws IOException, InterruptedException {
        return command(DirectDisclosure.class, JsonBody.of("investors", investors), clientRequestId, listingId);
    }

    /** {@code POST /listings/{listingId}/nda/accept} (investor): accepts the current NDA version, naming its digest. */
    public ClientResponse acceptNda(long listingId, int version, String digest, String clientRequestId)
            throws IOException, InterruptedException {
        return command(AcceptNda.class, JsonBody.of("version", version, "digest", digest), clientRequestId, listingId);
    }

    /**
     * {@code POST /documents/{documentId}/open}: a journaled opening, answered with the PDF watermarked for this
     * participant ({@link DocumentResponse#pdf()}), or a refusal's JSON.
     */
    public DocumentResponse openDocument(long documentId, String clientRequestId) throws IOException, InterruptedException {
        return openDocument(documentId, null, clientRequestId);
    }

    /**
     * {@code POST /documents/{documentId}/open} naming the room ({@code listingId}, rules version 6): how a fund
     * document is opened, in the room of one listing or offer of its fund; null names none.
     */
    public DocumentResponse openDocument(long documentId, Long listingId, String clientRequestId)
            throws IOException, InterruptedException {
        URI uri = URI.create(baseUri + CommandSpecs.endpoint(OpenDocument.class).expand(documentId));
        byte[] body = (listingId == null ? "{}" : "{\"listingId\":" + listingId + "}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> response = http.send(signed("POST", uri, body, clientRequestId).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long journalIndex = response.headers().firstValue(ClientResponse.JOURNAL_INDEX).map(Long::parseLong).orElse(0L);
        return new DocumentResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), journalIndex, response.headers());
    }

    /** {@code GET /listings/{listingId}/data-room}, with {@code after=} (the access log's last index seen) if given. */
    public ClientResponse dataRoom(long listingId, String rawQuery) throws IOException, InterruptedException {
        return get(query("/listings/" + listingId + "/data-room", rawQuery));
    }

    /**
     * {@code GET /funds/{fundCode}/transfer-terms} (staff, regulators, the fund's manager and holders): the fund's consent
     * and first-refusal terms; a party sees only the affiliate lines naming itself.
     */
    public ClientResponse transferTerms(String fundCode) throws IOException, InterruptedException {
        return get("/funds/" + fundCode + "/transfer-terms");
    }

    /** {@code GET /notices?fund&status&after&limit}: the transfer notices naming the caller (oversight: every one). */
    public ClientResponse notices(String rawQuery) throws IOException, InterruptedException {
        return get(query("/notices", rawQuery));
    }

    /** {@code GET /listings/{listingId}/notice}: one listing's transfer notice as the caller may see it. */
    public ClientResponse notice(long listingId) throws IOException, InterruptedException {
        return get("/listings/" + listingId + "/notice");
    }

    /** {@code POST /offers/{offerId}/quotes} (investor): a price per unit for some units. */
    public ClientResponse submitQuote(long offerId, String price, String units, String clientRequestId)
            throws IOException, InterruptedException {
        return command(SubmitQuote.class, JsonBody.of("price", price, "units", units), clientRequestId, offerId);
    }

    /** {@code POST /quotes/{quoteId}/counter} (the side whose turn it is). */
    public ClientResponse counterQuote(long quoteId, String price, String units, String clientRequestId)
            throws IOException, InterruptedException {
        return command(CounterQuote.class, JsonBody.of("price", price, "units", units), clientRequestId, quoteId);
    }

    /** {@code POST /quotes/{quoteId}/accept} (the side whose turn it is): the trade. */
    public ClientResponse acceptQuote(long quoteId, String clientRequestId) throws IOException, InterruptedException {
        return command(AcceptQuote.class, "{}", clientRequestId, quoteId);
    }

    /** {@code POST /quotes/{quoteId}/decline} (either side). */
    public ClientResponse declineQuote(long quoteId, String clientRequestId) throws IOException, InterruptedException {
        return command(DeclineQuote.class, "{}", clientRequestId, quoteId);
    }

    /** {@code POST /intents} (qualified investor): what it wants to buy, as the JSON of {@code PostIntent}. */
    public ClientResponse postIntent(String intentJson, String clientRequestId) throws IOException, InterruptedException {
        return command(PostIntent.class, intentJson, clientRequestId);
    }

    /** {@code POST /intents/{intentId}/amend} (its investor): new terms, as for {@link #postIntent}. */
    public ClientResponse amendIntent(long intentId, String intentJson, String clientRequestId)
            throws IOException, InterruptedException {
        return command(AmendIntent.class, intentJson, clientRequestId, intentId);
    }

    /** {@code POST /intents/{intentId}/cancel} (its investor). */
    public ClientResponse cancelIntent(long intentId, String clientRequestId) throws IOException, InterruptedException {
        return command(CancelIntent.class, "{}", clientRequestId, intentId);
    }

    /** {@code POST /matches/{matchId}/broker} (staff): puts a proposal to both parties, optionally on other terms. */
    public ClientResponse brokerMatch(long matchId, Optional<String> units, Optional<String> price, String clientRequestId)
            throws IOException, InterruptedException {
        return command(BrokerMatch.class, JsonBody.of("units", units, "price", price), clientRequestId, matchId);
    }

    /** {@code POST /matches/{matchId}/accept} (the offer's holder or the intent's investor). */
    public ClientResponse acceptMatch(long matchId, String clientRequestId) throws IOException, InterruptedException {
        return command(AcceptMatch.class, "{}", clientRequestId, matchId);
    }

    /** {@code POST /matches/{matchId}/decline} (the offer's holder or the intent's investor). */
    public ClientResponse declineMatch(long matchId, String clientRequestId) throws IOException, InterruptedException {
        return command(DeclineMatch.class, "{}", clientRequestId, matchId);
    }

    // Operations and audit (staff, regulators).

    /** {@code POST /audit/checkpoints} (staff, regulator): signs and journals the audit chain head now. */
    public ClientResponse checkpointNow(String clientRequestId) throws IOException, InterruptedException {
        return post("/audit/checkpoints", "{}", clientRequestId);
    }

    /** {@code POST /ops/snapshot} (staff): takes an engine snapshot now. */
    public ClientResponse snapshotNow(String clientRequestId) throws IOException, InterruptedException {
        return post("/ops/snapshot", "{}", clientRequestId);
    }

    /** {@code POST /ops/clock/acknowledge} (staff): the sequencer resumes after a clock jump. */
    public ClientResponse acknowledgeClockJump(String clientRequestId) throws IOException, InterruptedException {
        return post("/ops/clock/acknowledge", "{}", clientRequestId);
    }

    // Reads. A raw query (such as "status=OPEN&limit=10") may be empty.

    /** {@code GET /feed}: the caller's feed after a cursor, at most {@code limit} entries. */
    public ClientResponse feed(long after, int limit) throws IOException, InterruptedException {
        return get("/feed?after=" + after + "&limit=" + limit);
    }

    /**
     * {@code GET /stream?after=<cursor>}: the caller's feed live, from after {@code after} (docs/api.md, Live stream).
     * The request waits for no answer beyond its headers; close the stream to end it.
     */
    public EventStream stream(long after, String clientRequestId) throws IOException, InterruptedException {
        URI uri = URI.create(baseUri + "/stream?after=" + after);
        HttpRequest request = signed("GET", uri, new byte[0], clientRequestId).build();
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        return new EventStream(response.statusCode(), response.body());
    }

    /** {@code GET /requests/{clientRequestId}}: the outcome of one of the caller's requests. */
    public ClientResponse requestOutcome(String clientRequestId) throws IOException, InterruptedException {
        return get("/requests/" + segment(clientRequestId));
    }

    /** {@code GET /holdings}: the caller's positions. */
    public ClientResponse holdings() throws IOException, InterruptedException {
        return get("/holdings");
    }

    /** {@code GET /transfers}: the caller's trades (staff and regulators: all). */
    public ClientResponse transfers() throws IOException, InterruptedException {
        return get("/transfers");
    }

    /** {@code GET /trades} ({@code fund, status, after, limit}; staff, regulator): every trade a page at a time. */
    public ClientResponse trades(String rawQuery) throws IOException, InterruptedException {
        return get(query("/trades", rawQuery));
    }

    /** {@code GET /participants} ({@code role, status}; staff, regulator): every participant. */
    public ClientResponse participants(String rawQuery) throws IOException, InterruptedException {
        return get(query("/participants", rawQuery));
    }

    /** {@code GET /parameters}: every platform parameter in force, with the index that set it. */
    public ClientResponse parameters() throws IOException, InterruptedException {
        return get("/parameters");
    }

    /** {@code GET /funds}: every fund's reference data. */
    public ClientResponse funds() throws IOException, InterruptedException {
        return get("/funds");
    }

    /** {@code GET /participants/{participantId}}: roles, status and qualification. */
    public ClientResponse participant(String participantId) throws IOException, InterruptedException {
        return get("/participants/" + segment(participantId));
    }

    /** {@code GET /participants/{participantId}/qualification}: status, records and thresholds. */
    public ClientResponse qualification(String participantId) throws IOException, InterruptedException {
        return get("/participants/" + segment(participantId) + "/qualification");
    }

    /** {@code GET /funds/{fundCode}}: reference data. */
    public ClientResponse fund(String fundCode) throws IOException, InterruptedException {
        return get("/funds/" + segment(fundCode));
    }

    /**
     * {@code GET /funds/{fundCode}/nav}: the current NAV with its staleness (stale after {@code staleAfterDays} days,
     * the gateway's default 100 when absent) and the NAV history.
     */
    public ClientResponse fundNav(String fundCode, Optional<Integer> staleAfterDays) throws IOException, InterruptedException {
        String path = "/funds/" + segment(fundCode) + "/nav";
        return get(staleAfterDays.map(days -> path + "?staleAfterDays=" + days).orElse(path));
    }

    /** {@code GET /funds/{fundCode}/register} (staff, regulator). */
    public ClientResponse fundRegister(String fundCode) throws IOException, InterruptedException {
        return get("/funds/" + segment(fundCode) + "/register");
    }

    /** {@code GET /funds/{fundCode}/custody} (staff, regulator): the fund's custody registrations. */
    public ClientResponse fundCustody(String fundCode) throws IOException, InterruptedException {
        return get("/funds/" + segment(fundCode) + "/custody");
    }

    /**
     * {@code GET /custody} (staff, regulator): every fund's custody registrations, paged; {@code rawQuery} e.g.
     * {@code status=PENDING_APPROVAL&limit=100}, or empty.
     */
    public ClientResponse custodyRegistrations(String rawQuery) throws IOException, InterruptedException {
        return get(query("/custody", rawQuery));
    }

    /** {@code GET /custody/{custodyId}}: a registration with its lines. */
    public ClientResponse custody(long custodyId) throws IOException, InterruptedException {
        return get("/custody/" + custodyId);
    }

    /** {@code GET /pledges}, with {@code holder=} or {@code fund=} (staff, regulator). */
    public ClientResponse pledges(String rawQuery) throws IOException, InterruptedException {
        return get(query("/pledges", rawQuery));
    }

    /** {@code GET /freezes}, as {@link #pledges}. */
    public ClientResponse freezes(String rawQuery) throws IOException, InterruptedException {
        return get(query("/freezes", rawQuery));
    }

    /** {@code GET /offers} ({@code status, fund, after, limit}): offers or their teasers. */
    public ClientResponse offers(String rawQuery) throws IOException, InterruptedException {
        return get(query("/offers", rawQuery));
    }

    /** {@code GET /offers/{offerId}}. */
    public ClientResponse offer(long offerId) throws IOException, InterruptedException {
        return get("/offers/" + offerId);
    }

    /** {@code GET /offers/{offerId}/quotes} ({@code status, after, limit}). */
    public ClientResponse offerQuotes(long offerId, String rawQuery) throws IOException, InterruptedException {
        return get(query("/offers/" + offerId + "/quotes", rawQuery));
    }

    /** {@code GET /quotes} ({@code offer, status, after, limit}): quotes made or received. */
    public ClientResponse quotes(String rawQuery) throws IOException, InterruptedException {
        return get(query("/quotes", rawQuery));
    }

    /** {@code GET /quotes/{quoteId}}: with every round. */
    public ClientResponse quote(long quoteId) throws IOException, InterruptedException {
        return get("/quotes/" + quoteId);
    }

    /** {@code GET /intents} ({@code status, after, limit}). */
    public ClientResponse intents(String rawQuery) throws IOException, InterruptedException {
        return get(query("/intents", rawQuery));
    }

    /** {@code GET /intents/{intentId}}. */
    public ClientResponse intent(long intentId) throws IOException, InterruptedException {
        return get("/intents/" + intentId);
    }

    /** {@code GET /matches} ({@code status, after, limit}): match proposals. */
    public ClientResponse matches(String rawQuery) throws IOException, InterruptedException {
        return get(query("/matches", rawQuery));
    }

    /** {@code GET /matches/{matchId}}. */
    public ClientResponse match(long matchId) throws IOException, InterruptedException {
        return get("/matches/" + matchId);
    }

    /** {@code GET /orders} ({@code fund, status, after, limit}). */
    public ClientResponse orders(String rawQuery) throws IOException, InterruptedException {
        return get(query("/orders", rawQuery));
    }

    /** {@code GET /orders/{orderId}}. */
    public ClientResponse order(long orderId) throws IOException, InterruptedException {
        return get("/orders/" + orderId);
    }

    /** {@code GET /books/{fundCode}}: depth by price, no owners. */
    public ClientResponse book(String fundCode) throws IOException, InterruptedException {
        return get("/books/" + segment(fundCode));
    }

    /** {@code GET /bids} ({@code listing, status, after, limit}): the caller's bids across listings. */
    public ClientResponse ownBids(String rawQuery) throws IOException, InterruptedException {
        return get(query("/bids", rawQuery));
    }

    /** {@code GET /proposals} ({@code status, after, limit}; staff, regulator): maker-checker proposals. */
    public ClientResponse proposals(String rawQuery) throws IOException, InterruptedException {
        return get(query("/proposals", rawQuery));
    }

    /** {@code GET /proposals/{proposalId}} (staff, regulator). */
    public ClientResponse proposal(long proposalId) throws IOException, InterruptedException {
        return get("/proposals/" + proposalId);
    }

    /**
     * {@code GET /exchange/keys} (unsigned): the exchange's public keys and their history, each with the SHA-256
     * fingerprint that {@code exchange certificate verify --key-fingerprint} takes.
     */
    public ClientResponse exchangeKeys() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri + "/exchange/keys")).timeout(TIMEOUT).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new ClientResponse(response.statusCode(), response.body());
    }

    /**
     * {@code GET /trades/{tradeId}/certificate} (the trade's parties, staff, regulators): the settled trade's transaction
     * certificate ({@link DocumentResponse#pdf()}), or a refusal's JSON.
     */
    public DocumentResponse certificate(long tradeId) throws IOException, InterruptedException {
        return getDocument("/trades/" + tradeId + "/certificate");
    }

    /**
     * {@code GET /trades/{tradeId}/certificate.sig} (the trade's parties, staff, regulators): the certificate's detached
     * signature by the exchange's key ({@code FXCS1} text), or a refusal's JSON.
     */
    public ClientResponse certificateSignature(long tradeId) throws IOException, InterruptedException {
        return get("/trades/" + tradeId + "/certificate.sig");
    }

    /** A signed GET whose answer is kept as bytes (a PDF); signed once more if the gateway started after signing. */
    private DocumentResponse getDocument(String path) throws IOException, InterruptedException {
        URI uri = URI.create(baseUri + withMinIndex("GET", path));
        DocumentResponse answer = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<byte[]> response = http.send(signed("GET", uri, EMPTY, UUID.randomUUID().toString())
                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
            answer = new DocumentResponse(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), 0, response.headers());
            if (!signedBeforeStart(new ClientResponse(answer.status(), answer.text()))) {
                break;
            }
        }
        return answer;
    }

    /** {@code GET /engine/state} (staff, regulator): last index and state hash. */
    public ClientResponse engineState() throws IOException, InterruptedException {
        return get("/engine/state");
    }

    /** {@code GET /audit/records} (staff, regulator), with its filters and paging as a raw query. */
    public ClientResponse auditRecords(String rawQuery) throws IOException, InterruptedException {
        return get(query("/audit/records", rawQuery));
    }

    /** {@code GET /audit/checkpoints} (staff, regulator). */
    public ClientResponse auditCheckpoints() throws IOException, InterruptedException {
        return get("/audit/checkpoints");
    }

    /** {@code GET /audit/keys} (staff, regulator): every public key with its history. */
    public ClientResponse auditKeys() throws IOException, InterruptedException {
        return get("/audit/keys");
    }

    /** {@code GET /audit/bundle} (staff, regulator): JSON Lines of indices 1..toIndex (default: all). */
    public ClientResponse auditBundle(Optional<Long> toIndex) throws IOException, InterruptedException {
        return get(toIndex.map(index -> "/audit/bundle?toIndex=" + index).orElse("/audit/bundle"));
    }

    /** {@code GET /reports/daily} (staff, regulator): {@code format} json or html. */
    public ClientResponse dailyReport(String date, String format) throws IOException, InterruptedException {
        return get("/reports/daily?date=" + segment(date) + "&format=" + segment(format));
    }

    /** {@code GET /openapi}: the API document (unsigned; the signature headers are ignored). */
    public ClientResponse openApi() throws IOException, InterruptedException {
        return get("/openapi");
    }

    private static String query(String path, String rawQuery) {
        return rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }

    /** A path segment or query value, percent-encoded. */
    private static String segment(String value) {
        return java.net.URLEncoder.encode(Objects.requireNonNull(value, "value"), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String priced(String price) {
        ObjectNode body = JSON.createObjectNode();
        body.put("price", Objects.requireNonNull(price, "price"));
        return body.toString();
    }

    /**
     * Signs and sends any request; signs and sends it once more if the gateway answers code 150 (signed before it
     * started).
     *
     * @param pathAndQuery path starting with {@code /}, optionally followed by {@code ?} and a raw query
     */
    public ClientResponse send(String method, String pathAndQuery, byte[] body, String clientRequestId)
            throws IOException, InterruptedException {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + pathAndQuery);
        }
        URI uri = URI.create(baseUri + withMinIndex(method, pathAndQuery));
        ClientResponse response = signAndSend(method, uri, body, clientRequestId);
        return signedBeforeStart(response) ? signAndSend(method, uri, body, clientRequestId) : response;
    }

    private static boolean signedBeforeStart(ClientResponse response) {
        if (response.status() != 401) {
            return false;
        }
        try {
            return JSON.readTree(response.body()).path("code").asInt() == SIGNED_BEFORE_START;
        } catch (IOException e) {
            return false;
        }
    }

    private ClientResponse signAndSend(String method, URI uri, byte[] body, String clientRequestId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = signed(method, uri, body, clientRequestId).timeout(TIMEOUT);
        HttpResponse<String> response = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long journalIndex = response.headers().firstValue(ClientResponse.JOURNAL_INDEX).map(Long::parseLong).orElse(0L);
        return new ClientResponse(response.statusCode(), response.body(), journalIndex);
    }

    /** The request, signed, without a timeout. */
    private HttpRequest.Builder signed(String method, URI uri, byte[] body, String clientRequestId)
            throws IOException, InterruptedException {
        return signed(method, uri, body, clientRequestId, SignedHeaders.JSON);
    }

    /** As above, with the body's {@code Content-Type}. */
    private HttpRequest.Builder signed(String method, URI uri, byte[] body, String clientRequestId, String contentType)
            throws IOException, InterruptedException {
        CanonicalRequest canonical = CanonicalRequest.of(platformId(), method, uri.getRawPath(), uri.getRawQuery(),
                participant, keyId, algorithm, clock.millis(), clientRequestId, body);
        byte[] signature = Signatures.sign(algorithm, privateKey, canonical.bytes());

        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(canonical.method(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, String> header : SignedHeaders.of(canonical, signature).entrySet()) {
            request.header(header.getKey(), header.getValue());
        }
        if (body.length > 0) {
            request.header("Content-Type", contentType);
        }
        return request;
    }

    /** A GET's path and query with this client's minIndex appended, if it has one. */
    private String withMinIndex(String method, String pathAndQuery) {
        if (minIndex < 0 || !method.equals("GET")) {
            return pathAndQuery;
        }
        return pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "minIndex=" + minIndex;
    }
}
