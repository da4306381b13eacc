package org.jqsi.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.Admission;
import org.jqsi.core.model.Audience;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.EditionFormat;
import org.jqsi.core.model.Geo;
import org.jqsi.core.model.Involvement;
import org.jqsi.core.model.Link;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.Origin;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.PartnerKind;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Person;
import org.jqsi.core.model.PersonRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Price;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.RegionalCoordinator;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.model.Theme;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.json.internal.ProgramMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published JSON Schema and the reader agree: checked with an independent validator (networknt), on the sample,
 * on files the writer writes, and on broken files; and the schema names exactly the properties the code maps.
 */
class ProgramSchemaTest {

    private static final ObjectMapper TREES = new ObjectMapper();
    private static JsonSchema schema;
    private static ProgramReader reader;

    @BeforeAll
    static void load() throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        try (InputStream in = ProgramSchema.open()) {
            schema = factory.getSchema(in);
        }
        reader = new ProgramReader(new ProgramValidator());
    }

    private static Set<ValidationMessage> schemaErrors(String json) throws Exception {
        return schema.validate(TREES.readTree(json));
    }

    private static JsonNode schemaTree() throws Exception {
        return TREES.readTree(ProgramSchema.text());
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() throws Exception {
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(metaSchema.validate(schemaTree())).isEmpty();
        assertThat(schemaTree().get("$id").asText()).isEqualTo(ProgramSchema.ID);
    }

    @Test
    void theShippedSampleFileIsValid() throws Exception {
        String sample;
        try (InputStream in = ProgramFileSource.class.getResourceAsStream(ProgramFileSource.SAMPLE_RESOURCE)) {
            sample = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        assertThat(schemaErrors(sample)).isEmpty();
        assertThat(TREES.readTree(sample).get("$schema").asText()).isEqualTo(ProgramSchema.ID);
    }

    @Test
    void filesTheWriterWritesAreValid() throws Exception {
        assertThat(schemaErrors(ProgramWriter.forFiles().toJson(TestPrograms.everyPart()))).isEmpty();
        assertThat(schemaErrors(ProgramWriter.forWeb().toJson(SampleProgram.data()))).isEmpty();
        assertThat(schemaErrors(ProgramWriter.forWeb().toJson(TestPrograms.generated(500)))).isEmpty();
    }

    /** Each definition of the schema and the Java type the format maps it to. */
    private static final Map<String, Class<?>> DEFINITIONS = new LinkedHashMap<>();

    static {
        DEFINITIONS.put("edition", Edition.class);
        DEFINITIONS.put("theme", Theme.class);
        DEFINITIONS.put("regionalCoordinator", RegionalCoordinator.class);
        DEFINITIONS.put("partner", Partner.class);
        DEFINITIONS.put("person", Person.class);
        DEFINITIONS.put("involvement", Involvement.class);
        DEFINITIONS.put("activity", Activity.class);
        DEFINITIONS.put("timed", Schedule.Timed.class);
        DEFINITIONS.put("window", Schedule.Window.class);
        DEFINITIONS.put("tba", Schedule.ToBeAnnounced.class);
        DEFINITIONS.put("venue", Place.Venue.class);
        DEFINITIONS.put("online", Place.Online.class);
        DEFINITIONS.put("hybrid", Place.Hybrid.class);
        DEFINITIONS.put("address", Address.class);
        DEFINITIONS.put("geo", Geo.class);
        DEFINITIONS.put("registration", Registration.class);
        DEFINITIONS.put("admission", Admission.class);
        DEFINITIONS.put("price", Price.class);
        DEFINITIONS.put("link", Link.class);
        DEFINITIONS.put("origin", Origin.class);
        DEFINITIONS.put("localizedText", LocalizedText.class);
    }

    @Test
    void everyDefinitionHasExactlyThePropertiesTheCodeMaps() throws Exception {
        ObjectMapper mapper = ProgramMapper.create();
        JsonNode defs = schemaTree().get("$defs");
        for (Map.Entry<String, Class<?>> definition : DEFINITIONS.entrySet()) {
            Set<String> mapped = new TreeSet<>();
            for (BeanPropertyDefinition property : mapper.getSerializationConfig()
                    .introspect(mapper.constructType(definition.getValue())).findProperties()) {
                mapped.add(property.getName());
            }
            if (Schedule.class.isAssignableFrom(definition.getValue())
                    || Place.class.isAssignableFrom(definition.getValue())) {
                mapped.add("type");
            }
            Set<String> inSchema = new TreeSet<>();
            defs.get(definition.getKey()).get("properties").fieldNames().forEachRemaining(inSchema::add);

            assertThat(inSchema).as("properties of $defs/%s", definition.getKey()).isEqualTo(mapped);
        }
    }

    @Test
    void everyEnumListsExactlyTheValuesTheCodeWrites() throws Exception {
        JsonNode defs = schemaTree().get("$defs");
        Map<String, Class<? extends Enum<?>>> enums = new LinkedHashMap<>();
        enums.put("activityKind", ActivityKind.class);
        enums.put("audience", Audience.class);
        enums.put("editionFormat", EditionFormat.class);
        enums.put("onlinePlatform", OnlinePlatform.class);
        enums.put("partnerKind", PartnerKind.class);
        enums.put("partnerRole", PartnerRole.class);
        enums.put("personRole", PersonRole.class);
        enums.put("status", Status.class);
        ObjectMapper mapper = ProgramMapper.create();
        for (Map.Entry<String, Class<? extends Enum<?>>> e : enums.entrySet()) {
            List<String> written = new ArrayList<>();
            for (Enum<?> constant : e.getValue().getEnumConstants()) {
                written.add(mapper.convertValue(constant, String.class));
            }
            assertThat(texts(defs.get(e.getKey()).get("enum"))).as("$defs/%s", e.getKey()).isEqualTo(written);
        }
        List<String> codes = new ArrayList<>();
        for (Region region : Region.values()) {
            codes.add(region.code());
        }
        assertThat(texts(defs.get("region").get("enum"))).isEqualTo(codes);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /**
     * Breaks a file that uses every part of the format in every way that is about its shape: each property left out,
     * each value replaced by one of another JSON type, an unknown property added to each object. For each broken
     * file, the schema rejects it exactly when the reader rejects it with a JSON error (the reader also runs the
     * core's validator, whose rules a schema cannot express, so its other errors do not count here).
     */
    @Test
    void theSchemaAndTheReaderAgreeOnEveryBrokenShape() throws Exception {
        ObjectNode file = (ObjectNode) TREES.readTree(ProgramWriter.forWeb().toJson(TestPrograms.everyPart()));
        List<String> disagreements = new ArrayList<>();
        int[] cases = {0};
        mutations(file, "", mutated -> {
            cases[0]++;
            try {
                String json = TREES.writeValueAsString(mutated.file());
                boolean schemaRejects = !schemaErrors(json).isEmpty();
                boolean readerRejects = readerRejectsAsJson(json);
                if (schemaRejects != readerRejects) {
                    disagreements.add(mutated.description() + ": schema " + (schemaRejects ? "rejects" : "accepts")
                            + ", reader " + (readerRejects ? "rejects" : "accepts"));
                }
            } catch (Exception e) {
                throw new AssertionError(mutated.description(), e);
            }
        });

        assertThat(cases[0]).as("broken files tried").isGreaterThan(300);
        assertThat(disagreements).isEmpty();
    }

    private static boolean readerRejectsAsJson(String json) {
        try {
            reader.read(json, "mutated.json");
            return false;
        } catch (ProgramLoadException e) {
            return e.report().problems().stream().map(Problem::code).anyMatch(code -> code.startsWith("json."));
        }
    }

    private record Mutation(String description, JsonNode file) {
    }

    /** Calls {@code check} with each mutation of the node at {@code path} in {@code root}, and recurses. */
    private static void mutations(ObjectNode root, String path, Consumer<Mutation> check) {
        JsonNode node = path.isEmpty() ? root : root.at(path);
        if (node.isObject()) {
            ObjectNode withExtra = root.deepCopy();
            ((ObjectNode) (path.isEmpty() ? withExtra : withExtra.at(path))).put("unexpected", 1);
            check.accept(new Mutation(path + "/unexpected added", withExtra));
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                ObjectNode without = root.deepCopy();
                ((ObjectNode) (path.isEmpty() ? without : without.at(path))).remove(name);
                check.accept(new Mutation(path + "/" + name + " removed", without));

                ObjectNode retyped = root.deepCopy();
                ObjectNode parent = (ObjectNode) (path.isEmpty() ? retyped : retyped.at(path));
                parent.set(name, otherType(parent.get(name)));
                check.accept(new Mutation(path + "/" + name + " of another type", retyped));

                mutations(root, path + "/" + escape(name), check);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                mutations(root, path + "/" + i, check);
            }
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode otherType(JsonNode value) {
        if (value.isTextual()) {
            return IntNode.valueOf(7);
        }
        if (value.isNumber() || value.isBoolean()) {
            return TextNode.valueOf(value.asText());
        }
        if (value.isArray()) {
            return JsonNodeFactory.instance.objectNode();
        }
        return TextNode.valueOf("x");
    }

    @Test
    void brokenFilesAreRejectedByTheSchemaAndTheReader() throws Exception {
        String valid = ProgramWriter.forFiles().toJson(TestPrograms.everyPart());
        Map<String, String> broken = new LinkedHashMap<>();
        broken.put("an unknown kind", valid.replace("\"kind\": \"concert\"", "\"kind\": \"gala\""));
        broken.put("a date not in ISO 8601", valid.replace("\"2021-11-01\"", "\"1 novembre 2021\""));
        broken.put("a time with an offset", valid.replace("\"2021-11-06T20:00\"", "\"2021-11-06T20:00-04:00\""));
        broken.put("an offset for a zone", valid.replace("\"zone\": \"America/Toronto\"", "\"zone\": \"-04:00\""));
        broken.put("a region by name", valid.replace("\"region\": \"04\"", "\"region\": \"Mauricie\""));
        broken.put("a language in words", valid.replace("\"fr-CA\"", "\"français\""));
        broken.put("an unknown schedule type", valid.replace("\"type\": \"timed\"", "\"type\": \"allday\""));
        broken.put("a typed venue inside a hybrid place", valid.replace("\"venue\": {", "\"venue\": {\"type\": \"venue\","));
        broken.put("another format version", valid.replace("\"formatVersion\": 1", "\"formatVersion\": 2"));
        broken.put("a price in a string", valid.replace("\"amount\": 15.00", "\"amount\": \"15.00\""));
        broken.put("a missing zone", valid.replace(",\n        \"zone\": \"America/Toronto\"", ""));
        for (Map.Entry<String, String> file : broken.entrySet()) {
            assertThat(file.getValue()).as(file.getKey()).isNotEqualTo(valid);
            assertThat(schemaErrors(file.getValue())).as("schema on " + file.getKey()).isNotEmpty();
            assertThat(readerRejectsAsJson(file.getValue())).as("reader on " + file.getKey()).isTrue();
        }
    }
}
