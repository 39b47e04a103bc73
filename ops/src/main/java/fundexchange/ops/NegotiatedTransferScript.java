package fundexchange.ops;

import fundexchange.signing.KeyMaterial;
import java.security.KeyPair;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * One negotiated transfer driven through the signed API by every role involved: staff register and approve
 * (maker-checker) a holder and a qualified investor, register a fund and deposit units; the holder lists to the
 * investor; staff approve; the investor accepts; staff confirm settlement. Used by {@code exchange demo} and tests.
 */
public final class NegotiatedTransferScript {
    /** What the script produced: ids to check against. */
    public record Result(long listingId, long tradeId) {
    }

    public static final String FUND = "DGF3";
    private final Participant staff1;
    private final Participant staff2;
    private final Clock clock;

    public NegotiatedTransferScript(Participant staff1, Participant staff2, Clock clock) {
        this.staff1 = staff1;
        this.staff2 = staff2;
        this.clock = clock;
    }

    /** Registers, approves, keys and (for investors) qualifies a participant through maker-checker. */
    public void onboard(String participantId, String name, String role, KeyPair keys) {
        onboard(participantId, name, role, keys, role.equals("INVESTOR"));
    }

    /** As {@link #onboard(String, String, String, KeyPair)}, qualifying the participant only if {@code qualify}. */
    public void onboard(String participantId, String name, String role, KeyPair keys, boolean qualify) {
        staff1.post("/participants", """
                {"participantId":"%s","name":"%s","participantType":"INSTITUTION","roles":["%s"]}""".formatted(participantId, name, role)).ok();
        approve("""
                {"type":"ApproveParticipant","participantId":"%s"}""".formatted(participantId));
        approve("""
                {"type":"RegisterFirstKey","participantId":"%s","keyId":"%s-k1","algorithm":"%s","publicKey":"%s"}"""
                .formatted(participantId, participantId, KeyMaterial.algorithmOf(keys.getPublic()).wireName(),
                        Base64.getEncoder().encodeToString(KeyMaterial.spki(keys.getPublic()))));
        if (qualify) {
            LocalDate validUntil = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusYears(1);
            approve("""
                    {"type":"SetQualification","participantId":"%s","status":"QUALIFIED","validUntil":"%s"}"""
                    .formatted(participantId, validUntil));
        }
    }

    /** Proposes a sensitive action as the first staff member and approves it as the second (maker-checker). */
    public void approve(String action) {
        long proposal = staff1.post("/proposals", "{\"action\":" + action + "}").ok().sourceIndex();
        staff2.post("/proposals/" + proposal + "/approve", "{}").ok();
    }

    public void registerFundWithHolding(String holderId) {
        staff1.post("/funds", """
                {"fundCode":"%s","shortName":"Demo Growth Fund III","manager":"Demo Capital Management",
                 "strategy":"GROWTH","vintage":2019,"currency":"CNY","legalForm":"PARTNERSHIP","custodyMode":"FULL",
                 "nav":"1.5000","navDate":"2026-09-30","minTransferUnits":"100.00","rightOfFirstRefusal":false}"""
                .formatted(FUND)).ok();
        staff1.post("/deposits", """
                {"fundCode":"%s","holder":"%s","units":"1000000.00","cost":"1000000.00"}""".formatted(FUND, holderId)).ok();
    }

    /** The first event of a type in a write's answer (deadline events of other listings may precede it). */
    public static com.fasterxml.jackson.databind.JsonNode eventOfType(Participant.Reply reply, String type) {
        for (com.fasterxml.jackson.databind.JsonNode event : reply.body().path("events")) {
            if (type.equals(event.path("type").asText())) {
                return event;
            }
        }
        throw new IllegalStateException("no " + type + " event in " + reply.body());
    }

    /** The transfer itself: list, approve, accept, settle. */
    public Result transfer(Participant holder, Participant investor) {
        long listingId = holder.post("/listings", """
                {"fundCode":"%s","buyer":"%s","units":"400000.00","price":"0.9000"}""".formatted(FUND, investor.id()))
                .ok().sourceIndex();
        staff2.post("/listings/" + listingId + "/approve", "{}").ok();
        long tradeId = eventOfType(investor.post("/listings/" + listingId + "/accept", "{}").ok(), "TradeExecuted")
                .path("tradeId").asLong();
        staff1.post("/trades/" + tradeId + "/settle", "{}").ok();
        return new Result(listingId, tradeId);
    }
}
