package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.internal.cli.JqsiCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code jqsi} subcommands, run in this JVM, with their output and exit status. */
class CommandLineTest {

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    /** A run with no locale in its environment, whatever the machine's: French, unless {@code --lang} says. */
    static Run jqsi(String... args) {
        return jqsiWith(Map.of(), args);
    }

    static Run jqsiWith(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = JqsiCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path sampleFile() throws Exception {
        Path file = dir.resolve("programme.json");
        ProgramWriter.forFiles().write(SampleProgram.data(), file);
        return file;
    }

    /** The sample with three different mistakes. */
    Path brokenFile() throws Exception {
        List<Activity> activities = new ArrayList<>(SampleProgram.activities());
        activities.set(0, activities.get(0).toBuilder().schedule(Schedule.Timed.between(
                LocalDateTime.of(2020, 11, 6, 21, 30), LocalDateTime.of(2020, 11, 6, 19, 30), Region.EASTERN))
                .build());
        activities.set(1, activities.get(1).toBuilder().partner("oxfam-quebec", PartnerRole.SPONSOR).build());
        activities.add(SampleProgram.dheepan());
        Path file = dir.resolve("casse.json");
        ProgramWriter.forFiles().write(new ProgramData(SampleProgram.editions(), SampleProgram.partners(),
                activities), file);
        return file;
    }

    @Test
    void validateSaysTheSampleIsValid() throws Exception {
        Path file = sampleFile();

        Run run = jqsi("validate", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith(file + " : valide (7 activités, 12 avertissement(s))");
    }

    @Test
    void validatePrintsEveryMistakeWithItsPlaceInTheChosenLanguage() throws Exception {
        Path file = brokenFile();

        Run french = jqsi("validate", file.toString());
        Run english = jqsi("validate", "--lang", "en", file.toString());

        assertThat(french.status()).isEqualTo(1);
        assertThat(french.out()).contains(file + " : non valide, 3 erreur(s)")
                .contains("doit suivre le début")
                .contains("aucun partenaire n'a l'identifiant « oxfam-quebec »")
                .contains("l'identifiant « dheepan-2020 » est déjà utilisé");
        assertThat(english.status()).isEqualTo(1);
        assertThat(english.out()).contains(file + ": not valid, 3 error(s)")
                .containsPattern("casse\\.json:\\d+:\\d+ \\(activities\\[0\\]\\.schedule\\.end\\)"
                        + ".*the end 2020-11-06T19:30 must be after the start 2020-11-06T21:30")
                .containsPattern("activities\\[1\\]\\.partners\\[\\d\\]\\.partnerId.*there is no partner with id "
                        + "\"oxfam-quebec\"")
                .containsPattern("activities\\[7\\]\\.id.*already used");
    }

    @Test
    void validateRefusesControlCharactersAndQuotesNoneRaw() throws Exception {
        List<Activity> activities = new ArrayList<>(SampleProgram.activities());
        activities.set(1, activities.get(1).toBuilder()
                .title(LocalizedText.fr("Loin de Bachar\u001b]0;PWNED\u0007"))
                .partner("oxfam\u001b[2K\u202E", PartnerRole.SPONSOR).build());
        Path file = dir.resolve("controles.json");
        ProgramWriter.forFiles().write(new ProgramData(SampleProgram.editions(), SampleProgram.partners(),
                activities), file);

        Run run = jqsi("validate", "--lang", "en", file.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).containsPattern("controles\\.json:\\d+:\\d+ \\(activities\\[1\\]\\.title\\.fr\\).*"
                + "character 15 is U\\+001B, a control character, which a text cannot hold: remove it")
                .contains("there is no partner with id \"oxfam\\u001B[2K\\u202E\"");
        assertThat((run.out() + run.err()).chars().filter(c -> c < 0x20 && c != '\n' || c == 0x202e)).isEmpty();
    }

    @Test
    void validateChecksEveryFileAndFailsIfAnyIsBad() throws Exception {
        Run run = jqsi("validate", sampleFile().toString(), dir.resolve("absent.json").toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("programme.json : valide").contains("absent.json : non valide")
                .contains("fichier introuvable : " + dir.resolve("absent.json")).doesNotContain("Exception");
    }

    /** A valid program whose one warning is the panel's missing end time. */
    static final String ONE_WARNING = """
            {
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
                  "title": {"fr": "Panel"},
                  "schedule": {"type": "timed", "start": "2020-11-12T16:00", "zone": "America/Toronto"},
                  "status": "scheduled"
                }
              ]
            }
            """;

    @Test
    void aValidFilesWarningsHaveTheirLineAndColumnAsAnInvalidFilesDo() throws Exception {
        Path valid = dir.resolve("valide.json");
        Files.writeString(valid, ONE_WARNING);
        Path invalid = dir.resolve("invalide.json");
        Files.writeString(invalid, ONE_WARNING.replace("\"editionId\": \"jqsi-2020\"", "\"editionId\": \"jqsi-2002\""));

        Run english = jqsi("validate", "--lang", "en", valid.toString());
        Run french = jqsi("validate", valid.toString());
        Run refused = jqsi("validate", "--lang", "en", invalid.toString());

        // Where the schedule that lacks its end is: line 15, column 7.
        assertThat(english.status()).isZero();
        assertThat(english.out()).isEqualTo(valid + ": valid (1 activities, 1 warning(s))" + System.lineSeparator()
                + "  " + valid + ":15:7 (activities[0].schedule.end): warning: no end time: calendars and "
                + "add-to-calendar links show it as lasting 60 minutes" + System.lineSeparator());
        assertThat(french.out()).isEqualTo(valid + " : valide (1 activités, 1 avertissement(s))"
                + System.lineSeparator() + "  " + valid + ":15:7 (activities[0].schedule.end) : avertissement : "
                + "aucune heure de fin : les calendriers et les liens d'ajout à un calendrier lui donnent une durée "
                + "de 60 minutes" + System.lineSeparator());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).contains("  " + invalid + ":15:7 (activities[0].schedule.end): warning: no end "
                + "time: calendars and add-to-calendar links show it as lasting 60 minutes");
    }

    @Test
    void malformedJsonIsLocatedByLineAndColumn() throws Exception {
        Path file = dir.resolve("tronque.json");
        Files.writeString(file, "{\n  \"formatVersion\": 1,\n  \"editions\": [\n");

        Run run = jqsi("validate", "--lang", "en", file.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).containsPattern("tronque\\.json:\\d+:\\d+");
    }

    static final String PARTNER_FEED = String.join("\r\n",
            "BEGIN:VCALENDAR",
            "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:CS3R",
            "X-WR-TIMEZONE:America/Toronto",
            "BEGIN:VEVENT",
            "DTSTART;TZID=America/Toronto:20211108T190000",
            "DTEND;TZID=America/Toronto:20211108T210000",
            "DTSTAMP:20211020T120000Z",
            "UID:quiz-solidaire@google.com",
            "SUMMARY:Quiz solidaire\\, édition réfugiés",
            "LOCATION:Salle Anaïs-Allard-Rousseau\\, Trois-Rivières",
            "STATUS:CONFIRMED",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "DTSTART;VALUE=DATE:20211115",
            "DTEND;VALUE=DATE:20211118",
            "DTSTAMP:20211020T120000Z",
            "UID:expo-oeuvres@google.com",
            "SUMMARY:Exposition : une œuvre à la fois",
            "END:VEVENT",
            "END:VCALENDAR",
            "");

    @Test
    void importIcsMergesAFeedOnceAndASecondRunChangesNothing() throws Exception {
        Path program = sampleFile();
        Path feed = dir.resolve("cs3r.ics");
        Files.writeString(feed, PARTNER_FEED);
        String[] args = {"import-ics", "--edition", "jqsi-2021", "--partner", "cs3r", "--region", "04",
            "--lang", "en", feed.toString(), "--into", program.toString()};

        Run first = jqsi(args);
        byte[] afterFirst = Files.readAllBytes(program);
        Run second = jqsi(args);

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("2 added, 0 changed, 0 unchanged, 0 skipped, 0 outside the edition");
        assertThat(second.status()).isZero();
        assertThat(second.out()).startsWith("0 added, 0 changed, 2 unchanged");
        assertThat(Files.readAllBytes(program)).isEqualTo(afterFirst);
        Run validate = jqsi("validate", program.toString());
        assertThat(validate.status()).isZero();
        assertThat(validate.out()).contains("(9 activités");
    }

    /** Issue 18's fault: a feed imported as cs3r with CECI's UID rewrote CECI's activity, exit 0, "1 changed". */
    @Test
    void importIcsNeverRewritesAnotherOwnersActivity() throws Exception {
        Path program = sampleFile();
        String ceci = activityJson(program, SampleProgram.CECI_DISCUSSION_1);
        Path feed = dir.resolve("agenda.ics");
        Files.writeString(feed, String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//tests//FR",
                "BEGIN:VEVENT", "DTSTAMP:20211020T120000Z", "UID:ceci-discussion-agir-pour-egalite-1-2021@jqsi",
                "SUMMARY:Autre chose", "DTSTART;TZID=America/Toronto:20211110T190000", "LOCATION:Trois-Rivières",
                "END:VEVENT", "END:VCALENDAR", ""));

        Run run = jqsi("import-ics", "--lang", "en", "--edition", "jqsi-2021", "--partner", "cs3r", "--region", "04",
                feed.toString(), "--into", program.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("1 added, 0 changed")
                .contains("+ cs3r-agenda-ceci-discussion-agir-pour-egalite-1-2021")
                .contains("agenda.ics:4 (UID ceci-discussion-agir-pour-egalite-1-2021@jqsi): warning: activity "
                        + "ceci-discussion-agir-pour-egalite-1-2021 belongs to the program file");
        assertThat(activityJson(program, SampleProgram.CECI_DISCUSSION_1)).isEqualTo(ceci);
        assertThat(Files.readString(program)).contains("\"source\": \"cs3r-agenda\"");
        assertThat(jqsi("import-ics", "--edition", "jqsi-2021", "--partner", "cs3r", "--region", "04",
                "--source", "Pas un id", feed.toString(), "--into", program.toString()).status()).isEqualTo(2);
    }

    private static String activityJson(Path program, String id) throws Exception {
        Activity activity = new org.jqsi.json.ProgramReader().read(program).activities().stream()
                .filter(a -> a.id().equals(id)).findFirst().orElseThrow();
        return ProgramWriter.forWeb().toJson(new ProgramData(List.of(), List.of(), List.of(activity)));
    }

    @Test
    void validateRecognisesASourcesFileAndSaysItsProblems() throws Exception {
        Path sources = dir.resolve("sources.json");
        Files.writeString(sources, """
                {"formatVersion": 1,
                 "sources": [{"id": "cs3r-agenda", "kind": "ical", "file": "agenda.ics", "partnerId": "cs3r",
                              "editionId": "jqsi-2021", "refresh": "PT0S"}]}
                """);

        Run bad = jqsi("validate", "--lang", "en", sources.toString());
        Files.writeString(sources, Files.readString(sources).replace("PT0S", "PT1S"));
        Run good = jqsi("validate", sources.toString());

        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.out()).contains("sources.json: sources file not valid, 1 error(s)",
                "sources.json:3:41 (sources[0].refresh): invalid value \"PT0S\"");
        assertThat(good.status()).as(good.out()).isZero();
        assertThat(good.out()).contains("sources.json : fichier de sources valide (1 source(s))");
    }

    @Test
    void importIcsRefusesABrokenFeedAndLeavesTheFileAsItWas() throws Exception {
        Path program = sampleFile();
        byte[] before = Files.readAllBytes(program);
        Path feed = dir.resolve("broken.ics");
        Files.writeString(feed, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nthis is not a property\r\n");

        Run run = jqsi("import-ics", "--edition", "jqsi-2021", "--partner", "cs3r", "--region", "04",
                feed.toString(), "--into", program.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("broken.ics:");
        assertThat(Files.readAllBytes(program)).isEqualTo(before);
        assertThat(jqsi("import-ics", "--edition", "jqsi-2021", "--partner", "cs3r", "--region", "99",
                feed.toString(), "--into", program.toString()).status()).isEqualTo(2);
        assertThat(jqsi("import-ics", "--edition", "jqsi-1999", "--partner", "cs3r", "--region", "04",
                feed.toString(), "--into", program.toString()).status()).isEqualTo(1);
    }

    @Test
    void exportWritesTheMatchingActivitiesAsICalendar() throws Exception {
        Path out = dir.resolve("mauricie.ics");

        Run run = jqsi("export", "--format", "ics", "--region", "04", "--kind", "screening", "--output",
                out.toString(), sampleFile().toString());

        assertThat(run.status()).as(run.err()).isZero();
        String ics = Files.readString(out);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("VERSION:2.0");
        assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(4);
        assertThat(ics).contains("SUMMARY;LANGUAGE=fr:Loin de Bachar").contains("Dheepan")
                .doesNotContain("Migration : une histoire");
    }

    @Test
    void anExportOfNoEventIsStillACalendarWithAComponent() throws Exception {
        // RFC 5545 §3.6: a calendar holds at least one component. Region 17 has no activity; the 2021 edition's are
        // all to be announced, so in no calendar.
        for (List<String> filter : List.of(List.of("--region", "17"), List.of("--edition", "jqsi-2021"))) {
            Path out = dir.resolve("empty.ics");
            List<String> arguments = new ArrayList<>(List.of("export", "--format", "ics", "-o",
                    out.toString()));
            arguments.addAll(filter);
            arguments.add(sampleFile().toString());

            Run run = jqsi(arguments.toArray(String[]::new));

            assertThat(run.status()).as(run.err()).isZero();
            String ics = Files.readString(out);
            assertThat(ics).as(filter.toString()).startsWith("BEGIN:VCALENDAR\r\n")
                    .contains("\r\nX-WR-TIMEZONE:America/Toronto\r\n")
                    .contains("\r\nBEGIN:VTIMEZONE\r\nTZID:America/Toronto\r\n").doesNotContain("BEGIN:VEVENT")
                    .endsWith("END:VTIMEZONE\r\nEND:VCALENDAR\r\n");
        }
    }

    @Test
    void exportWritesAFilteredProgramFileThatReadsBack() throws Exception {
        Path out = dir.resolve("ceci.json");

        Run run = jqsi("export", "--format", "json", "--partner", "ceci", "-o", out.toString(),
                sampleFile().toString());

        assertThat(run.status()).as(run.err()).isZero();
        ProgramData data = new org.jqsi.json.ProgramReader().read(out);
        assertThat(data.activities()).extracting(Activity::id).containsExactly(SampleProgram.CECI_DISCUSSION_1,
                SampleProgram.CECI_DISCUSSION_2);
        assertThat(data.editions()).hasSize(2);
        assertThat(jqsi("export", "--format", "ics", "--region", "Ontario", sampleFile().toString()).status())
                .isEqualTo(2);
        assertThat(jqsi("export", "--format", "pdf", sampleFile().toString()).status()).isEqualTo(2);
    }

    @Test
    void exportWritesSchemaOrgJsonLdInTheChosenLanguage() throws Exception {
        Path out = dir.resolve("events.jsonld");

        Run run = jqsi("export", "--format", "jsonld", "--lang", "en", "--edition", "jqsi-2020", "--pages",
                "https://jqsi.example.org/widget/activities/{id}", "-o", out.toString(), sampleFile().toString());

        assertThat(run.status()).as(run.err()).isZero();
        var list = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile());
        assertThat(list.get("@type").asText()).isEqualTo("ItemList");
        assertThat(list.get("itemListElement")).hasSize(5);
        assertThat(list.toString()).contains("Far from Bashar")
                .contains("https://jqsi.example.org/widget/activities/loin-de-bachar-2020")
                .contains("2020-11-10T19:30:00-05:00");
        assertThat(jqsi("export", "--format", "jsonld", "--pages", "https://x.example/no-id", sampleFile().toString())
                .status()).isEqualTo(2);
    }

    @Test
    void importIcsWritesTheGoodEventsAndExitsWithThreeWhenItLeftSomeOutSayingWhereInTheFeed() throws Exception {
        Path program = sampleFile();
        Path feed = dir.resolve("mixed.ics");
        Files.writeString(feed, String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//x//y//FR",
                "BEGIN:VEVENT", "UID:ok@partner.example", "DTSTAMP:20211001T120000Z", "SUMMARY:Quiz",
                "DTSTART;TZID=\"(UTC-05:00) Eastern Time (US & Canada)\":20211110T190000", "END:VEVENT",
                "BEGIN:VEVENT", "UID:feb30@partner.example", "DTSTAMP:20211001T120000Z", "SUMMARY:Impossible",
                "DTSTART:20211131T150000Z", "END:VEVENT", "BEGIN:VEVENT", "UID:geo@partner.example",
                "DTSTAMP:20211001T120000Z", "SUMMARY:Sans lieu", "GEO:;", "DTSTART:20211112T150000Z", "END:VEVENT",
                "END:VCALENDAR", ""));

        Run french = jqsi("import-ics", "--edition", "jqsi-2021", "--partner", "cs3r", "--region", "04",
                "--into", program.toString(), feed.toString());

        assertThat(french.status()).as(french.err()).isEqualTo(3);
        assertThat(french.out()).startsWith("2 ajoutée(s), 0 modifiée(s), 0 inchangée(s), 1 ignorée(s), "
                + "0 hors de l'édition, 0 annulée(s)");
        assertThat(french.out()).contains(feed + ":14 (UID feb30@partner.example) : DTSTART n'est pas une date "
                + "lisible : 20211131T150000Z", "ce mois a 30 jours",
                feed + ":20 (UID geo@partner.example) : avertissement : GEO").doesNotContain("line");
        assertThat(french.out()).doesNotContainPattern("[A-Z][a-z]+Exception").doesNotContain("activities[");
        assertThat(new org.jqsi.json.ProgramReader().read(program).activities()).extracting(a -> a.title().fr())
                .contains("Quiz", "Sans lieu");

        Run again = jqsi("import-ics", "--lang", "en", "--edition", "jqsi-2021", "--partner", "cs3r", "--region",
                "04", "--into", program.toString(), feed.toString());
        assertThat(again.status()).isEqualTo(3);
        assertThat(again.out()).startsWith("0 added, 0 changed, 2 unchanged, 1 skipped")
                .contains("that month has 30 days");
        assertThat(jqsi("import-ics", "--help").out()).contains("3 done, but", "left out");
    }

    @Test
    void importIcsSpeaksTheChosenLanguageForABrokenOrMissingFeed() throws Exception {
        Path program = sampleFile();
        Path feed = dir.resolve("html.ics");
        Files.writeString(feed, "<html>404</html>\n");
        Run french = jqsi("import-ics", "--edition", "jqsi-2021", "--partner", "cs3r", "--region", "04",
                "--into", program.toString(), feed.toString());
        assertThat(french.status()).isEqualTo(1);
        assertThat(french.err()).contains("html.ics:1: ce n'est pas un flux iCalendar");
        Run missing = jqsi("import-ics", "--lang", "en", "--edition", "jqsi-2021", "--partner", "cs3r", "--region",
                "04", "--into", program.toString(), dir.resolve("nowhere.ics").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file: ").doesNotContain("Exception");
    }

    @Test
    void importIcsSaysABadRegionOrAnUnknownEditionInTheRunsLanguage() throws Exception {
        Path program = sampleFile();
        Path feed = dir.resolve("empty.ics");
        Files.writeString(feed, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");

        Run region = jqsi("import-ics", "--edition", "jqsi-2021", "--partner", "cs3r", "--region", "99",
                "--into", program.toString(), feed.toString());
        Run regionEn = jqsi("import-ics", "--lang", "en", "--edition", "jqsi-2021", "--partner", "cs3r", "--region",
                "99", "--into", program.toString(), feed.toString());
        Run edition = jqsi("import-ics", "--edition", "jqsi-1999", "--partner", "cs3r", "--region", "04",
                "--into", program.toString(), feed.toString());
        Run editionEn = jqsi("import-ics", "--lang", "en", "--edition", "jqsi-1999", "--partner", "cs3r",
                "--region", "04", "--into", program.toString(), feed.toString());

        assertThat(region.status()).isEqualTo(2);
        assertThat(region.err()).isEqualToIgnoringNewLines(
                "jqsi import-ics : --region : 99 n'est pas une région du Québec (01 à 17)");
        assertThat(regionEn.status()).isEqualTo(2);
        assertThat(regionEn.err()).isEqualToIgnoringNewLines(
                "jqsi import-ics: --region: 99 is not a region of Quebec (01 to 17)");
        assertThat(edition.status()).isEqualTo(1);
        assertThat(edition.err()).isEqualToIgnoringNewLines(
                "jqsi import-ics : " + program + " n'a pas d'édition jqsi-1999 ou pas de partenaire cs3r");
        assertThat(editionEn.status()).isEqualTo(1);
        assertThat(editionEn.err()).isEqualToIgnoringNewLines(
                "jqsi import-ics: " + program + " has no edition jqsi-1999 or no partner cs3r");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(jqsi("validate").status()).isEqualTo(2);
        assertThat(jqsi("validate", "--lang", "de", "x.json").status()).isEqualTo(2);
        assertThat(jqsi("frobnicate").status()).isEqualTo(2);
        Run none = jqsi();
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("il manque la sous-commande : serve, validate, export, import-ics, import-sheet ou submissions");
        assertThat(jqsi("serve", "--port", "70000").status()).isEqualTo(2);
        Run noIdle = jqsi("serve", "--idle-timeout", "0");
        assertThat(noIdle.status()).isEqualTo(2);
        assertThat(noIdle.err()).contains("jqsi serve : --idle-timeout : au moins 0.001 seconde");
        assertThat(jqsi("serve", "--reload-interval", "0.0001").status()).isEqualTo(2);
        Run badOrigin = jqsi("serve", "--image-origins", "http://images.example.org/photos");
        assertThat(badOrigin.status()).isEqualTo(2);
        assertThat(badOrigin.err()).contains("--image-origins : attendu : des origines https");
    }

    @Test
    void everyMessageOfARunIsInTheLanguageOfLangOrElseOfTheLocale() throws Exception {
        Path missing = dir.resolve("absent.json");
        Map<String, String> english = Map.of("LANG", "en_CA.UTF-8");

        Run french = jqsi("validate", missing.toString());
        Run byLocale = jqsiWith(english, "validate", missing.toString());
        Run byOption = jqsiWith(english, "validate", "--lang", "fr", missing.toString());
        Run lcAllFirst = jqsiWith(Map.of("LANG", "en_CA.UTF-8", "LC_ALL", "fr_CA.UTF-8"), "validate",
                missing.toString());

        assertThat(french.out()).isEqualTo(missing + " : non valide, 1 erreur(s)\n  " + missing
                + " : le programme n'a pas pu être chargé : fichier introuvable : " + missing + "\n");
        assertThat(byLocale.out()).isEqualTo(missing + ": not valid, 1 error(s)\n  " + missing
                + ": the program could not be loaded: no such file: " + missing + "\n");
        assertThat(byOption.out()).isEqualTo(french.out());
        assertThat(lcAllFirst.out()).isEqualTo(french.out());
        assertThat(jqsiWith(english, "--help").out()).contains("Usage: jqsi");
    }

    @Test
    void badUsageIsSaidInTheRunsLanguage() throws Exception {
        Run formatFr = jqsi("export", "--format", "pdf", sampleFile().toString());
        Run formatEn = jqsi("export", "--lang", "en", "--format", "pdf", sampleFile().toString());
        Run formatByLocale = jqsiWith(Map.of("LANG", "en_CA.UTF-8"), "export", "--format", "pdf",
                sampleFile().toString());
        Run missingFr = jqsi("export", "--format", "ics");
        Run unknownEn = jqsiWith(Map.of("LANG", "en_US.UTF-8"), "validate", "--frobnicate", "x.json");
        Run badLang = jqsi("validate", "--lang", "de", "x.json");

        assertThat(formatFr.status()).isEqualTo(2);
        assertThat(formatFr.err()).startsWith("jqsi export : valeur invalide pour --format : « pdf » ; attendu : "
                + "ics, json, jsonld\nAide : jqsi export --help");
        assertThat(formatEn.err()).startsWith("jqsi export: invalid value for --format: \"pdf\"; expected ics, json, "
                + "jsonld\nHelp: jqsi export --help");
        assertThat(formatByLocale.err()).isEqualTo(formatEn.err());
        assertThat(missingFr.status()).isEqualTo(2);
        assertThat(missingFr.err()).startsWith("jqsi export : il manque FILE");
        assertThat(unknownEn.status()).isEqualTo(2);
        assertThat(unknownEn.err()).startsWith("jqsi validate: unknown argument: --frobnicate");
        assertThat(badLang.err()).startsWith("jqsi validate : valeur invalide pour --lang : « de » ; attendu : fr, en");
    }

    @Test
    void anUnexpectedFailureIsOneLineInTheRunsLanguageWithoutTheExceptionsName() throws Exception {
        Path nowhere = dir.resolve("nowhere").resolve("out.ics");

        Run french = jqsi("export", "--format", "ics", "-o", nowhere.toString(), sampleFile().toString());
        Run english = jqsi("export", "--lang", "en", "--format", "ics", "-o", nowhere.toString(),
                sampleFile().toString());

        assertThat(french.status()).isEqualTo(1);
        assertThat(french.err()).isEqualTo("jqsi export : fichier introuvable : " + nowhere + "\n");
        assertThat(english.status()).isEqualTo(1);
        assertThat(english.err()).isEqualTo("jqsi export: no such file: " + nowhere + "\n");
    }

    @Test
    void validateReportsEveryProblemOfAFileInOneRunInTheOrderOfTheFile() throws Exception {
        String sample = Files.readString(sampleFile());
        int vernissage = sample.indexOf("\"id\": \"vernissage-changer-le-monde-2020\"");
        int title = sample.indexOf("\"title\"", vernissage);
        String broken = sample.substring(0, title) + "\"titre\"" + sample.substring(title + "\"title\"".length());
        broken = broken.replaceFirst("\"partnerId\": \"ceci\"", "\"partnerId\": \"cecy\"");
        Path file = dir.resolve("casse.json");
        Files.writeString(file, broken);

        Run french = jqsi("validate", file.toString());
        Run english = jqsi("validate", "--lang", "en", file.toString());

        assertThat(french.status()).isEqualTo(1);
        assertThat(french.out()).startsWith(file + " : non valide, 3 erreur(s)\n");
        // The warnings of the sample come in their places too.
        assertThat(french.out().lines().skip(1).filter(line -> !line.contains(" : avertissement : ")).toList())
                .satisfiesExactly(
                line -> assertThat(line).matches("  .*casse\\.json:\\d+:\\d+ \\(activities\\[2\\]\\.title\\) : la "
                        + "propriété obligatoire « title » manque ou vaut null"),
                line -> assertThat(line).matches("  .*casse\\.json:\\d+:\\d+ \\(activities\\[2\\]\\.titre\\) : "
                        + "propriété inconnue « titre » ; propriétés permises ici : .*"),
                line -> assertThat(line).matches("  .*casse\\.json:\\d+:\\d+ \\(activities\\[5\\]\\.partners\\[0\\]"
                        + "\\.partnerId\\) : .*« cecy ».*"));
        assertThat(english.out()).startsWith(file + ": not valid, 3 error(s)\n")
                .contains("required property \"title\" is missing or null", "unknown property \"titre\"",
                        "there is no partner with id \"cecy\"");
    }

    @Test
    void aFileThatIsNotUtf8GetsOneMessageThatSaysSo() throws Exception {
        Path file = dir.resolve("latin1.json");
        Files.write(file, Files.readString(sampleFile()).getBytes(StandardCharsets.ISO_8859_1));

        Run french = jqsi("validate", file.toString());
        Run english = jqsi("validate", "--lang", "en", file.toString());

        assertThat(french.status()).isEqualTo(1);
        assertThat(french.out()).matches("(?s)\\Q" + file + "\\E : non valide, 1 erreur\\(s\\)\n  \\Q" + file
                + "\\E:\\d+:\\d+ : le fichier n'est pas en UTF-8 : enregistrez-le en UTF-8 .*\n");
        assertThat(english.out()).contains("1 error(s)", "the file is not UTF-8: save it as UTF-8");
    }

    @Test
    void jsonSyntaxIsSaidInFrenchWithoutJacksonsEnglish() throws Exception {
        Path file = dir.resolve("tronque.json");
        Files.writeString(file, "{\n  \"formatVersion\": 1,\n  \"editions\": [\n");

        Run french = jqsi("validate", file.toString());
        Run english = jqsi("validate", "--lang", "en", file.toString());

        assertThat(french.out()).containsPattern("tronque\\.json:\\d+:\\d+ : le fichier se termine avant la fin d'un "
                + "tableau : il manque « ] » \\(]}\\)").doesNotContain("Unexpected", "end-of-input", "marker");
        assertThat(english.out()).contains("the file ends before the end of an array: \"]\" is missing (]})");
    }

    @Test
    void exportRefusesAnIdTheProgramDoesNotHaveWithTheIdsItHasAndTakesAllEditions() throws Exception {
        Path program = sampleFile();

        Run edition = jqsi("export", "--format", "ics", "--edition", "nope", program.toString());
        Run partner = jqsi("export", "--lang", "en", "--format", "ics", "--partner", "oxfam", program.toString());
        Run theme = jqsi("export", "--format", "json", "--theme", "climat", program.toString());
        Path everything = dir.resolve("all.json");
        Run all = jqsi("export", "--format", "json", "--edition", "all", "-o", everything.toString(),
                program.toString());

        assertThat(edition.status()).isEqualTo(2);
        assertThat(edition.out()).isEmpty();
        assertThat(edition.err()).isEqualTo("jqsi export : --edition : édition inconnue « nope » ; les éditions sont : "
                + "jqsi-2020, jqsi-2021, all\n");
        assertThat(partner.status()).isEqualTo(2);
        assertThat(partner.err()).isEqualTo("jqsi export: --partner: unknown partner \"oxfam\"; the partners are: "
                + "aqoci, ceci, cs3r, culture-trois-rivieres, les-ptites-vues, vues-d-afrique\n");
        assertThat(theme.status()).isEqualTo(2);
        assertThat(theme.err()).startsWith("jqsi export : --theme : thème inconnu « climat » ; les thèmes sont : ")
                .contains("migration-justice");
        assertThat(all.status()).as(all.err()).isZero();
        assertThat(new org.jqsi.json.ProgramReader().read(everything).activities()).hasSize(7);
    }

    @Test
    void serveSaysItsVersion() {
        Run version = jqsi("serve", "--version");

        assertThat(version.status()).isZero();
        assertThat(version.out()).matches("jqsi \\S+\n");
        assertThat(jqsi("validate", "--version").out()).isEqualTo(version.out());
    }

    @Test
    void servingOnAPortInUseSaysSoAndHowToChooseAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());

            Run french = jqsi("serve", "--host", "127.0.0.1", "--port", port);
            Run english = jqsi("serve", "--lang", "en", "--host", "127.0.0.1", "--port", port);

            assertThat(french.status()).isEqualTo(1);
            assertThat(french.err()).isEqualTo("jqsi serve : le port " + port + " est déjà utilisé ; choisissez-en "
                    + "un autre avec --port\n");
            assertThat(english.status()).isEqualTo(1);
            assertThat(english.err()).isEqualTo("jqsi serve: port " + port + " is already in use; choose another "
                    + "with --port\n");
        }
    }

