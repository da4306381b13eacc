package org.jqsi.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.Admission;
import org.jqsi.core.model.Geo;
import org.jqsi.core.model.Link;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.Person;
import org.jqsi.core.model.PersonRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Price;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.sample.GeneratedProgram;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.Problem;
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

    /** Every record an activity can hold, each with all its components, including those a mix-in requires. */
    @Test
    void everyRecordAnActivityHoldsIsReadOnThePlainPath() throws IOException {
        ProgramData generated = GeneratedProgram.of(3, 1);
        Activity full = generated.activities().get(0).toBuilder()
                .schedule(new Schedule.ToBeAnnounced(LocalizedText.of("À l'automne", "In the fall")))
                .place(new Place.Hybrid(new Place.Venue("Salle Émile-Legault",
                        new Address("1, rue Sainte-Ursule", "Trois-Rivières", "G9A 1T2"), new Geo(46.34, -72.54)),
                        new Place.Online(URI.create("https://example.org/direct"), OnlinePlatform.ZOOM, "p1")))
                .people(List.of(new Person("Anne Côté", PersonRole.SPEAKER, LocalizedText.fr("Chercheuse")),
                        Person.of("Luc Gagné", PersonRole.HOST)))
                .links(List.of(new Link(URI.create("https://example.org/programme"), LocalizedText.fr("Programme"))))
                .registration(new Registration(false, URI.create("https://example.org/inscription"), "info@example.org",
                        LocalDate.of(2023, 11, 3)))
                .admission(Admission.paid(new Price(new BigDecimal("12.50"), LocalizedText.fr("Étudiants"))))
                .build();
        ProgramData program = new ProgramData(generated.editions(), generated.partners(), List.of(full));
        byte[] file = ProgramWriter.forFiles().toBytes(program);

        ProgramFileParser.Parsed plain = parse(file, true);

        assertThat(plain.ok()).as("read on the plain path, not again").isTrue();
        assertThat(plain.data()).isEqualTo(program);
    }

    /** Databind reads a missing required boolean or coordinate as an error; the plain path must leave it to it. */
    @Test
    void aRequiredComponentLeftOutLeavesTheFileToDatabind() throws IOException {
        for (String[] leftOut : new String[][] {{"registration", "required"}, {"geo", "latitude"}}) {
            ObjectNode file = (ObjectNode) JSON.readTree(ProgramWriter.forFiles().toBytes(programWithGeo()));
            ObjectNode activity = (ObjectNode) file.withArray("activities").get(0);
            ((ObjectNode) activity.findParent(leftOut[1])).remove(leftOut[1]);
            byte[] changed = JSON.writeValueAsBytes(file);

            assertThat(parse(changed, true).readAgainInOrder()).as(String.join(".", leftOut)).isTrue();
            assertThat(parse(changed, false).problems()).as(String.join(".", leftOut)).isNotEmpty();
        }
    }

    /** A name given twice in any object of an activity: the plain path gives up, and the ordinary one refuses it. */
    @Test
    void aNameGivenTwiceAnywhereInAnActivityLeavesTheFileToDatabind() throws IOException {
        String file = new String(ProgramWriter.forFiles().toBytes(programWithGeo()), StandardCharsets.UTF_8);
        String activities = file.substring(file.indexOf("\"activities\""));
        List<String> names = List.of("\"id\"", "\"fr\"", "\"type\"", "\"start\"", "\"municipality\"",
                "\"latitude\"", "\"partnerId\"", "\"required\"", "\"amount\"", "\"url\"");
        for (String name : names) {
            int at = activities.indexOf(name);
            assertThat(at).as(name).isPositive();
            // Each name and its scalar value are on a line of their own; the copy goes before the original.
            String pair = activities.substring(at, activities.indexOf('\n', at)).replaceAll(",$", "");
            String doubled = file.replace(activities, activities.substring(0, at) + pair + ", "
                    + activities.substring(at));
            byte[] changed = doubled.getBytes(StandardCharsets.UTF_8);

            assertThat(parse(changed, true).readAgainInOrder()).as(pair).isTrue();
            assertThat(parse(changed, false).problems()).as(pair).singleElement()
                    .extracting(Problem::code).isEqualTo(JsonProblems.DUPLICATE);
        }
    }

    private static ProgramData programWithGeo() {
        ProgramData generated = GeneratedProgram.of(3, 1);
        Activity activity = generated.activities().get(0).toBuilder()
                .schedule(Schedule.Timed.at(LocalDateTime.of(2023, 11, 9, 19, 0), ZoneId.of("America/Toronto")))
                .place(new Place.Venue("Salle", new Address(null, "Trois-Rivières", null), new Geo(46.34, -72.54)))
                .registration(Registration.requiredAt(URI.create("https://example.org/inscription")))
                .admission(Admission.paid(new Price(new BigDecimal("5"), null)))
                .build();
        return new ProgramData(generated.editions(), generated.partners(), List.of(activity));
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
