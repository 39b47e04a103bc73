package fundexchange.gateway.listener;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The listener's only connection selector: Helidon's HTTP/1 connection, reading through {@link GuardedReads} and
 * writing through {@link TimedWrites}, so every read has a deadline and every write a timeout.
 */
final class GuardedSelector implements ServerConnectionSelector {
    private final ServerConnectionSelector http1;
    private final AcceptedConnections accepted;
    private final ConnectionLimits limits;
    private final WriteTimeouts writeTimeouts;
    private final LongSupplier nanoTime;

    GuardedSelector(ConnectionLimits limits, AcceptedConnections accepted, WriteTimeouts writeTimeouts,
                    LongSupplier nanoTime) {
        this.http1 = Http1ConnectionSelector.builder()
                .config(Http1Config.builder()
                        .maxPrologueLength(limits.maxPrologueBytes())
                        .maxHeadersSize(limits.maxHeaderBytes())
                        .addReceiveListener(RequestPhases.RECEIVED)
                        .addSendListener(RequestPhases.SENT)
                        .build())
                .build();
        this.accepted = accepted;
        this.limits = limits;
        this.writeTimeouts = writeTimeouts;
        this.nanoTime = nanoTime;
    }

    @Override
    public int bytesToIdentifyConnection() {
        return http1.bytesToIdentifyConnection();
    }

    @Override
    public Support supports(BufferData data) {
        return http1.supports(data);
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        SocketChannel channel = accepted.claim(ctx.remotePeer().address(), ctx.localPeer().address());
        RequestClock clock = new RequestClock(limits, nanoTime);
        DataReader helidonReader = ctx.dataReader();
        byte[] alreadyRead = helidonReader.available() == 0 ? new byte[0] : helidonReader.readBytes(helidonReader.available());
        GuardedReads reads = new GuardedReads(ctx.serverSocket(), channel.socket(), clock, accepted.events(), alreadyRead);
        TimedWrites writes = new TimedWrites(ctx.dataWriter(),
                new WriteWatch(channel, writeTimeouts, limits, nanoTime, accepted.events()));
        return http1.connection(new GuardedContext(ctx, DataReader.create(reads), writes, clock));
    }
}
