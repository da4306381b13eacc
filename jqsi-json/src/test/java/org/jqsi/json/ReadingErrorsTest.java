package org.jqsi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ProgramValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of error in a program file is reported with its place in the file and what was expected. */
class ReadingErrorsTest {

    private static ProgramReader reader;

    @BeforeAll
    static void reader() {
        reader = new ProgramReader(new ProgramValidator());
    }

    /** A small valid file; each test breaks one line of it. Line numbers below are those of this text. */
    private static final String VALID = """
            {
              "$schema": "https://jqsi.org/schemas/program/1/program.schema.json",
              "formatVersion": 1,
              "editions": [
                {"id": "jqsi-2020", "year": 2020, "start": "2020-11-05", "end": "2020-11-14"}
              ],
              "partners": [
                {"id": "aqoci", "name": {"fr": "AQOCI"}, "kind": "coalition"}
              ],
              "activities": [
                {
                  "id": "panel-2020",
                  "editionId": "jqsi-2020",
                  "kind": "panel",
                  "title": {"fr": "Panel", "en": "Panel"},
                  "schedule": {"type": "timed", "start": "2020-11-12T16:00", "zone": "America/Toronto"},
                  "partners": [{"partnerId": "aqoci", "role": "organizer"}],
                  "status": "scheduled"
                },
                {
                  "id": "film-2020",
                  "editionId": "jqsi-2020",
                  "kind": "screening",
                  "title": {"fr": "Film"},
                  "schedule": {"type": "window", "first": "2020-11-13", "last": "2020-11-14", "zone": "America/Toronto"},
                  "status": "scheduled"
                }
              ]
            }
            """;

    private static List<Problem> problemsOf(String json) {
        ProgramLoadException e = catchThrowableOfType(ProgramLoadException.class,
                () -> reader.read(json, "program.json"));
        assertThat(e).as("reading should fail").isNotNull();
        assertThat(e.origin()).isEqualTo("program.json");
        // The errors that stop the reading: the fixture's warnings (an activity with no end time) are not the point.
        return e.report().errors();
    }

