package fundexchange.protocol.command.spec;

/**
 * One field of a write's body: its JSON name (the record component's), its grammar, whether it may be left out (or
 * sent as {@code null}), and whether {@code null} is allowed at all (not for a primitive, which has a default).
 */
public record BodyField(String name, FieldKind kind, boolean required, boolean nullable) {
}
