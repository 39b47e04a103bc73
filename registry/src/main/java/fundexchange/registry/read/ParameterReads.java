package fundexchange.registry.read;

import static fundexchange.registry.schema.Tables.PLATFORM_PARAMETERS;

import fundexchange.protocol.reference.PlatformParameters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;

/** The platform parameters in force: the documented defaults, overlaid with every approved change. */
public final class ParameterReads {
    private final DSLContext dsl;

    ParameterReads(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every parameter by name. */
    public List<ParameterView> inForce() {
        Map<String, ParameterView> byName = new TreeMap<>();
        PlatformParameters.DEFAULTS.values().forEach((name, value) -> byName.put(name, new ParameterView(name, value, 0)));
        dsl.selectFrom(PLATFORM_PARAMETERS)
                .forEach(r -> byName.put(r.getName(), new ParameterView(r.getName(), r.getValue(), r.getSetAtIndex())));
        return List.copyOf(byName.values());
    }
}
