package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.command.spec.BodyField;
import fundexchange.protocol.command.spec.BodySchema;
import fundexchange.protocol.command.spec.CommandSpec;
import fundexchange.protocol.command.spec.CommandSpecs;
import fundexchange.protocol.command.spec.Endpoint;
import fundexchange.protocol.command.spec.FieldKind;
import fundexchange.protocol.command.spec.PathParameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/openapi.yaml (the served document) says of every command what its specification says: the same method and
 * path, the same path parameters, the same body fields (nothing extra), their JSON types, the required list where
 * the document gives one, and the narrower text grammars; a choice documented as {@code oneOf} (a mechanism's terms)
 * names the specified variants in order, with {@code discriminator: type}, each variant's schema its fields; and it
 * documents no other write.
 */
class OpenApiCommandSpecTest {
    /**
     * The writes of {@link Routes} that are not commands: reads that act (checkpoint now, snapshot, clock), and the data
     * room's upload, which stores bytes and journals nothing.
     */
    private static final Set<String> NOT_COMMANDS = Set.of("/audit/checkpoints", "/ops/snapshot", "/ops/clock/acknowledge",
            "/documents");

    /**
     * Choices documented as a plain object ({@code command.field}), each for its reason: {@code Propose.action} is any
     * proposable command, a choice of dozens whose schemas the document does not repeat (docs/api.md lists them).
     */
    private static final Set<String> OPEN_CHOICES = Set.of("Propose.action");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    private static Map<String, Object> document() {
        return map(new Yaml().load(new String(OpenApiDocument.load(), StandardCharsets.UTF_8)));
    }

    @Test
    void everyCommandSpecificationIsTheDocumentedOperation() {
        Map<String, Object> paths = map(document().get("paths"));
        List<String> differences = new ArrayList<>();
        for (CommandSpec spec : CommandSpecs.endpoints()) {
            Endpoint endpoint = spec.endpoint().orElseThrow();
            String where = endpoint.method() + " " + endpoint.path() + " (" + spec.name() + ")";
            Map<String, Object> operation = map(map(paths.get(endpoint.path())).get(endpoint.method().toLowerCase(Locale.ROOT)));
            if (operation.isEmpty()) {
                differences.add(where + ": not documented");
                continue;
            }
            Set<String> documentedParameters = new TreeSet<>();
            for (Object parameter : list(operation.get("parameters"))) {
                if ("path".equals(map(parameter).get("in"))) {
                    documentedParameters.add((String) map(parameter).get("name"));
                }
            }
            Set<String> parameters = new TreeSet<>(endpoint.parameters().stream().map(PathParameter::name).toList());
            if (!parameters.equals(documentedParameters)) {
                differences.add(where + ": path parameters " + documentedParameters + ", specified " + parameters);
            }
            Map<String, Object> schema = map(map(map(map(operation.get("requestBody")).get("content"))
                    .get("application/json")).get("schema"));
            Map<String, Object> properties = map(schema.get("properties"));
            List<String> fields = endpoint.body().fields().stream().map(BodyField::name).toList();
            if (!new TreeSet<>(fields).equals(new TreeSet<>(properties.keySet()))) {
                differences.add(where + ": body fields " + new TreeSet<>(properties.keySet()) + ", specified " + new TreeSet<>(fields));
            }
            if (schema.containsKey("required")) {
                Set<String> required = new TreeSet<>(endpoint.body().fields().stream().filter(BodyField::required)
                        .map(BodyField::name).toList());
                if (!required.equals(new TreeSet<>(list(schema.get("required")).stream().map(String::valueOf).toList()))) {
                    differences.add(where + ": required " + schema.get("required") + ", specified " + required);
                }
            }
            fieldDifferences(endpoint.body().fields(), properties, where, "", differences);
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void theDocumentHasNoWriteWithoutASpecification() {
        Set<String> specified = new LinkedHashSet<>();
        CommandSpecs.endpoints().forEach(spec -> specified.add(spec.endpoint().orElseThrow().method() + " "
                + spec.endpoint().orElseThrow().path()));
        Set<String> extra = new TreeSet<>();
        map(document().get("paths")).forEach((path, item) -> map(item).keySet().forEach(method -> {
            String operation = method.toUpperCase(Locale.ROOT) + " " + path;
            if (!method.equals("get") && !NOT_COMMANDS.contains(path) && !specified.contains(operation)) {
                extra.add(operation);
            }
        }));
        assertEquals(Set.of(), extra);
    }

    /** The fields' documented kinds, and the fields of a nested object where the document lists its properties. */
    private static void fieldDifferences(List<BodyField> fields, Map<String, Object> properties, String where,
                                         String prefix, List<String> differences) {
        for (BodyField field : fields) {
            Map<String, Object> property = map(properties.get(field.name()));
            kindDifference(field.kind(), property).ifPresent(difference -> differences.add(where + ": field " + prefix
                    + field.name() + " " + difference));
            if (field.kind() instanceof FieldKind.OneOf oneOf) {
                differences.addAll(oneOfDifferences(oneOf, property, schemas(document()), where, prefix + field.name()));
            }
            FieldKind kind = field.kind() instanceof FieldKind.ListOf list ? list.element() : field.kind();
            Map<String, Object> nested = field.kind() instanceof FieldKind.ListOf ? map(property.get("items")) : property;
            if (kind instanceof FieldKind.ObjectOf object && nested.containsKey("properties")) {
                Map<String, Object> documented = map(nested.get("properties"));
                Set<String> specified = new TreeSet<>(object.schema().fields().stream().map(BodyField::name).toList());
                if (!specified.equals(new TreeSet<>(documented.keySet()))) {
                    differences.add(where + ": fields of " + prefix + field.name() + " " + new TreeSet<>(documented.keySet())
                            + ", specified " + specified);
                }
                fieldDifferences(object.schema().fields(), documented, where, prefix + field.name() + ".", differences);
            }
        }
    }

    /**
     * A choice must be documented as a {@code oneOf}: its variants' names in order, the discriminator, each variant's
     * schema closed ({@code additionalProperties: false}, as the strict body check refuses any other field) with its
     * fields; but for {@link #OPEN_CHOICES}.
     */
    private static List<String> oneOfDifferences(FieldKind.OneOf oneOf, Map<String, Object> property,
                                                 Map<String, Object> schemas, String where, String name) {
        List<String> differences = new ArrayList<>();
        if (!property.containsKey("oneOf")) {
            String command = where.substring(where.lastIndexOf('(') + 1, where.length() - 1);
            if (!OPEN_CHOICES.contains(command + "." + name)) {
                differences.add(where + ": " + name + " is a choice of " + oneOf.variants().stream().map(BodySchema::name)
                        .toList() + ", documented without oneOf");
            }
            return differences;
        }
        variantDifferences(oneOf, property, schemas, where, name, differences);
        return differences;
    }

    private static Map<String, Object> schemas(Map<String, Object> document) {
        return map(map(document.get("components")).get("schemas"));
    }

    /** The documented {@code oneOf}: the variants' names in order, the discriminator, each variant's fields. */
    private static void variantDifferences(FieldKind.OneOf oneOf, Map<String, Object> property,
                                           Map<String, Object> schemas, String where, String name,
                                           List<String> differences) {
        List<String> documented = list(property.get("oneOf")).stream()
                .map(variant -> String.valueOf(map(variant).get("$ref")).replaceFirst("^#/components/schemas/", ""))
                .toList();
        List<String> specified = oneOf.variants().stream().map(BodySchema::name).toList();
        if (!documented.equals(specified)) {
            differences.add(where + ": variants of " + name + " " + documented + ", specified " + specified);
            return;
        }
        if (!"type".equals(map(property.get("discriminator")).get("propertyName"))) {
            differences.add(where + ": " + name + " has no discriminator on type");
        }
        for (BodySchema variant : oneOf.variants()) {
            Map<String, Object> schema = map(schemas.get(variant.name()));
            Map<String, Object> properties = new TreeMap<>(map(schema.get("properties")));
            String at = name + "(" + variant.name() + ")";
            if (!Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                differences.add(where + ": " + at + " is not closed (additionalProperties: false)");
            }
            if (!List.of(variant.name()).equals(list(map(properties.remove("type")).get("enum")))) {
                differences.add(where + ": " + at + " has no type enum [" + variant.name() + "]");
            }
            Set<String> fields = new TreeSet<>(variant.fields().stream().map(BodyField::name).toList());
            if (!fields.equals(properties.keySet())) {
                differences.add(where + ": fields of " + at + " " + properties.keySet() + ", specified " + fields);
            }
            Set<String> required = new TreeSet<>(variant.fields().stream().filter(BodyField::required)
                    .map(BodyField::name).toList());
            required.add("type");
            if (!required.equals(new TreeSet<>(list(schema.get("required")).stream().map(String::valueOf).toList()))) {
                differences.add(where + ": required of " + at + " " + schema.get("required") + ", specified " + required);
            }
            fieldDifferences(variant.fields(), properties, where, at + ".", differences);
        }
    }

    /**
     * The check above can fail: {@code ListAuction.terms} documented as a plain object, or with a variant schema left
     * open, is a difference; {@code Propose.action} as a plain object is not.
     */
    @Test
    void aChoiceDocumentedWithoutItsOneOfOrWithAnOpenVariantIsADifference() {
        Map<String, Object> document = document();
        String where = "POST /auctions (ListAuction)";
        Map<String, Object> property = map(map(map(map(map(map(map(map(map(document.get("paths")).get("/auctions"))
                .get("post")).get("requestBody")).get("content")).get("application/json")).get("schema"))
                .get("properties")).get("terms"));
        FieldKind.OneOf terms = (FieldKind.OneOf) field("ListAuction", "terms").kind();
        assertEquals(List.of(), oneOfDifferences(terms, property, schemas(document), where, "terms"));

        assertEquals(List.of(where + ": terms is a choice of [ClockListing], documented without oneOf"),
                oneOfDifferences(terms, Map.of("type", "object"), schemas(document), where, "terms"));
        Map<String, Object> open = new TreeMap<>(schemas(document));
        Map<String, Object> clockListing = new TreeMap<>(map(open.get("ClockListing")));
        clockListing.remove("additionalProperties");
        open.put("ClockListing", clockListing);
        assertEquals(List.of(where + ": terms(ClockListing) is not closed (additionalProperties: false)"),
                oneOfDifferences(terms, property, open, where, "terms"));
        Map<String, Object> noVariant = new TreeMap<>(schemas(document));
        noVariant.remove("ClockListing");
        List<String> missing = oneOfDifferences(terms, property, noVariant, where, "terms");
        assertTrue(missing.contains(where + ": terms(ClockListing) has no type enum [ClockListing]"), missing.toString());

        FieldKind.OneOf action = (FieldKind.OneOf) field("Propose", "action").kind();
        assertEquals(List.of(), oneOfDifferences(action, Map.of("type", "object"), schemas(document),
                "POST /proposals (Propose)", "action"));
    }

    private static BodyField field(String command, String name) {
        return CommandSpecs.endpoints().stream().filter(spec -> spec.name().equals(command)).findFirst().orElseThrow()
                .endpoint().orElseThrow().body().fields().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow();
    }

    /** How the documented property differs from the field's kind, if it does. */
    private static Optional<String> kindDifference(FieldKind kind, Map<String, Object> property) {
        if (property.containsKey("$ref") || property.containsKey("oneOf")) {
            return kind instanceof FieldKind.ObjectOf || kind instanceof FieldKind.OneOf ? Optional.empty()
                    : Optional.of("is a reference, specified " + kind);
        }
        String type = String.valueOf(property.get("type"));
        String expected = switch (kind) {
            case FieldKind.Text text -> "string";
            case FieldKind.Choice choice -> "string";
            case FieldKind.Decimal decimal -> "string";
            case FieldKind.Whole whole -> "integer";
            case FieldKind.Flag flag -> "boolean";
            case FieldKind.ListOf listOf -> "array";
            case FieldKind.ObjectOf object -> "object";
            case FieldKind.OneOf oneOf -> "object";
        };
        if (!expected.equals(type)) {
            return Optional.of("has type " + type + ", specified " + expected);
        }
        if (kind instanceof FieldKind.Text text && text.pattern().isPresent()
                && !text.pattern().get().equals(property.get("pattern"))) {
            return Optional.of("has pattern " + property.get("pattern") + ", specified " + text.pattern().get());
        }
        if (kind instanceof FieldKind.Choice choice && property.containsKey("enum")
                && !choice.values().containsAll(list(property.get("enum")).stream().map(String::valueOf).toList())) {
            return Optional.of("has enum " + property.get("enum") + ", specified " + choice.values());
        }
        if (kind instanceof FieldKind.ListOf listOf) {
            return kindDifference(listOf.element(), map(property.get("items")));
        }
        return Optional.empty();
    }
}
