package fundexchange.protocol.event;

/**
 * A fact the engine has decided. Events are the only way state changes, in the engine and in every projection. Written
 * with a {@code type} field ({@link fundexchange.protocol.JsonShape}).
 *
 * <p>Every event belongs to exactly one group by concern. A reader that cares about some groups switches over the
 * groups, then exhaustively over the members of those it cares about, never with a {@code default} branch: a new event
 * joins one group, and the compiler names every switch that must decide about it (issue 17).
 */
public sealed interface Event permits KeyEvent, ParticipantEvent, PlatformEvent, HoldingEvent, ListingEvent, TradeEvent,
        BookEvent, IntentEvent, StateOwnedEvent, DocumentEvent, CashEvent {
}
