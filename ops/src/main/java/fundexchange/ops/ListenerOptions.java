package fundexchange.ops;

import fundexchange.gateway.GatewayConfig;
import fundexchange.gateway.dataroom.UploadPace;
import fundexchange.gateway.listener.ConnectionLimits;
import fundexchange.gateway.stream.StreamLimits;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The listener options of {@code serve} and {@code demo} (docs/operations.md, "Connections"). */
final class ListenerOptions {
    private static final ConnectionLimits D = ConnectionLimits.DEFAULTS;

    @Option(names = "--management-port", description = "port of the management listener: /observe/health, "
            + "/observe/metrics (default: ${DEFAULT-VALUE})")
    int managementPort = GatewayConfig.MANAGEMENT_PORT;
    @Option(names = "--management-address", description = "address the management listener binds to (default: ${DEFAULT-VALUE})")
    String managementAddress = GatewayConfig.LOOPBACK;
    @Option(names = "--max-connections", description = "connections the public listener holds at once; more wait in "
            + "the accept backlog (default: ${DEFAULT-VALUE})")
    int maxConnections = D.maxConnections();
    @Option(names = "--idle-timeout", description = "a connection waiting for a request is closed after this, ISO-8601 "
            + "(default: ${DEFAULT-VALUE})")
    Duration idleTimeout = D.idleTimeout();
    @Option(names = "--idle-check-period", description = "how often idle connections are looked for (default: ${DEFAULT-VALUE})")
    Duration idlePeriod = D.idlePeriod();
    @Option(names = "--read-timeout", description = "a read inside a request (TLS handshake, headers, body) that "
            + "receives nothing for this long closes the connection (default: ${DEFAULT-VALUE})")
    Duration readTimeout = D.readTimeout();
    @Option(names = "--max-payload-bytes", description = "the listener refuses larger entities (default: ${DEFAULT-VALUE})")
    long maxPayloadBytes = D.maxPayloadBytes();
    @Option(names = "--max-request-line-bytes", description = "longest request line (default: ${DEFAULT-VALUE})")
    int maxPrologueBytes = D.maxPrologueBytes();
    @Option(names = "--max-header-bytes", description = "largest header block (default: ${DEFAULT-VALUE})")
    int maxHeaderBytes = D.maxHeaderBytes();
    @Option(names = "--stream-max-per-participant", description = "live streams (GET /stream) one participant may hold"
            + " open (default: ${DEFAULT-VALUE})")
    int streamsPerParticipant = StreamLimits.DEFAULTS.perParticipant();
    @Option(names = "--stream-max-total", description = "live streams the gateway holds, at most half of"
            + " --max-connections (default: ${DEFAULT-VALUE})")
    int streamsTotal = StreamLimits.DEFAULTS.total();
    @Option(names = "--stream-heartbeat", description = "heartbeat interval of the live streams, at most half of"
            + " --idle-timeout, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration streamHeartbeat = StreamLimits.DEFAULTS.heartbeat();
    @Option(names = "--max-connections-per-address", description = "connections one remote address may hold at once; "
            + "a further one is answered 429 and closed; loopback is not exempt (default: ${DEFAULT-VALUE})")
    int maxPerAddress = D.maxPerAddress();
    @Option(names = "--request-read-timeout", description = "a request's head and body must arrive within this of its "
            + "first byte, else 408 and the connection closes, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration requestReadTimeout = D.requestReadTimeout();
    @Option(names = "--write-timeout", description = "a write to a client that does not read its answers closes the "
            + "connection after this, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration writeTimeout = D.writeTimeout();
    @Option(names = "--listener-check-period", description = "how often the node checks that its public listener "
            + "still listens; when it does not, the process exits with status 70 (default: ${DEFAULT-VALUE})")
    Duration listenerCheckPeriod = ListenerWatchdog.PERIOD;
    @Option(names = "--portal-signer-origin", description = "a local signing agent (exchange signer) the portal may"
            + " reach, http://127.0.0.1:PORT or http://localhost:PORT; repeatable (default: none)")
    java.util.List<String> portalSignerOrigins = new java.util.ArrayList<>();
    @Option(names = "--upload-min-rate", description = "bytes a second a data-room upload's body must keep up while it"
            + " holds its permit, after --upload-grace (default: ${DEFAULT-VALUE})")
    long uploadMinRate = UploadPace.Rate.DEFAULT.minBytesPerSecond();
    @Option(names = "--upload-grace", description = "how long an upload's body may send nothing before its pace is"
            + " counted, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration uploadGrace = UploadPace.Rate.DEFAULT.grace();

    /** The gateway configuration of a node serving on {@code port}. */
    GatewayConfig gateway(int port) {
        return GatewayConfig.DEFAULTS.toBuilder().port(port)
                .connections(new ConnectionLimits(maxConnections, idleTimeout, idlePeriod, readTimeout, maxPayloadBytes,
                        maxPrologueBytes, maxHeaderBytes, maxPerAddress, requestReadTimeout, writeTimeout))
                .managementAddress(managementAddress).managementPort(managementPort)
                .streams(StreamLimits.DEFAULTS.withCaps(streamsPerParticipant, streamsTotal).withHeartbeat(streamHeartbeat))
                .portalSignerOrigins(portalSignerOrigins)
                .uploadPace(new UploadPace.Rate(uploadMinRate, uploadGrace))
                .build();
    }
}
