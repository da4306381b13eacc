package org.jqsi.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.jqsi.core.program.ProgramData;
import org.jqsi.core.sample.GeneratedProgram;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.json.ProgramWriter;
import org.junit.jupiter.api.Test;

/**
 * The plain path ({@link PlainRecordDeserializer}) must map a file exactly as databind's ordinary deserializers do,
 * or give up and leave the file to them: never accept what they refuse, never map anything differently.
 */
class PlainPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ProgramFileParser PARSER = new ProgramFileParser(ProgramMapper.create(),
            ProgramMapper.createPlain());
    private static final ProgramValidator VALIDATOR = new ProgramValidator();

    private static ProgramFileParser.Parsed parse(byte[] file, boolean plainFirst) throws IOException {
        try (var p = ProgramMapper.create().getFactory().createParser(file)) {
            return PARSER.parse(p, new JsonProblems("program.json"), VALIDATOR.begin(), plainFirst);
        }
    }

    @Test
    void aProgramWithoutProblemsIsMappedOnThePlainPathAsDatabindMapsIt() throws IOException {
        for (ProgramData program : List.of(SampleProgram.data(), GeneratedProgram.of(3_000, 5))) {
            byte[] file = ProgramWriter.forFiles().toBytes(program);

            ProgramFileParser.Parsed plain = parse(file, true);

            assertThat(plain.ok()).as("read on the plain path, not again").isTrue();
            assertThat(plain.data()).isEqualTo(parse(file, false).data()).isEqualTo(program);
        }
    }

    /** Jackson buffers what comes before a schedule's or place's "type": the plain path then reads the buffer. */
    @Test
    void aTypeAfterTheOtherPropertiesIsReadOnThePlainPathToo() throws IOException {
        ObjectNode file = (ObjectNode) JSON.readTree(ProgramWriter.forFiles().toBytes(GeneratedProgram.of(200, 9)));
        for (JsonNode activity : file.withArray("activities")) {
            for (String part : List.of("schedule", "place")) {
                if (activity.get(part) instanceof ObjectNode typed && typed.has("type")) {
                    typed.set("type", typed.remove("type"));
                }
            }
        }
        byte[] typeLast = JSON.writeValueAsBytes(file);
        assertThat(new String(typeLast)).contains("\"zone\":\"America/Toronto\",\"type\":\"timed\"");

        ProgramFileParser.Parsed plain = parse(typeLast, true);

        assertThat(plain.ok()).isTrue();
        assertThat(plain.data()).isEqualTo(parse(typeLast, false).data())
                .isEqualTo(GeneratedProgram.of(200, 9));
    }

    @Test
    void anActivityThatIsNotPlainLeavesTheFileToDatabind() throws IOException {
        ObjectNode file = (ObjectNode) JSON.valueToTree(JSON.readTree(ProgramWriter.forFiles()
                .toBytes(SampleProgram.data())));
        ((ObjectNode) file.withArray("activities").get(1)).putNull("description");

        ProgramFileParser.Parsed plain = parse(JSON.writeValueAsBytes(file), true);

        assertThat(plain.readAgainInOrder()).isTrue();
        assertThat(plain.problems()).isEmpty();
    }

    /**
     * Generated files with one activity changed at random (a property removed, set to null, to a number, to text, to
     * an empty object or array, or an unknown one added, at any depth): either both paths give the same program, or
     * the plain path gives up.
     */
    @Test
    void aChangedActivityIsMappedAlikeOrLeftToDatabind() throws IOException {
        byte[] generated = ProgramWriter.forFiles().toBytes(GeneratedProgram.of(60, 3));
        Random random = new Random(42);
        int plainlyRead = 0;
        int leftToDatabind = 0;
        for (int round = 0; round < 1_000; round++) {
            ObjectNode file = (ObjectNode) JSON.readTree(generated);
            ArrayNode activities = file.withArray("activities");
            change((ObjectNode) activities.get(random.nextInt(activities.size())), random);
            byte[] changed = JSON.writeValueAsBytes(file);

            ProgramFileParser.Parsed plain = parse(changed, true);
            ProgramFileParser.Parsed ordinary = parse(changed, false);

            if (plain.readAgainInOrder()) {
                leftToDatabind++;
            } else {
                plainlyRead++;
                assertThat(plain.ok()).as("round %d: %s", round, new String(changed)).isEqualTo(ordinary.ok());
                assertThat(plain.data()).as("round %d", round).isEqualTo(ordinary.data());
            }
        }
        assertThat(plainlyRead).isGreaterThan(100);
        assertThat(leftToDatabind).isGreaterThan(100);
    }

    private static void change(ObjectNode activity, Random random) {
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(activity, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() || random.nextInt(8) == 0 ? "inconnu" : names.get(random.nextInt(names.size()));
        switch (random.nextInt(7)) {
            case 0 -> target.remove(name);
            case 1 -> target.putNull(name);
            case 2 -> target.put(name, random.nextInt(3) - 1);
            case 3 -> target.put(name, "x");
            case 4 -> target.putObject(name);
            case 5 -> target.putArray(name);
            default -> target.put(name, 1.5);
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            collectObjects(children.next(), into);
        }
    }
}
