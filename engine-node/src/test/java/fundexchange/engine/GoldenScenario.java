package fundexchange.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.journal.JournalCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One golden scenario file: a description, where its time starts (or the prelude scenario it continues), and its
 * steps. The format is documented in src/test/resources/golden/README.md.
 */
record GoldenScenario(Path file, ObjectNode root, List<GoldenStep> steps) {
    private static final Set<String> FIELDS = Set.of("description", "prelude", "start", "rulesVersion", "steps");

    static GoldenScenario read(Path file) throws IOException {
        String name = file.getFileName().toString();
        JsonNode tree = JournalCodec.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        if (!(tree instanceof ObjectNode root) || !root.path("steps").isArray() || root.get("steps").isEmpty()) {
            throw new IllegalArgumentException(name + ": a scenario is an object with a non-empty 'steps' array");
        }
        root.properties().forEach(member -> {
            if (!FIELDS.contains(member.getKey())) {
                throw new IllegalArgumentException(name + ": unknown field '" + member.getKey() + "'");
            }
        });
        if (root.has("prelude") == root.has("start")) {
            throw new IllegalArgumentException(name + ": give either 'start' (a first scenario) or 'prelude' (a continuation)");
        }
        if (root.has("rulesVersion") && (!root.has("prelude") || !root.get("rulesVersion").isInt())) {
            throw new IllegalArgumentException(name + ": 'rulesVersion' is an integer, for a continuation of a prelude");
        }
        List<GoldenStep> steps = new ArrayList<>();
        for (JsonNode step : root.get("steps")) {
            if (!(step instanceof ObjectNode object)) {
                throw new IllegalArgumentException(name + " step " + (steps.size() + 1) + ": a step is an object");
            }
            steps.add(new GoldenStep(name, steps.size() + 1, object));
        }
        return new GoldenScenario(file, root, List.copyOf(steps));
    }

    String name() {
        return file.getFileName().toString();
    }

    /** Epoch ms of the first step of a scenario without a prelude. */
    long start() {
        return GoldenStep.instant(root.get("start"), "start");
    }

    /**
     * The rules version the prelude's genesis is run under instead of its own, so a scenario can show a rule of a later
     * version on a shared prelude (whose own documents its own file checks).
     */
    Optional<Integer> rulesVersion() {
        return Optional.ofNullable(root.get("rulesVersion")).map(JsonNode::asInt);
    }

    Optional<String> prelude() {
        return Optional.ofNullable(root.get("prelude")).map(JsonNode::asText);
    }

    /** The preludes this scenario continues, outermost first (a prelude may have its own prelude). */
    List<GoldenScenario> preludes() throws IOException {
        List<GoldenScenario> chain = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(List.of(name()));
        Optional<String> next = prelude();
        while (next.isPresent()) {
            if (!seen.add(next.get())) {
                throw new IllegalArgumentException(name() + ": prelude cycle " + seen + " -> " + next.get());
            }
            GoldenScenario prelude = read(file.resolveSibling(next.get()));
            chain.addFirst(prelude);
            next = prelude.prelude();
        }
        return chain;
    }

    void write() throws IOException {
        Files.writeString(file, GoldenJson.pretty(root), StandardCharsets.UTF_8);
    }
}
