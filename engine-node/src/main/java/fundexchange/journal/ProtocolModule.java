package fundexchange.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import fundexchange.protocol.JsonShape;
import fundexchange.protocol.money.FixedWidth;
import fundexchange.protocol.money.FixedWidthPrice;
import fundexchange.protocol.money.Price;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * The protocol's JSON shape ({@link JsonShape}) for Jackson, since the protocol module carries no Jackson annotation:
 * the {@link JsonShape#TYPED} interfaces get a {@value JsonShape#TYPE_PROPERTY} property naming each permitted record,
 * the {@link JsonShape#DECIMALS} are written by {@code toString()} and read by {@code of(BigDecimal)}, and a
 * {@link FixedWidth} price is written by {@link FixedWidthPrice}. {@link JournalCodec}'s mappers, and every mapper
 * copied from them, carry it.
 */
final class ProtocolModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    ProtocolModule() {
        super("fundexchange-protocol", Version.unknownVersion());
        for (Class<?> typed : JsonShape.TYPED) {
            setMixInAnnotation(typed, Typed.class);
            registerPermitted(typed);
        }
        for (Class<?> decimal : JsonShape.DECIMALS) {
            setMixInAnnotation(decimal, Decimal.class);
        }
    }

    private void registerPermitted(Class<?> sealed) {
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                registerPermitted(permitted);
            } else {
                registerSubtypes(new NamedType(permitted, JsonShape.typeName(permitted)));
            }
        }
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new FixedWidthPrices());
    }

    /** The mix-in of a typed interface. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = JsonShape.TYPE_PROPERTY)
    private interface Typed {
    }

    /** The mix-in of a fixed-point value: matched by name and parameters to its {@code of(BigDecimal)} and {@code toString()}. */
    private abstract static class Decimal {
        @JsonCreator
        static Object of(BigDecimal value) {
            throw new UnsupportedOperationException("a mix-in");
        }

        @JsonValue
        @Override
        public abstract String toString();
    }

    /** Gives every {@link FixedWidth} member the fixed-width serializer. */
    private static final class FixedWidthPrices extends NopAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public Object findSerializer(Annotated member) {
            return member.hasAnnotation(FixedWidth.class) ? FixedWidthSerializer.class : null;
        }
    }

    /** Writes a {@link Price} as {@link FixedWidthPrice#format}. */
    static final class FixedWidthSerializer extends StdSerializer<Price> {
        private static final long serialVersionUID = 1L;

        FixedWidthSerializer() {
            super(Price.class);
        }

        @Override
        public void serialize(Price value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(FixedWidthPrice.format(value));
        }
    }
}
