package org.jqsi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.jqsi.core.model.AccessibilityFeature;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ProgramValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An activity's picture and accessibility features: read, checked, written back, in the schema and in JSON-LD. */
class ImageAndAccessibilityTest {

    private static final ObjectMapper TREES = new ObjectMapper();
    private static ProgramReader reader;
    private static JsonSchema schema;

    @BeforeAll
    static void load() throws Exception {
        reader = new ProgramReader(new ProgramValidator());
        try (InputStream in = ProgramSchema.open()) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static String program(String image, String accessibility) {
        return """
                {
                  "$schema": "https://jqsi.org/schemas/program/1/program.schema.json",
                  "formatVersion": 1,
                  "editions": [{"id": "jqsi-2020", "year": 2020, "start": "2020-11-05", "end": "2020-11-14"}],
                  "partners": [],
                  "activities": [
                    {
                      "id": "film-2020",
                      "editionId": "jqsi-2020",
                      "kind": "screening",
                      "title": {"fr": "Film"},
                      "schedule": {"type": "window", "first": "2020-11-13", "last": "2020-11-14", "zone": "America/Toronto"},
                      "status": "scheduled",
                      "image": %s,
                      "accessibility": %s
                    }
                  ]
                }
                """.formatted(image, accessibility);
    }

    private static final String IMAGE = """
            {"url": "https://images.example.org/film.jpg", "alt": {"fr": "Une famille sur un quai", "en": "A family on a pier"},
             "width": 1200, "height": 675, "credit": "Photo : Les P’tites Vues", "license": "CC BY 4.0"}""";

    @Test
    void readsWritesAndDescribesBoth() throws Exception {
        String json = program(IMAGE, "[\"captions\", \"wheelchair\"]");
        assertThat(schema.validate(TREES.readTree(json))).isEmpty();
        ProgramData data = reader.read(json, "program.json");
        Activity film = data.activities().get(0);
        assertThat(film.image().url()).isEqualTo(URI.create("https://images.example.org/film.jpg"));
        assertThat(film.image().alt().in(Language.EN)).isEqualTo("A family on a pier");
        assertThat(film.image().width()).isEqualTo(1200);
        assertThat(film.accessibility()).containsExactly(AccessibilityFeature.CAPTIONS, AccessibilityFeature.WHEELCHAIR);

        String written = ProgramWriter.forFiles().toJson(data);
        assertThat(written).contains("\"accessibility\"").contains("\"captions\"").contains("\"image\"");
        assertThat(reader.read(written, "written.json").activities()).containsExactlyElementsOf(data.activities());
        assertThat(schema.validate(TREES.readTree(written))).isEmpty();

        String jsonLd = EventJsonLd.withPagesAt("https://jqsi.example.org/widget/activities/{id}")
                .event(Program.of(data), film, Language.FR).orElseThrow();
        JsonNode event = TREES.readTree(jsonLd);
        assertThat(event.at("/image/@type").asText()).isEqualTo("ImageObject");
        assertThat(event.at("/image/url").asText()).isEqualTo("https://images.example.org/film.jpg");
        assertThat(event.at("/image/caption").asText()).isEqualTo("Une famille sur un quai");
        assertThat(event.at("/accessibilityFeature").toString()).isEqualTo("[\"captions\",\"wheelchairAccessible\"]");
    }

    @Test
    void anActivityWithoutThemWritesNeither() throws Exception {
        ProgramData data = reader.read(program(IMAGE, "[]").replace("\"image\": " + IMAGE + ",", ""), "p.json");
        assertThat(data.activities().get(0).image()).isNull();
        assertThat(ProgramWriter.forFiles().toJson(data)).doesNotContain("\"image\"").doesNotContain("accessibility");
    }

    @Test
    void anHttpPictureOrOneWithoutAltTextIsRefusedWithItsPlace() throws Exception {
        List<Problem> http = errors(program(IMAGE.replace("https://images", "http://images"), "[]"));
        assertThat(http).extracting(Problem::code).contains("image.not-https");
        assertThat(http.get(0).format(Language.EN)).contains("activities[0].image.url");
        assertThat(schema.validate(TREES.readTree(program(IMAGE.replace("https://images", "http://images"), "[]"))))
                .isNotEmpty();

        String noAlt = program("{\"url\": \"https://images.example.org/film.jpg\"}", "[]");
        assertThat(errors(noAlt)).extracting(Problem::code).contains("image.no-alt");
        assertThat(schema.validate(TREES.readTree(noAlt))).isNotEmpty();

        List<Problem> unknown = errors(program(IMAGE, "[\"ramp\"]"));
        assertThat(unknown).hasSize(1);
        assertThat(unknown.get(0).format(Language.FR)).contains("program.json:").contains("ramp");
    }

    private static List<Problem> errors(String json) {
        ProgramLoadException e = catchThrowableOfType(ProgramLoadException.class, () -> reader.read(json, "program.json"));
        assertThat(e).as("reading should fail").isNotNull();
        return e.report().errors();
    }
}
