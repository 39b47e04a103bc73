package fundexchange.gateway;

import fundexchange.gateway.audit.Checkpointer;
import fundexchange.gateway.view.GatewayView;
import fundexchange.registry.audit.AuditQueries;
import fundexchange.registry.read.RegistryReads;
import fundexchange.registry.tail.TailLoop;
import fundexchange.runner.EngineRunner;
import fundexchange.sequencer.Sequencer;
import java.util.Optional;

/**
 * What the gateway talks to: the write path, its read models, and the node's health. {@code projector} and
 * {@code auditTailer} are the projections behind {@code registry} and {@code auditRecords}, whose watermarks a read's
 * {@code minIndex} waits for. {@code dataRoom} admits, stores and watermarks the data room's documents.
 */
public record GatewayServices(Sequencer sequencer, GatewayView view, RegistryReads registry, EngineRunner engine,
                              Checkpointer checkpointer, AuditQueries auditRecords, TailLoop projector,
                              TailLoop auditTailer, fundexchange.gateway.dataroom.DataRoomFiles dataRoom) {

    /**
     * What the data room's upload sweeps may treat as unregistered: only digests the registry does not name once it has
     * projected every command journaled so far. While it lags (a rebuild, a restart catching up, a halted projector)
     * every digest counts as registered, so no stored document a room names is ever removed on a lagging projection. A
     * registration in flight refreshed its upload's marker when it was checked, so the sweep's age limit keeps it.
     */
    public java.util.function.Predicate<String> dataRoomRegisteredOrUnknown() {
        boolean caughtUp = projector.watermark() >= sequencer.lastIndex();
        return digest -> !caughtUp || registry.dataRooms().registered(digest);
    }

    /** Why writes must be refused now, if they must: a halted engine or sequencer, or a stale view. */
    public Optional<String> writeProblem() {
        if (engine.failure().isPresent()) {
            return Optional.of("the engine has halted; an operator must intervene");
        }
        if (!sequencer.running()) {
            return Optional.of("the sequencer has stopped; an operator must intervene");
        }
        if (sequencer.halted()) {
            return Optional.of("the sequencer is halted by a clock jump until an operator acknowledges it");
        }
        return readProblem();
    }

    /** Why reads must be refused now, if they must: a view that stopped following the journal has stale keys. */
    public Optional<String> readProblem() {
        return view.failure().map(f -> "the gateway's read model has halted; an operator must intervene");
    }
}