    @Test
    void everySubcommandHasHelp() {
        for (String command : List.of("serve", "validate", "export", "import-ics", "import-sheet")) {
            Run help = jqsi(command, "--help");
            assertThat(help.status()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: jqsi " + command);
        }
        assertThat(jqsi("--help").out()).contains("serve", "validate", "export", "import-ics");
    }

    @Test
    void aSubcommandNamedFirstIsBuiltAloneAndReadsAsAmongAllOfThem() {
        // `jqsi serve ...` builds only serve's model (#23, startup); `jqsi help serve` builds every subcommand.
        for (String command : List.of("serve", "validate", "export", "import-ics", "import-sheet", "submissions",
                "accounts")) {
            Run alone = jqsi(command, "--help");
            Run amongAll = jqsi("help", command);
            assertThat(alone.status()).as(command).isZero();
            assertThat(alone.out()).as(command).isEqualTo(amongAll.out());
        }
        // A misspelt subcommand is not one: every subcommand is there to say what is wrong.
        Run misspelt = jqsi("serv");
        assertThat(misspelt.status()).isEqualTo(2);
        assertThat(misspelt.err()).contains("serv").doesNotContain("Exception");
        assertThat(jqsi("serve", "--no-such-option").err()).contains("--no-such-option", "jqsi serve --help");
    }
}