    private static Problem onlyProblemOf(String json) {
        List<Problem> problems = problemsOf(json);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void theValidFileReads() throws Exception {
        assertThat(reader.read(VALID, "program.json").activities()).hasSize(2);
    }

    @Test
    void anOriginReadsAndAnOriginWithoutItsUidIsLocated() throws Exception {
        String owned = VALID.replace("\"status\": \"scheduled\"\n    },",
                "\"status\": \"scheduled\",\n      \"origin\": {\"source\": \"cs3r-agenda\", \"uid\": \"a@b\"}\n    },");
        assertThat(reader.read(owned, "program.json").activities().get(0).origin())
                .isEqualTo(org.jqsi.core.model.Origin.of("cs3r-agenda", "a@b"));
        assertThat(reader.read(VALID, "program.json").activities().get(0).origin().isProgramFile()).isTrue();

        List<Problem> problems = problemsOf(owned.replace(", \"uid\": \"a@b\"", ""));

        assertThat(problems).extracting(Problem::code).contains("json.missing");
        assertThat(problems.get(0).where()).startsWith("program.json:19:").endsWith("(activities[0].origin.uid)");
        assertThat(problems.get(0).message(Language.EN)).contains("uid");
    }

    @Test
    void malformedJsonGivesItsLineAndColumn() {
        Problem problem = onlyProblemOf(VALID.replace("\"kind\": \"panel\",", "\"kind\": \"panel\""));

        assertThat(problem.code()).isEqualTo("json.syntax");
        assertThat(problem.where()).isEqualTo("program.json:15:7");
        assertThat(problem.message(Language.EN))
                .isEqualTo("expected a comma or \"}\" after the value, found a quotation mark (a comma is missing?)");
        assertThat(problem.message(Language.FR)).isEqualTo("attendu : une virgule ou « } » après la valeur ; "
                + "trouvé : un guillemet (il manque une virgule ?)");
    }

    @Test
    void aTruncatedFileIsMalformed() {
        Problem problem = onlyProblemOf(VALID.substring(0, VALID.indexOf("\"status\": \"scheduled\"")));

        assertThat(problem.code()).isEqualTo("json.syntax");
        assertThat(problem.message(Language.EN))
                .isEqualTo("the file ends before the end of an object: \"}\" is missing (}]})");
        assertThat(problem.message(Language.FR))
                .isEqualTo("le fichier se termine avant la fin d'un objet : il manque « } » (}]})");
    }

    @Test
    void aPropertyTwiceInOneObjectIsAnError() {
        Problem problem = onlyProblemOf(VALID.replace("\"kind\": \"panel\",", "\"kind\": \"panel\", \"kind\": \"quiz\","));

        assertThat(problem.code()).isEqualTo("json.duplicate-property");
        assertThat(problem.where()).startsWith("program.json:14:");
        assertThat(problem.message(Language.EN)).isEqualTo("property \"kind\" appears twice in the same object");
    }

    @Test
    void aPropertyTwiceInANestedObjectIsAnErrorOfThatElementAndReadingGoesOn() {
        List<Problem> problems = problemsOf(VALID.replace("\"zone\": \"America/Toronto\"}",
                "\"zone\": \"America/Toronto\", \"zone\": \"America/Halifax\"}"));

        // Each placed on its second "zone".
        assertThat(problems).extracting(Problem::code, Problem::where).containsExactly(
                tuple("json.duplicate-property", "program.json:16:93 (activities[0].schedule)"),
                tuple("json.duplicate-property", "program.json:25:110 (activities[1].schedule)"));
        assertThat(problems.get(0).message(Language.FR))
                .isEqualTo("la propriété « zone » apparaît deux fois dans le même objet");
    }

    @Test
    void aPropertyTwiceBeforeTheTypeIsFoundInTheTokensJacksonBuffers() {
        // With "type" last, Jackson copies the schedule's tokens into a buffer before it knows what to map it to.
        Problem problem = onlyProblemOf(VALID.replace(
                "{\"type\": \"timed\", \"start\": \"2020-11-12T16:00\",",
                "{\"start\": \"2020-11-12T16:00\", \"start\": \"2020-11-12T17:00\", \"type\": \"timed\","));

        assertThat(problem.code()).isEqualTo("json.duplicate-property");
        assertThat(problem.where()).startsWith("program.json:16:").endsWith("(activities[0].schedule)");
    }

    @Test
    void aPropertyTwiceInsideAnUnknownPropertyIsReportedAsWell() {
        List<Problem> problems = problemsOf(VALID.replace("\"formatVersion\": 1,",
                "\"formatVersion\": 1, \"extra\": {\"a\": 1, \"a\": 2},"));

        assertThat(problems).extracting(Problem::code)
                .containsExactly("json.unknown-property", "json.duplicate-property");
    }

    @Test
    void anUnknownPropertyNamesThePropertiesAllowed() {
        Problem problem = onlyProblemOf(VALID.replace("\"start\": \"2020-11-12T16:00\",",
                "\"start\": \"2020-11-12T16:00\", \"ends\": \"2020-11-12T18:00\","));

        assertThat(problem.code()).isEqualTo("json.unknown-property");
        assertThat(problem.where()).isEqualTo("program.json:16:66 (activities[0].schedule.ends)");
        assertThat(problem.message(Language.EN))
                .isEqualTo("unknown property \"ends\"; the properties allowed here are: end, start, zone");
        assertThat(problem.message(Language.FR))
                .isEqualTo("propriété inconnue « ends » ; propriétés permises ici : end, start, zone");
    }

    @Test
    void anUnknownPropertyAtTheTopIsAnError() {
        Problem problem = onlyProblemOf(VALID.replace("\"formatVersion\": 1,", "\"formatVersion\": 1, \"events\": [],"));

        assertThat(problem.code()).isEqualTo("json.unknown-property");
        assertThat(problem.where()).isEqualTo("program.json:3:23 (events)");
        assertThat(problem.message(Language.EN)).isEqualTo("unknown property \"events\"; the properties allowed here "
                + "are: $schema, formatVersion, editions, partners, activities");
    }

    @Test
    void aWrongTypeSaysWhatWasExpectedAndFound() {
        Problem problem = onlyProblemOf(VALID.replace("\"title\": {\"fr\": \"Panel\", \"en\": \"Panel\"}",
                "\"title\": \"Panel\""));

        assertThat(problem.code()).isEqualTo("json.wrong-type");
        assertThat(problem.where()).isEqualTo("program.json:15:7 (activities[0].title)");
        assertThat(problem.message(Language.EN))
                .isEqualTo("expected an object {\"fr\": \"…\", \"en\": \"…\"}, found a string");
        assertThat(problem.message(Language.FR))
                .isEqualTo("attendu : un objet {\"fr\": \"…\", \"en\": \"…\"} ; trouvé : une chaîne de caractères");
    }

    /** Not an array: said as such, and a name given twice inside the object is still found. */
    @Test
    void activitiesThatAreNotAnArraySayWhatWasExpectedAndStillCheckTheirNames() {
        String broken = VALID.substring(0, VALID.indexOf("  \"activities\": ["))
                + "  \"activities\": {\"id\": \"panel\", \"id\": \"quiz\"}\n}\n";

        List<Problem> problems = problemsOf(broken);

        assertThat(problems).extracting(Problem::code, Problem::where).containsExactly(
                // At the property's name, as every problem with a path is.
                tuple("json.wrong-type", "program.json:10:3 (activities)"),
                tuple("json.duplicate-property", "program.json:10:33"));
        assertThat(problems.get(0).message(Language.EN)).isEqualTo("expected an array [ … ], found an object");
        assertThat(problems.get(1).message(Language.EN)).isEqualTo("property \"id\" appears twice in the same object");
    }

    @Test
    void aNumberIsNotTextNorTextANumber() {
        List<Problem> problems = problemsOf(VALID
                .replace("\"id\": \"film-2020\"", "\"id\": 2020")
                .replace("\"year\": 2020", "\"year\": \"2020\""));

        assertThat(problems).extracting(Problem::code).containsExactly("json.wrong-type", "json.wrong-type");
        assertThat(problems.get(0).where()).isEqualTo("program.json:5:25 (editions[0].year)");
        assertThat(problems.get(0).message(Language.EN)).isEqualTo("expected an integer, found a string");
        assertThat(problems.get(1).where()).isEqualTo("program.json:21:7 (activities[1].id)");
        assertThat(problems.get(1).message(Language.EN)).isEqualTo("expected a string, found an integer");
    }

    @Test
    void aDateThatIsNotIsoIsABadValue() {
        Problem problem = onlyProblemOf(VALID.replace("\"2020-11-12T16:00\"", "\"12/11/2020 16:00\""));

        assertThat(problem.code()).isEqualTo("json.bad-value");
        assertThat(problem.where()).isEqualTo("program.json:16:37 (activities[0].schedule.start)");
        assertThat(problem.message(Language.EN)).isEqualTo("invalid value \"12/11/2020 16:00\"; expected a local "
                + "date and time YYYY-MM-DDThh:mm, like 2020-11-10T19:30");
    }

    @Test
    void aStartInTheSpringGapIsOneErrorAtTheStartNotAlsoAnEndBeforeIt() {
        // America/Toronto jumps from 2:00 to 3:00 on March 8, 2026 (tested in /tmp/s8/prog/dst.json).
        Problem problem = onlyProblemOf(VALID.replace("\"start\": \"2020-11-12T16:00\",",
                "\"start\": \"2026-03-08T02:30\", \"end\": \"2026-03-08T03:30\","));

        assertThat(problem.code()).isEqualTo("schedule.time-in-gap");
        assertThat(problem.where()).isEqualTo("program.json:16:37 (activities[0].schedule.start)");
        assertThat(problem.message(Language.EN)).isEqualTo("2026-03-08T02:30 does not exist in America/Toronto: "
                + "the clocks jump from 2026-03-08T02:00 to 2026-03-08T03:00 (daylight saving time)");
        assertThat(problem.message(Language.FR)).isEqualTo("2026-03-08T02:30 n'existe pas dans America/Toronto : "
                + "l'heure passe de 2026-03-08T02:00 à 2026-03-08T03:00 (heure avancée)");
    }

    @Test
    void anIntegerTooLargeForItsFieldIsABadValueAtItsPathAndTheReadingGoesOn() {
        List<Problem> problems = problemsOf(VALID
                .replace("\"year\": 2020, ", "\"year\": 2020, \"number\": 99999999999, ")
                .replace("\"kind\": \"panel\",", "\"kind\": \"panel\", \"revision\": -99999999999,")
                .replace("\"kind\": \"screening\"", "\"kind\": \"film\""));

        // The other problems, after it in the file, are said too: the reading did not stop at the number.
        assertThat(problems).extracting(Problem::code, Problem::where).containsExactly(
                tuple("json.bad-value", "program.json:5:39 (editions[0].number)"),
                tuple("json.bad-value", "program.json:14:24 (activities[0].revision)"),
                tuple("json.bad-value", "program.json:23:7 (activities[1].kind)"));
        assertThat(problems.get(0).message(Language.EN))
                .isEqualTo("invalid value \"99999999999\"; expected an integer from -2147483648 to 2147483647");
        assertThat(problems.get(0).message(Language.FR))
                .isEqualTo("valeur invalide « 99999999999 » ; attendu : un nombre entier de -2147483648 à 2147483647");
        assertThat(problems.get(1).message(Language.EN))
                .isEqualTo("invalid value \"-99999999999\"; expected an integer from -2147483648 to 2147483647");
    }

    @Test
    void aNumberThatIsNoIntegerIsSaidAsTheFileWritesIt() {
        Problem infinite = onlyProblemOf(VALID.replace("\"year\": 2020, ", "\"year\": 2020, \"number\": 1e999999999, "));
        Problem exponent = onlyProblemOf(VALID.replace("\"year\": 2020, ", "\"year\": 2020, \"number\": 1e2, "));
        Problem fraction = onlyProblemOf(VALID.replace("\"year\": 2020, ", "\"year\": 2020, \"number\": 1.50, "));

        // Not "Infinity", "100.0" nor "1.5": values the file does not have.
        assertThat(infinite.code()).isEqualTo("json.bad-value");
        assertThat(infinite.where()).isEqualTo("program.json:5:39 (editions[0].number)");
        assertThat(infinite.message(Language.EN)).isEqualTo("invalid value \"1e999999999\"; expected an integer");
        assertThat(infinite.message(Language.FR))
                .isEqualTo("valeur invalide « 1e999999999 » ; attendu : un nombre entier");
        assertThat(exponent.message(Language.EN)).isEqualTo("invalid value \"1e2\"; expected an integer");
        assertThat(fraction.message(Language.EN)).isEqualTo("invalid value \"1.50\"; expected an integer");
    }

    @Test
    void decimalNumbersBeyondTheirLimitsAreTheValidatorsProblemsAtTheirPaths() {
        // A double and a BigDecimal hold these; their constraints say what is wrong, and nothing stops the reading.
        List<Problem> problems = problemsOf(VALID.replace("\"kind\": \"panel\",", "\"kind\": \"panel\", "
                + "\"admission\": {\"prices\": [{\"amount\": 1e999999999}]}, \"place\": {\"type\": \"venue\", "
                + "\"name\": \"Salle\", \"address\": {\"municipality\": \"Québec\"}, "
                + "\"geo\": {\"latitude\": 1e999, \"longitude\": 0}},"));

        assertThat(problems).extracting(Problem::code, p -> p.where().replaceAll(".*\\(", "("))
                .containsExactlyInAnyOrder(
                        tuple("Digits", "(activities[0].admission.prices[0].amount)"),
                        tuple("DecimalMax", "(activities[0].place.geo.latitude)"));
    }

    @Test
    void anUnknownKindListsTheKinds() {
        Problem problem = onlyProblemOf(VALID.replace("\"kind\": \"panel\"", "\"kind\": \"PANEL\""));

        assertThat(problem.code()).isEqualTo("json.bad-value");
        assertThat(problem.where()).isEqualTo("program.json:14:7 (activities[0].kind)");
        assertThat(problem.message(Language.EN)).isEqualTo("invalid value \"PANEL\"; expected one of: conference, "
                + "screening, concert, exhibition, quiz, panel, discussion, workshop, publication, other");
    }

    @Test
    void anOffsetIsNotAZone() {
        Problem problem = onlyProblemOf(VALID.replace("16:00\", \"zone\": \"America/Toronto\"}", "16:00\", \"zone\": \"-05:00\"}"));

        assertThat(problem.code()).isEqualTo("json.bad-value");
        assertThat(problem.where()).endsWith("(activities[0].schedule.zone)");
        assertThat(problem.message(Language.EN)).contains("an IANA time-zone id, like America/Toronto");
    }

    @Test
    void anUnknownScheduleTypeIsABadValue() {
        Problem problem = onlyProblemOf(VALID.replace("\"type\": \"timed\"", "\"type\": \"allday\""));

        assertThat(problem.code()).isEqualTo("json.bad-value");
        assertThat(problem.where()).startsWith("program.json:16:").endsWith("(activities[0].schedule.type)");
        assertThat(problem.message(Language.EN))
                .isEqualTo("invalid value \"allday\"; expected a schedule whose \"type\" is timed, window or tba");
    }

    @Test
    void aMissingRequiredPropertyIsNamed() {
        Problem problem = onlyProblemOf(VALID.replace("\"title\": {\"fr\": \"Film\"},", ""));

        assertThat(problem.code()).isEqualTo("json.missing");
        assertThat(problem.where()).startsWith("program.json:").endsWith("(activities[1].title)");
        assertThat(problem.message(Language.EN)).isEqualTo("required property \"title\" is missing or null");
        assertThat(problem.message(Language.FR)).isEqualTo("la propriété obligatoire « title » manque ou vaut null");
    }

    @Test
    void missingPartsDeepInsideAreNamedWithTheirPath() {
        List<Problem> problems = problemsOf(VALID
                .replace("\"type\": \"timed\", ", "")
                .replace("{\"fr\": \"Film\"}", "{\"en\": \"Film\"}")
                .replace("\"year\": 2020, ", ""));

        assertThat(problems).extracting(Problem::code).containsOnly("json.missing");
        assertThat(problems).extracting(Problem::where).satisfiesExactly(
                w -> assertThat(w).endsWith("(editions[0].year)"),
                w -> assertThat(w).startsWith("program.json:16:").endsWith("(activities[0].schedule.type)"),
                w -> assertThat(w).endsWith("(activities[1].title.fr)"));
    }

    @Test
    void theFormatVersionIsRequiredAndChecked() {
        Problem missing = onlyProblemOf(VALID.replace("\"formatVersion\": 1,", ""));
        Problem future = onlyProblemOf(VALID.replace("\"formatVersion\": 1,", "\"formatVersion\": 2,"));

        assertThat(missing.code()).isEqualTo("json.format-version");
        assertThat(missing.message(Language.EN)).isEqualTo("format version missing: this reader reads version 1");
        assertThat(future.code()).isEqualTo("json.format-version");
        assertThat(future.where()).isEqualTo("program.json:3:3 (formatVersion)");
        assertThat(future.message(Language.EN)).isEqualTo("format version 2: this reader reads version 1");
    }

    @Test
    void aFileThatIsNotAnObjectSaysSo() {
        Problem problem = onlyProblemOf("[]");

        assertThat(problem.code()).isEqualTo("json.wrong-type");
        assertThat(problem.where()).isEqualTo("program.json:1:1");
        assertThat(problem.message(Language.EN)).isEqualTo("expected an object { \"formatVersion\": 1, … }, found an array");
    }

    @Test
    void contentAfterTheProgramIsAnError() {
        Problem problem = onlyProblemOf(VALID + "{}");

        assertThat(problem.code()).isEqualTo("json.syntax");
        assertThat(problem.where()).isEqualTo("program.json:30:1");
    }

    @Test
    void everyBrokenActivityIsReportedAtOnce() {
        List<Problem> problems = problemsOf(VALID
                .replace("\"kind\": \"panel\"", "\"kind\": \"table-ronde\"")
                .replace("\"kind\": \"screening\"", "\"kind\": 3")
                .replace("\"end\": \"2020-11-14\"", "\"end\": \"2020-11-31\""));

        assertThat(problems).extracting(Problem::where).containsExactly(
                "program.json:5:62 (editions[0].end)",
                "program.json:14:7 (activities[0].kind)",
                "program.json:23:7 (activities[1].kind)");
        assertThat(problems).extracting(Problem::code).containsExactly(
                "json.bad-value", "json.bad-value", "json.wrong-type");
    }

    @Test
    void anUnknownReferenceIsFoundByTheValidatorAndLocatedInTheFile() {
        List<Problem> problems = problemsOf(VALID
                .replace("{\"partnerId\": \"aqoci\", \"role\": \"organizer\"}",
                        "{\"partnerId\": \"acoqi\", \"role\": \"organizer\"}")
                .replace("\"editionId\": \"jqsi-2020\",\n      \"kind\": \"screening\"",
                        "\"editionId\": \"jqsi-2002\",\n      \"kind\": \"screening\""));

        assertThat(problems).extracting(Problem::code).containsExactly("reference.partner", "reference.edition");
        assertThat(problems).extracting(Problem::where).containsExactly(
                "program.json:17:21 (activities[0].partners[0].partnerId)",
                "program.json:22:7 (activities[1].editionId)");
        assertThat(problems.get(0).message(Language.EN)).contains("acoqi");
        assertThat(problems.get(0).message(Language.FR)).contains("acoqi");
    }

    @Test
    void theValidatorsProblemsComeAllAtOnceAndAbsentPropertiesPointAtTheirObject() {
        List<Problem> problems = problemsOf(VALID
                .replace("\"status\": \"scheduled\"\n    },", "\"status\": \"rescheduled\"\n    },")
                .replace("\"last\": \"2020-11-14\"", "\"last\": \"2020-11-12\"")
                .replace("\"id\": \"panel-2020\"", "\"id\": \"Panel 2020\""));

        assertThat(problems).extracting(Problem::code)
                .containsExactlyInAnyOrder("Pattern", "status.rescheduled-without-previous-start",
                        "schedule.last-before-first");
        assertThat(problems).extracting(Problem::where).contains(
                "program.json:12:7 (activities[0].id)",
                "program.json:11:5 (activities[0].previousStart)",
                "program.json:25:61 (activities[1].schedule.last)");
    }

    @Test
    void anEscapedControlCharacterInATextIsAnErrorAtItsLineAndColumn() {
        Problem problem = onlyProblemOf(VALID.replace("\"title\": {\"fr\": \"Panel\", \"en\": \"Panel\"}",
                "\"title\": {\"fr\": \"Panel\\u001b]0;PWNED\\u0007\", \"en\": \"Panel\"}"));

        assertThat(problem.code()).isEqualTo("text.control-character");
        assertThat(problem.where()).isEqualTo("program.json:15:17 (activities[0].title.fr)");
        assertThat(problem.message(Language.EN))
                .isEqualTo("character 6 is U+001B, a control character, which a text cannot hold: remove it");
        assertThat(problem.message(Language.FR)).isEqualTo(
                "le caractère 6 est U+001B, un caractère de contrôle, qu'un texte ne peut pas contenir : retirez-le");
    }

    @Test
    void aRawControlCharacterInATextIsNamedAndOnlyALineBreakOrTabIsToldHowToWriteIt() {
        Problem nul = onlyProblemOf(VALID.replace("{\"fr\": \"Film\"}", "{\"fr\": \"Fi\u0000lm\"}"));
        Problem tab = onlyProblemOf(VALID.replace("{\"fr\": \"Film\"}", "{\"fr\": \"Fi\tlm\"}"));

        assertThat(nul.code()).isEqualTo("json.syntax");
        assertThat(nul.where()).isEqualTo("program.json:24:26");
        assertThat(nul.message(Language.EN)).isEqualTo("a text cannot hold the control character U+0000: remove it");
        assertThat(nul.message(Language.FR))
                .isEqualTo("un texte ne peut pas contenir le caractère de contrôle U+0000 : retirez-le");
        assertThat(tab.message(Language.EN)).isEqualTo("a text cannot hold a line break or tab as such: write \\n or \\t");
        assertThat(tab.message(Language.FR)).isEqualTo(
                "un texte ne peut pas contenir de saut de ligne ni de tabulation tels quels : écrivez \\n ou \\t");
    }

    @Test
    void aFileGivesItsPathAndAStreamGivesPathsWithoutLinesForTheValidator(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        String broken = VALID.replace("\"editionId\": \"jqsi-2020\",\n      \"kind\": \"screening\"",
                "\"editionId\": \"jqsi-2002\",\n      \"kind\": \"screening\"");
        Files.writeString(file, broken);

        ProgramLoadException fromFile = catchThrowableOfType(ProgramLoadException.class, () -> reader.read(file));
        ProgramLoadException fromStream = catchThrowableOfType(ProgramLoadException.class, () -> reader.read(
                new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), "upload"));

        assertThat(fromFile.report().errors()).extracting(Problem::where)
                .containsExactly(file + ":22:7 (activities[1].editionId)");
        assertThat(fromStream.report().errors()).extracting(Problem::where)
                .containsExactly("upload (activities[1].editionId)");
    }

