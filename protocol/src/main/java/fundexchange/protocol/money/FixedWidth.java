package fundexchange.protocol.money;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Price} component written in {@link FixedWidthPrice}'s form, so a document holding a sealed price has
 * the same length whatever the price (CONTRACTS.md 12). The journal codec and the engine's canonical writer both
 * honour it; readers parse the value as any decimal.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface FixedWidth {
}
