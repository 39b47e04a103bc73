package fundexchange.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** Test-side edits of a snapshot by component name, through its canonical constructor, so tests survive new snapshot fields. */
final class SnapshotEdit {
    private SnapshotEdit() {
    }

    /** {@code snapshot} with {@code component} set to {@code value} (a number fits a {@code long} or {@code int} component). */
    static EngineSnapshot with(EngineSnapshot snapshot, String component, Object value) {
        RecordComponent[] components = EngineSnapshot.class.getRecordComponents();
        if (Arrays.stream(components).noneMatch(c -> c.getName().equals(component))) {
            throw new IllegalArgumentException("no snapshot component " + component);
        }
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                values[i] = !c.getName().equals(component) ? c.getAccessor().invoke(snapshot)
                        : c.getType() == long.class ? ((Number) value).longValue()
                        : c.getType() == int.class ? ((Number) value).intValue()
                        : value;
            }
            return EngineSnapshot.class.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(values);
        } catch (IllegalAccessException | InstantiationException | NoSuchMethodException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