    @Test
    void everyProblemOfAFileComesInOneReadingInTheOrderOfTheFile(@TempDir Path dir) throws Exception {
        // An unknown name and a missing property in one activity, a reference to nothing in the one before it.
        Path file = dir.resolve("program.json");
        Files.writeString(file, VALID
                .replace("{\"partnerId\": \"aqoci\", \"role\": \"organizer\"}",
                        "{\"partnerId\": \"acoqi\", \"role\": \"organizer\"}")
                .replace("\"title\": {\"fr\": \"Film\"},", "\"titre\": {\"fr\": \"Film\"},")
                .replace("\"status\": \"scheduled\"\n    }\n", "\"status\": \"sheduled\"\n    }\n"));

        ProgramLoadException e = catchThrowableOfType(ProgramLoadException.class, () -> reader.read(file));

        // The activity announced without an end time is a warning among them (schedule.no-end), in its place.
        assertThat(e.report().problems()).extracting(Problem::code, Problem::where).containsExactly(
                tuple("schedule.no-end", file + ":16:7 (activities[0].schedule.end)"),
                tuple("reference.partner", file + ":17:21 (activities[0].partners[0].partnerId)"),
                tuple("json.missing", file + ":20:5 (activities[1].title)"),
                tuple("json.unknown-property", file + ":24:7 (activities[1].titre)"),
                tuple("json.bad-value", file + ":26:7 (activities[1].status)"));
        assertThat(e.report().problems().get(3).message(Language.FR)).startsWith("propriété inconnue « titre » ;");
    }

