package fundexchange.engine.book;

/** Why a party may not take part in a fill: a stable reject code and a message. */
public record Objection(int code, String reason) {
}
