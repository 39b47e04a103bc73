package fundexchange.audit.report;

/** One rejected command: who sent it (absent if unsigned), its type, and the engine's code, name and message. */
public record RejectedCommand(long sourceIndex, String time, String participant, String commandType, int code,
                              String reason, String message) {
}