    @Test
    void severalMissingPropertiesAndWrongValuesInsideOneObjectAreAllReported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("program.json");
        Files.writeString(file, VALID.replace("{\"id\": \"jqsi-2020\", \"year\": 2020, \"start\": \"2020-11-05\", "
                + "\"end\": \"2020-11-14\"}", "{\"id\": \"jqsi-2020\", \"year\": \"2020\", \"debut\": 5}"));

        ProgramLoadException e = catchThrowableOfType(ProgramLoadException.class, () -> reader.read(file));

        assertThat(e.report().errors()).extracting(Problem::code, p -> p.where().replaceAll(".*\\(", "("))
                .containsExactlyInAnyOrder(
                        tuple("json.wrong-type", "(editions[0].year)"),
                        tuple("json.unknown-property", "(editions[0].debut)"),
                        tuple("json.missing", "(editions[0].start)"),
                        tuple("json.missing", "(editions[0].end)"));
        // The references to the edition that did not read are not reported as references to nothing.
        assertThat(e.report().problems()).extracting(Problem::code).doesNotContain("reference.edition");
    }

    @Test
    void aFileThatIsNotUtf8GetsOneProblemThatSaysSo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.json");
        Files.write(file, VALID.replace("\"Panel\", \"en\"", "\"Débat\", \"en\"")
                .replace("\"Film\"", "\"Cinéma\"").getBytes(StandardCharsets.ISO_8859_1));

        ProgramLoadException e = catchThrowableOfType(ProgramLoadException.class, () -> reader.read(file));

        assertThat(e.report().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("json.not-utf8");
            assertThat(problem.where()).startsWith(file + ":15:");
            assertThat(problem.message(Language.FR)).startsWith("le fichier n'est pas en UTF-8 : enregistrez-le en UTF-8");
            assertThat(problem.message(Language.EN)).startsWith("the file is not UTF-8: save it as UTF-8");
        });
    }

    @Test
    void jsonSyntaxIsSaidInTheReadersLanguageWithoutJacksonsWords() {
        Problem unclosed = onlyProblemOf("{\n  \"formatVersion\": 1,\n  \"editions\": [\n");
        Problem unquoted = onlyProblemOf(VALID.replace("\"kind\": \"panel\"", "\"kind\": panel"));
        Problem trailingComma = onlyProblemOf(VALID.replace("\"status\": \"scheduled\"\n    }\n",
                "\"status\": \"scheduled\",\n    }\n"));

        assertThat(unclosed.message(Language.FR))
                .isEqualTo("le fichier se termine avant la fin d'un tableau : il manque « ] » (]})");
        assertThat(unquoted.where()).isEqualTo("program.json:14:15");
        assertThat(unquoted.message(Language.FR)).isEqualTo("« panel » n'est pas une valeur JSON : un texte "
                + "s'écrit entre guillemets droits, et seuls true, false et null s'écrivent sans");
        assertThat(trailingComma.message(Language.EN)).isEqualTo("expected a property name in quotation marks, "
                + "found \"}\" (a comma too many before \"}\"?)");
        for (Problem problem : List.of(unclosed, unquoted, trailingComma)) {
            assertThat(problem.message(Language.FR)).doesNotContainPattern("[Uu]nexpected|expecting|token|Object|Array");
        }
    }

    @Test
    void aMissingFileIsALoadFailure(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");

        ProgramLoadException e = catchThrowableOfType(ProgramLoadException.class, () -> reader.read(missing));

        assertThat(e.report().problems()).extracting(Problem::code).containsExactly("load-failed");
        assertThat(e.getMessage()).contains("missing.json");
        assertThat(e.report().problems().get(0).message(Language.FR))
                .isEqualTo("le programme n'a pas pu être chargé : fichier introuvable : " + missing);
        assertThat(e.report().problems().get(0).message(Language.EN))
                .isEqualTo("the program could not be loaded: no such file: " + missing);
    }
}
