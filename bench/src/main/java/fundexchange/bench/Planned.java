package fundexchange.bench;

import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.SignedRequest;

/**
 * One command of a benchmark mix and the outcome the engine must give it: {@code reason} is the reject code's name
 * for {@link Expect#REJECTED}. {@code request} is absent for unsigned commands.
 */
record Planned(String label, Expect expect, String reason, SignedRequest request, Command command) {
    /** The outcome histogram's classes: a Tick is counted apart from the other accepted commands. */
    enum Expect { ACCEPTED, REJECTED, DUPLICATE, TICK }

    Planned(Expect expect, String reason, SignedRequest request, Command command) {
        this(labelOf(command, expect, reason), expect, reason, request, command);
    }

    /** The class an event document falls in. */
    static Expect classOf(EventDocument document, Command command) {
        return switch (document.outcome().status()) {
            case ACCEPTED -> command instanceof Tick ? Expect.TICK : Expect.ACCEPTED;
            case REJECTED -> Expect.REJECTED;
            case DUPLICATE -> Expect.DUPLICATE;
        };
    }

    /** Whether the engine decided as planned (for a duplicate: a repeat of an accepted outcome). */
    boolean matches(EventDocument document) {
        if (classOf(document, command) != expect) {
            return false;
        }
        return switch (expect) {
            case REJECTED -> reason.equals(document.outcome().reason());
            case DUPLICATE -> document.outcome().status() == OutcomeStatus.DUPLICATE && document.outcome().reason() == null;
            case ACCEPTED, TICK -> true;
        };
    }

    private static String labelOf(Command command, Expect expect, String reason) {
        String type = command.getClass().getSimpleName();
        return switch (expect) {
            case ACCEPTED, TICK -> type;
            case REJECTED -> type + " REJECTED " + reason;
            case DUPLICATE -> type + " DUPLICATE";
        };
    }
}
