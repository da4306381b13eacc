package org.jqsi.web.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.jqsi.core.submission.SubmissionFilter;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.jdbc.Database;
import org.jqsi.jdbc.testing.TestDatabase;
import org.jqsi.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The API over real HTTP, on the real store (the embedded database, and PostgreSQL when there is one): the answers
 * that refuse a submission, and that nothing is kept when one is refused.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class SubmissionApiTest {

    @Parameter
    TestDatabases.Kind kind;

    @TempDir
    Path directory;

    static final ObjectMapper JSON = new ObjectMapper();

    static final String ACTIVITY = """
            {"editionId": "jqsi-2021", "kind": "workshop",
               "title": {"fr": "Atelier sur le commerce équitable", "en": "Fair trade workshop"},
               "schedule": {"type": "timed", "start": "2021-11-10T19:00", "end": "2021-11-10T21:00",
                            "zone": "America/Toronto"},
               "region": "04", "partners": [{"partnerId": "cs3r", "role": "organizer"}], "status": "scheduled"}""";

    static final String SUBMITTER = """
            {"organisation": "Comité de solidarité/Trois-Rivières", "email": "programme@example.org"}""";

    private TestDatabase fresh;
    private Database database;
    private SubmissionStore store;
    private SubmitServer server;

    @BeforeEach
    void start() throws Exception {
        fresh = TestDatabases.create(kind, directory);
        database = fresh.open();
        store = database.submissions();
        server = SubmitServer.start(store, SubmitSettings.builder().maxBodyBytes(4096)
                .rateLimit(3, 2, Duration.ofHours(1)).build());
    }

    @AfterEach
    void stop() throws Exception {
        // A PostgreSQL case skipped in start() has none of them.
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
        if (fresh != null) {
            fresh.close();
        }
    }

    static String body(String activity) {
        return "{\"submitter\": " + SUBMITTER + ",\n \"activity\": " + activity + "}";
    }

    @Test
    void aNonJsonTypeIs415() throws Exception {
        HttpResponse<String> response = server.postAs("text/plain", body(ACTIVITY));
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(problems(response)).extracting(p -> p.get("code").asText()).containsExactly("request.content-type");
        assertThat(server.postAs("application/json; charset=ISO-8859-1", body(ACTIVITY)).statusCode())
                .isEqualTo(415);
        assertNothingKept();
    }

    @Test
    void malformedJsonIs400WithLineAndColumnInEitherLanguage() throws Exception {
        HttpResponse<String> fr = server.post("{\"submitter\": " + SUBMITTER + ",\n \"activity\": {\"kind\": ]}");
        assertThat(fr.statusCode()).isEqualTo(400);
        JsonNode problem = problems(fr).get(0);
        assertThat(problem.get("code").asText()).isEqualTo("json.syntax");
        assertThat(problem.get("line").asInt()).isEqualTo(2);
        assertThat(problem.get("column").asInt()).isEqualTo(23);
        assertThat(JSON.readTree(fr.body()).get("error").asText()).isEqualTo("La requête n’est pas du JSON valide");
        HttpResponse<String> en = server.post("[", "Accept-Language", "en-CA,en;q=0.8");
        assertThat(JSON.readTree(en.body()).get("error").asText()).isEqualTo("The request is not valid JSON");
        assertThat(en.body()).doesNotContain("Exception", "jackson", "at [Source");
        assertNothingKept();
    }

    @Test
    void aNumberTooLargeForItsFieldIs422AtItsPathWithTheOtherProblemsOfTheActivity() throws Exception {
        String activity = ACTIVITY.replace("\"status\": \"scheduled\"", "\"status\": \"scheduled\",\n   \"image\": "
                + "{\"url\": \"https://example.org/affiche.jpg\", \"alt\": {\"fr\": \"Affiche\"}, \"width\": 99999999999, "
                + "\"height\": 400}, \"colour\": \"red\"");

        HttpResponse<String> fr = server.post(body(activity));
        HttpResponse<String> en = server.post(body(activity), "Accept-Language", "en");

        assertThat(fr.statusCode()).isEqualTo(422);
        // The problem after it in the body is said too: the reading went on.
        assertThat(problems(fr)).extracting(p -> p.get("path").asText())
                .containsExactly("activity.image.width", "activity.colour");
        JsonNode width = problems(fr).get(0);
        assertThat(width.get("code").asText()).isEqualTo("json.bad-value");
        assertThat(width.get("line").asInt()).isEqualTo(7);
        assertThat(width.get("column").asInt()).isEqualTo(82);
        assertThat(width.get("message").asText())
                .isEqualTo("valeur invalide « 99999999999 » ; attendu : un nombre entier de -2147483648 à 2147483647");
        assertThat(problems(en).get(0).get("message").asText())
                .isEqualTo("invalid value \"99999999999\"; expected an integer from -2147483648 to 2147483647");
        assertNothingKept();
    }

    @Test
    void aTruncatedBodyIs400AndSaysSoOfTheRequestBody() throws Exception {
        HttpResponse<String> fr = server.post("{\"submitter\": " + SUBMITTER + ",\n \"activity\": {\"kind\": \"workshop\"");

        assertThat(fr.statusCode()).isEqualTo(400);
        assertThat(problems(fr)).singleElement().satisfies(p -> {
            assertThat(p.get("code").asText()).isEqualTo("json.syntax");
            assertThat(p.get("line").asInt()).isEqualTo(2);
            assertThat(p.get("message").asText())
                    .isEqualTo("le corps de la requête se termine avant la fin d'un objet : il manque « } » (}})");
        });
        assertNothingKept();
    }

    @Test
    void aBodyThatIsNotUtf8Is400AtTheLineAndColumnOfTheByte() throws Exception {
        byte[] latin = body(ACTIVITY).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        HttpResponse<String> en = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/submit/"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(latin)), "Accept-Language", "en");

        // The "é" of "Comité", in the submitter on the first line.
        assertThat(en.statusCode()).isEqualTo(400);
        assertThat(problems(en)).singleElement().satisfies(p -> {
            assertThat(p.get("code").asText()).isEqualTo("json.not-utf8");
            assertThat(p.get("line").asInt()).isEqualTo(1);
            assertThat(p.get("column").asInt()).isEqualTo(38);
            assertThat(p.get("message").asText()).isEqualTo("the request body is not UTF-8: send it as UTF-8 (it "
                    + "looks like Windows-1252, as older Excel and Notepad save: the byte E9 here is \"é\" in "
                    + "Windows-1252)");
        });
        assertNothingKept();
    }

    @Test
    void aBodyJustOverTheLimitIs413() throws Exception {
        String padding = " ".repeat(4097 - body(ACTIVITY).getBytes(StandardCharsets.UTF_8).length);
        String over = body(ACTIVITY) + padding;
        assertThat(over.getBytes(StandardCharsets.UTF_8)).hasSize(4097);
        HttpResponse<String> response = server.post(over);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(problems(response)).extracting(p -> p.get("code").asText()).containsExactly("request.too-large");
        // The same body, one byte shorter, is read (and refused for what it says, not for its size).
        assertThat(server.post(over.substring(1)).statusCode()).isNotEqualTo(413);
        assertNothingKept();
    }

    @Test
    void aHugeChunkedBodyIsCutOffNotRead() throws Exception {
        long sent = 0;
        String status;
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /submit/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("2000\r\n" + " ".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            Thread writer = new Thread(() -> {
                try {
                    // Up to 1 GiB: far more than any buffer between the two ends holds.
                    for (int i = 0; i < 131_072; i++) {
                        out.write(chunk);
                    }
                } catch (Exception e) {
                    // The server closed the connection: what this test expects.
                }
            });
            writer.start();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && head.indexOf("\r\n") < 0) {
                head.append((char) c);
            }
            status = head.toString();
            writer.join(60_000);
            assertThat(writer.isAlive()).as("the server stopped taking the body").isFalse();
        }
        assertThat(status).startsWith("HTTP/1.1 413");
        assertNothingKept();
    }

    @Test
    void overTheRateIs429WithRetryAfterThenAllowedOnceTheWindowHasPassed() throws Exception {
        // Each POST counts, accepted or not: these are refused for a missing submitter.
        for (int i = 0; i < 3; i++) {
            assertThat(server.post("{\"activity\": " + ACTIVITY + "}").statusCode()).isEqualTo(422);
        }
        HttpResponse<String> refused = server.post("{\"activity\": " + ACTIVITY + "}", "Accept-Language", "en");
        assertThat(refused.statusCode()).isEqualTo(429);
        // Two more an hour: the next one in 30 minutes.
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1800");
        assertThat(problems(refused).get(0).get("message").asText()).contains("1800 seconds");
        server.clock.advance(Duration.ofMinutes(29));
        assertThat(server.post("{}").statusCode()).isEqualTo(429);
        server.clock.advance(Duration.ofMinutes(1));
        assertThat(server.post("{}").statusCode()).isEqualTo(422);
        assertThat(server.post("{}").statusCode()).isEqualTo(429);
        // A window later, the window's two again; the whole burst once the bucket is full (three intervals).
        server.clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 2; i++) {
            assertThat(server.post("{}").statusCode()).as("a window later").isEqualTo(422);
        }
        assertThat(server.post("{}").statusCode()).isEqualTo(429);
        server.clock.advance(Duration.ofMinutes(90));
        for (int i = 0; i < 3; i++) {
            assertThat(server.post("{}").statusCode()).as("the burst again").isEqualTo(422);
        }
        assertThat(server.post("{}").statusCode()).isEqualTo(429);
    }

    @Test
    void anUnknownPropertyABadDateAMissingPartnerAndABadAddressAre422WithTheirPaths() throws Exception {
        String activity = ACTIVITY.replace("\"kind\": \"workshop\",", "\"kind\": \"workshop\", \"colour\": \"red\",")
                .replace("2021-11-10T19:00", "2021-11-31T19:00").replace("\"cs3r\"", "\"nobody\"");
        String body = "{\"submitter\": {\"organisation\": \"CS3R\", \"email\": \"pas une adresse\"},\n \"activity\": "
                + activity + "}";
        HttpResponse<String> fr = server.post(body);
        assertThat(fr.statusCode()).isEqualTo(422);
        assertThat(fr.headers().firstValue("Content-Language")).hasValue("fr");
        Map<String, JsonNode> byPath = byPath(problems(fr));
        assertThat(byPath).containsKeys("submitter.email", "activity.colour", "activity.schedule.start");
        assertThat(byPath.get("activity.colour").get("code").asText()).isEqualTo("json.unknown-property");
        assertThat(byPath.get("activity.colour").get("line").asInt()).isEqualTo(2);
        assertThat(byPath.get("activity.schedule.start").get("code").asText()).isEqualTo("json.bad-value");
        assertThat(byPath.get("submitter.email").get("code").asText()).isEqualTo("Email");
        assertThat(byPath.get("submitter.email").get("message").asText()).contains("adresse");

        HttpResponse<String> en = server.post(body, "Accept-Language", "en");
        assertThat(byPath(problems(en)).get("submitter.email").get("message").asText()).contains("email");
        assertThat(byPath(problems(en)).get("activity.colour").get("message").asText()).contains("unknown property");

        // Once the mapping problems are fixed, the partner the program does not have.
        HttpResponse<String> partner = server.post(body(ACTIVITY.replace("\"cs3r\"", "\"nobody\"")), "Accept-Language",
                "en");
        assertThat(partner.statusCode()).isEqualTo(422);
        JsonNode missing = byPath(problems(partner)).get("activity.partners[0].partnerId");
        assertThat(missing.get("code").asText()).isEqualTo("reference.partner");
        assertThat(missing.get("message").asText()).contains("nobody");
        assertNothingKept();
    }

    @Test
    void controlCharactersInTheSubmitterOrTheActivityAre422AtTheirPaths() throws Exception {
        String body = "{\"submitter\": {\"organisation\": \"Org\\u001b]0;PWNED\\u0007\\u001b[2K\\rFAKE\", "
                + "\"email\": \"a@b.org\"},\n \"activity\": " + ACTIVITY.replace("\"Fair trade workshop\"",
                        "\"Fair trade\\u001b[8m hidden \\u001b[0m\"").replace("\"Atelier sur le commerce équitable\"",
                        "\"Atelier \\u202Eelbatiuqé\"") + "}";

        HttpResponse<String> refused = server.post(body, "Accept-Language", "en");

        assertThat(refused.statusCode()).isEqualTo(422);
        Map<String, JsonNode> byPath = byPath(problems(refused));
        assertThat(byPath).containsOnlyKeys("submitter.organisation", "activity.title.fr", "activity.title.en");
        assertThat(byPath.get("submitter.organisation").get("code").asText()).isEqualTo("text.control-character");
        assertThat(byPath.get("submitter.organisation").get("message").asText())
                .isEqualTo("character 4 is U+001B, a control character, which a text cannot hold: remove it");
        assertThat(byPath.get("activity.title.fr").get("message").asText())
                .isEqualTo("character 9 is U+202E, a control character, which a text cannot hold: remove it");
        assertThat(byPath.get("activity.title.en").get("code").asText()).isEqualTo("text.control-character");
        assertThat(byPath.get("activity.title.en").get("line").asInt()).isEqualTo(3);
        assertNothingKept();
    }

    @Test
    void aNewActivityCannotTakeAnIdOfTheProgram() throws Exception {
        HttpResponse<String> taken = server.post(body(ACTIVITY.replace("{\"editionId\"",
                "{\"id\": \"loin-de-bachar-2020\", \"editionId\"")), "Accept-Language", "en");
        assertThat(taken.statusCode()).isEqualTo(422);
        JsonNode problem = byPath(problems(taken)).get("activity.id");
        assertThat(problem.get("code").asText()).isEqualTo("submission.id-taken");
        assertThat(problem.get("message").asText()).contains("loin-de-bachar-2020", "program file");
        assertNothingKept();
    }

    @Test
    void onlyWhatAnApprovedSubmissionPublishedCanBeChangedOrCancelled() throws Exception {
        HttpResponse<String> fileOwned = server.post("{\"submitter\": " + SUBMITTER
                + ", \"cancels\": \"loin-de-bachar-2020\"}");
        assertThat(fileOwned.statusCode()).isEqualTo(422);
        JsonNode problem = byPath(problems(fileOwned)).get("cancels");
        assertThat(problem.get("code").asText()).isEqualTo("submission.target-not-submitted");
        assertThat(problem.get("message").asText()).contains("fichier du programme");
        HttpResponse<String> unknown = server.post(body(ACTIVITY).replace("{\"submitter\"",
                "{\"changes\": \"nothing-here\", \"submitter\""));
        assertThat(byPath(problems(unknown)).get("changes").get("code").asText())
                .isEqualTo("submission.target-unknown");
        assertNothingKept();
    }

    @Test
    void otherMethodsAre405WithAllowAndUnknownAddresses404() throws Exception {
        HttpResponse<String> put = server.send(HttpRequest.newBuilder(server.uri("/submit/"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, HEAD, POST, OPTIONS");
        assertThat(put.body()).startsWith("{");
        assertThat(server.get("/submit/nothing").statusCode()).isEqualTo(404);
    }

    private void assertNothingKept() {
        assertThat(store.list(SubmissionFilter.ALL)).isEmpty();
    }

    static List<JsonNode> problems(HttpResponse<String> response) throws Exception {
        List<JsonNode> problems = new ArrayList<>();
        JSON.readTree(response.body()).get("problems").forEach(problems::add);
        return problems;
    }

    static Map<String, JsonNode> byPath(List<JsonNode> problems) {
        Map<String, JsonNode> byPath = new java.util.LinkedHashMap<>();
        problems.forEach(p -> byPath.putIfAbsent(p.get("path").asText(), p));
        return byPath;
    }
}
