package fundexchange.protocol;

import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.SensitiveAction;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.util.List;
import java.util.Optional;

/**
 * How protocol values look in JSON (docs/journal-format.md), stated once with the JDK only: the journal codec (module
 * engine-node, through Jackson) and the engine's canonical writer ({@code CanonicalJson}, for the state hash) both
 * follow it. Records are objects of their components in alphabetical order, absent (null) values left out; a record
 * of a {@link #TYPED} interface starts with {@value #TYPE_PROPERTY}, its {@link #typeName}; the {@link #DECIMALS}
 * are their exact decimal strings ({@code toString()}, read by {@code of(BigDecimal)}); a
 * {@link fundexchange.protocol.money.FixedWidth} price is written fixed-width.
 */
public final class JsonShape {
    /** The property that names a typed value's record. */
    public static final String TYPE_PROPERTY = "type";
    /**
     * The sealed interfaces whose records carry {@value #TYPE_PROPERTY}; their permitted records are the subtypes. A
     * record's simple name is its {@value #TYPE_PROPERTY}, so it is unique across every one of them ({@code
     * JsonShapeTest}). A mechanism's terms are typed values too (rules version 11), so that a body's {@code terms}
     * decodes by its {@value #TYPE_PROPERTY}.
     */
    public static final List<Class<?>> TYPED = List.of(Command.class, SensitiveAction.class, Event.class,
            ListingMechanism.ListingTerms.class, ListingMechanism.BidTerms.class);
    /** The fixed-point values written as exact decimal strings such as {@code "1250.00"}. */
    public static final List<Class<?>> DECIMALS = List.of(Money.class, Units.class, Price.class, Multiple.class);

    private JsonShape() {
    }

    /** The name {@value #TYPE_PROPERTY} carries for {@code type}: its simple name. */
    public static String typeName(Class<?> type) {
        return type.getSimpleName();
    }

    /** The {@link #TYPED} interface {@code type} implements, if any. */
    public static Optional<Class<?>> typedInterface(Class<?> type) {
        return TYPED.stream().filter(typed -> typed.isAssignableFrom(type)).findFirst();
    }
}
