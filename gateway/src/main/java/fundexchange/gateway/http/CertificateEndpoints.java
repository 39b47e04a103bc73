package fundexchange.gateway.http;

import fundexchange.documents.certificate.CertificateFacts;
import fundexchange.documents.certificate.CertificateRenderer;
import fundexchange.gateway.audit.Checkpointer;
import fundexchange.gateway.auth.Caller;
import fundexchange.gateway.view.GatewayView;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Role;
import fundexchange.registry.audit.AuditQueries;
import fundexchange.registry.read.FundView;
import fundexchange.registry.read.RegistryReads;
import fundexchange.registry.read.Transfer;
import io.helidon.webserver.http.ServerRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code GET /trades/{tradeId}/certificate} and {@code .../certificate.sig}: a settled trade's transaction certificate
 * and its detached signature by the exchange's key (docs/rules.md, Transaction certificates), rendered from the
 * registry's projection of the journal and the audit chain's link at the settlement's index. Only the trade's buyer
 * and seller, staff and regulators read them; anyone else, and any trade that does not exist, gets the same 404, so
 * the answer tells nobody else whether a trade exists. A reader asking before final settlement gets 409 (code 7050).
 */
final class CertificateEndpoints {
    private final RegistryReads registry;
    private final AuditQueries audit;
    private final GatewayView view;
    private final Checkpointer signer;

    CertificateEndpoints(RegistryReads registry, AuditQueries audit, GatewayView view, Checkpointer signer) {
        this.registry = registry;
        this.audit = audit;
        this.view = view;
        this.signer = signer;
    }

    /** The certificate's PDF. */
    Object certificate(Caller caller, ServerRequest request) {
        Rendered rendered = render(caller, request);
        return new StreamedBody("application/pdf", "certificate-" + rendered.tradeId() + ".pdf",
                out -> out.write(rendered.pdf()), true);
    }

    /** The certificate's detached signature ({@code FXCS1} text, {@code exchange certificate verify}). */
    Object signature(Caller caller, ServerRequest request) {
        Rendered rendered = render(caller, request);
        byte[] signature = signer.signCertificate(rendered.pdf()).bytes();
        return new StreamedBody(fundexchange.signing.CertificateSignature.MEDIA_TYPE,
                "certificate-" + rendered.tradeId() + ".pdf.sig", out -> out.write(signature), true);
    }

    private record Rendered(long tradeId, byte[] pdf) {
    }

    private Rendered render(Caller caller, ServerRequest request) {
        ListParams.strict(request, java.util.Set.of()); // minIndex only: anything else is refused (400, 109)
        String raw = request.path().pathParameters().get("tradeId");
        long tradeId = parseId(raw);
        Transfer trade = registry.trade(tradeId).filter(t -> mayRead(caller, t))
                .orElseThrow(() -> new ApiException(404, ApiError.NOT_FOUND, "no certificate for trade " + raw));
        if (!"SETTLED".equals(trade.status()) || trade.settledIndex() <= 0) {
            throw new ApiException(409, ApiError.CERTIFICATE_NOT_SETTLED, "trade " + tradeId + " is " + trade.status()
                    + "; its certificate is issued at final settlement / 交易尚未最终结算，结算后签发凭证");
        }
        String link = audit.linkAt(trade.settledIndex()).orElseThrow(() -> new ApiException(503, ApiError.UNAVAILABLE,
                "the audit chain has not yet linked index " + trade.settledIndex() + "; retry shortly"));
        // Both times are the journal's, at the trade's two indices: the registry's settled_at (V7) and executed_at
        // (V15) columns are NULL for a trade projected before them, and a rebuild fills them, so they would re-date
        // the same trade's certificate. The audit index holds every index's journal time (V2 backfills from index 1).
        long executedAt = journalTime(trade.executedIndex());
        long settledAt = journalTime(trade.settledIndex());
        FundView fund = registry.fund(trade.fundCode()).orElseThrow(
                () -> new IllegalStateException("trade " + tradeId + " names no registered fund " + trade.fundCode()));
        CertificateFacts facts = new CertificateFacts(view.platformId(), tradeId, fund.code(), fund.shortName(),
                fund.currency(), raw(trade.units(), Units.SCALE), raw(trade.price(), Price.SCALE),
                raw(trade.consideration(), Money.SCALE), trade.percentOfNavBasisPoints(),
                raw(trade.multipleOfCost(), Multiple.SCALE), trade.seller(), trade.buyer(), executedAt, settledAt,
                trade.settledIndex(), link, zoneAt(trade.settledIndex()));
        return new Rendered(tradeId, CertificateRenderer.render(facts));
    }

    /**
     * The platform zone in force at the settlement, not the one in force now: a later change of {@code zone} must not
     * re-date an issued certificate, nor make a PDF and its separately rendered {@code .sig} disagree.
     */
    private java.time.ZoneId zoneAt(long index) {
        if (view.appliedIndex() < index) {
            throw new ApiException(503, ApiError.UNAVAILABLE,
                    "the gateway has not yet applied index " + index + "; retry shortly");
        }
        return view.zoneAt(index);
    }

    private long journalTime(long index) {
        return audit.timeAt(index).orElseThrow(() -> new ApiException(503, ApiError.UNAVAILABLE,
                "the audit index has not yet reached index " + index + "; retry shortly"));
    }

    /**
     * The trade's buyer and seller, staff (who run settlement and list every trade) and regulators (ACTIVE: a
     * suspended caller reads without oversight roles).
     */
    static boolean mayRead(Caller caller, Transfer trade) {
        return caller.has(Role.REGULATOR) || caller.has(Role.STAFF) || caller.participantId().equals(trade.buyer())
                || caller.participantId().equals(trade.seller());
    }

    private static long parseId(String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0 && raw.equals(Long.toString(id))) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(400, ApiError.MALFORMED_REQUEST, "tradeId must be a positive integer");
    }

    /** A registry decimal as its fixed-point {@code long} at {@code scale}; exact, never rounded. */
    static long raw(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }
}
