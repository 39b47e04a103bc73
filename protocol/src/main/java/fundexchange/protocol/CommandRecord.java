package fundexchange.protocol;

import fundexchange.protocol.command.Command;

/**
 * One record of the command journal. {@code index} is the dense journal index (1, 2, 3, ...) and {@code time} the
 * sequencer's epoch-millisecond time, never decreasing in journal order. {@code request} is absent only for the
 * unsigned commands of CONTRACTS.md 15.
 */
public record CommandRecord(int version, long index, long time, SignedRequest request, Command command) {
    public static final int VERSION = 1;

    public static CommandRecord signed(long index, long time, SignedRequest request, Command command) {
        return new CommandRecord(VERSION, index, time, request, command);
    }

    public static CommandRecord unsigned(long index, long time, Command command) {
        return new CommandRecord(VERSION, index, time, null, command);
    }

    public String participant() {
        return request == null ? null : request.participant();
    }

    public String clientRequestId() {
        return request == null ? null : request.clientRequestId();
    }
}
