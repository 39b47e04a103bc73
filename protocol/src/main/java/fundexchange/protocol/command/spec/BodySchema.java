package fundexchange.protocol.command.spec;

import java.util.List;
import java.util.Optional;

/** The fields of a JSON object in a write's body, in the record's component order; {@code name} is the record's. */
public record BodySchema(String name, List<BodyField> fields) {
    public BodySchema {
        fields = List.copyOf(fields);
    }

    /** The field called {@code name}, if any. */
    public Optional<BodyField> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }
}
