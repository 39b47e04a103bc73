package fundexchange.ops;

import fundexchange.gateway.ReadLimits;
import picocli.CommandLine.Option;

/** The read-path bounds of {@code serve} and {@code demo} (docs/operations.md, Configuration). */
final class ReadOptions {
    @Option(names = "--min-index-waiters", description = "reads that may wait for a minIndex at once, per source (view,"
            + " registry, audit index); one more is refused with 503 code 135 (default: ${DEFAULT-VALUE})")
    int minIndexWaiters = ReadLimits.DEFAULT_MIN_INDEX_WAITERS;
    @Option(names = "--min-index-waiters-per-participant", description = "reads of one participant that may wait for a"
            + " minIndex at once, over every source; one more is refused with 429 code 138 (default: ${DEFAULT-VALUE})")
    int minIndexWaitersPerParticipant = ReadLimits.DEFAULT_MIN_INDEX_WAITERS_PER_PARTICIPANT;
    @Option(names = "--read-nonces", description = "read nonces remembered within the timestamp window (40 bytes each);"
            + " when all are inside it a new read is refused with 503 code 136 (default: ${DEFAULT-VALUE})")
    int readNonces = ReadLimits.DEFAULT_READ_NONCES;
    @Option(names = "--read-nonce-share-bp", description = "basis points of --read-nonces one participant's nonces may"
            + " hold; beyond it that participant is refused with 429 code 137 (default: ${DEFAULT-VALUE})")
    int readNonceShareBp = ReadLimits.DEFAULT_READ_NONCE_SHARE_BP;
    @Option(names = "--read-nonce-reserve-bp", description = "basis points of --read-nonces kept for ACTIVE staff and"
            + " regulators (default: ${DEFAULT-VALUE})")
    int readNonceReserveBp = ReadLimits.DEFAULT_READ_NONCE_RESERVE_BP;

    /** The bounds these options give; a value out of range is refused with its option's name. */
    ReadLimits limits() {
        return new ReadLimits(minIndexWaiters, readNonces, minIndexWaitersPerParticipant, readNonceShareBp,
                readNonceReserveBp);
    }
}
