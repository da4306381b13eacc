package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jqsi.server.CommandLineTest.jqsi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jqsi import-sheet}, run in this JVM on real files, with its output and exit status. */
class ImportSheetCommandTest {

    @TempDir
    Path dir;

    private Path sampleProgram() throws Exception {
        Path file = dir.resolve("programme.json");
        ProgramWriter.forFiles().write(SampleProgram.data(), file);
        return file;
    }

    /** The sample sheet that ships with the server, as an organiser has it on disk. */
    private Path sampleSheet() throws Exception {
        Path file = dir.resolve("cs3r.csv");
        // Beside the sample sources file that serves it (tests run in jqsi-server's directory).
        Files.copy(Path.of("sample", "sample-activities.csv"), file);
        return file;
    }

    @Test
    void importsTheSampleSheetOnceAndASecondRunChangesNothing() throws Exception {
        Path program = sampleProgram();
        String[] args = {"import-sheet", sampleSheet().toString(), "--edition", "jqsi-2021", "--partner", "cs3r",
            "--region", "04", "--into", program.toString()};

        Run first = jqsi(args);
        byte[] afterFirst = Files.readAllBytes(program);
        Run second = jqsi(args);

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("5 ajoutée(s), 0 modifiée(s), 0 inchangée(s), 0 annulée(s) (plus dans le "
                + "tableur)\n").containsPattern("\n  \\+ quiz-solidaire-justice-climatique-t[0-9a-f]{8} \\(ligne 2\\)\n")
                .contains("(ligne 6)");
        assertThat(second.status()).isZero();
        assertThat(second.out()).startsWith("0 ajoutée(s), 0 modifiée(s), 5 inchangée(s), 0 annulée(s)");
        assertThat(Files.readAllBytes(program)).isEqualTo(afterFirst);
        ProgramData data = new ProgramReader().read(program);
        assertThat(data.activities()).hasSize(SampleProgram.activities().size() + 5);
        Run validate = jqsi("validate", program.toString());
        assertThat(validate.status()).isZero();
        assertThat(validate.out()).contains("(12 activités");
    }

    @Test
    void aSheetWithProblemsChangesNothingAndListsThemAllInTheChosenLanguage() throws Exception {
        Path program = sampleProgram();
        byte[] before = Files.readAllBytes(program);
        Path sheet = dir.resolve("erreurs.csv");
        Files.writeString(sheet, "Titre;Début;Fin;Région\nQuiz;31/11/2021 19 h;;Mauricie\n"
                + "Panel;2021-11-12 19 h;2021-11-12 17 h;Ontario\n");

        Run french = jqsi("import-sheet", sheet.toString(), "--edition", "jqsi-2021", "--partner", "cs3r",
                "--into", program.toString());
        Run english = jqsi("import-sheet", "--lang", "en", sheet.toString(), "--edition", "jqsi-2021", "--partner",
                "cs3r", "--into", program.toString());

        assertThat(french.status()).isEqualTo(1);
        assertThat(french.err()).isEqualTo(sheet + " : ligne 2, colonne Début (B) : « 31/11/2021 19 h » : ce mois n'a "
                + "pas de 31e jour (il en a 30)\n"
                + sheet + " : ligne 3, colonne Région (D) : « Ontario » n'est pas une région du Québec : son code (04 "
                + "ou 4) ou son nom (Mauricie, Bas-Saint-Laurent, Gaspésie–Îles-de-la-Madeleine…)\n"
                + "rien n'est écrit dans " + program + " : corrigez le tableur et relancez l'importation\n");
        assertThat(english.status()).isEqualTo(1);
        assertThat(english.err()).contains(sheet + ": row 2, column Début (B): \"31/11/2021 19 h\": that month has "
                + "no day 31 (it has 30)", sheet + ": row 3, column Région (D): \"Ontario\" is not a region of Quebec")
                .contains("nothing is written to " + program);
        assertThat(Files.readAllBytes(program)).isEqualTo(before);
        Files.writeString(sheet, "Titre;Début;Fin;Région\nPanel;2021-11-12 19 h;2021-11-12 17 h;04\n");
        assertThat(jqsi("import-sheet", sheet.toString(), "--edition", "jqsi-2021", "--partner", "cs3r",
                "--into", program.toString()).err()).startsWith(sheet + " : ligne 2, colonne Fin (C) : la fin "
                + "2021-11-12T17:00 doit suivre le début 2021-11-12T19:00\n");
        assertThat(Files.readAllBytes(program)).isEqualTo(before);
    }

    @Test
    void aSheetSavedInWindows1252GetsOneMessageThatSaysHowToSaveIt() throws Exception {
        Path program = sampleProgram();
        Path sheet = dir.resolve("ancien-excel.csv");
        Files.write(sheet, "Titre;Début\nQuiz à Trois-Rivières;2021-11-09 19 h\n".getBytes("windows-1252"));

        Run run = jqsi("import-sheet", sheet.toString(), "--edition", "jqsi-2021", "--partner", "cs3r", "--into",
                program.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(2);
        assertThat(run.err()).startsWith(sheet + " : le fichier n'est pas en UTF-8 (ligne 1, l'octet 0xE9 dans "
                + "« Début »").contains("« CSV UTF-8 (délimité par des virgules) »");
    }

    @Test
    void theTemplateIsWrittenInEitherLanguageAndFormatAndItsExampleImportsCleanly() throws Exception {
        Path csv = dir.resolve("modele.csv");
        Path xlsx = dir.resolve("template.xlsx");

        Run french = jqsi("import-sheet", "--template", "fr", "--output", csv.toString());
        Run english = jqsi("import-sheet", "--lang", "en", "--template", "en", "--output", xlsx.toString());

        assertThat(french.status()).as(french.err()).isZero();
        assertThat(french.out()).startsWith("modèle écrit : " + csv + " (34 colonnes, et une ligne d'exemple");
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFIdentifiant;Type;Titre (français);")
                .contains("soiree-courts-metrages-engages-2020;projection;Soirée de courts métrages engagés;");
        assertThat(english.status()).as(english.err()).isZero();
        assertThat(english.out()).startsWith("template written: " + xlsx + " (34 columns");
        assertThat(Files.readAllBytes(xlsx)).startsWith('P', 'K', 3, 4);
        for (Path template : new Path[] {csv, xlsx}) {
            Path program = sampleProgram();
            String example = activityJson(program, "soiree-courts-metrages-engages-2020");
            Run imported = jqsi("import-sheet", template.toString(), "--edition", "jqsi-2020", "--partner",
                    "les-ptites-vues", "--source", "ptites-vues", "--into", program.toString());
            // The example is the program file's activity: the sheet's row comes under the sheet's name beside it.
            assertThat(imported.status()).as(imported.err()).isZero();
            assertThat(imported.out()).startsWith("1 ajoutée(s), 0 modifiée(s), 0 inchangée(s), 0 annulée(s)")
                    .contains("+ ptites-vues-soiree-courts-metrages-engages-2020");
            assertThat(activityJson(program, "soiree-courts-metrages-engages-2020")).isEqualTo(example);
            assertThat(jqsi("validate", program.toString()).status()).isZero();
        }
    }

    /**
     * Issue 18's fault, for sheets: a sheet imported as cs3r whose row names CECI's activity leaves it byte-identical
     * and brings the row under the sheet's own name, with a warning; a second run changes nothing.
     */
    @Test
    void importSheetNeverRewritesAnotherOwnersActivity() throws Exception {
        Path program = sampleProgram();
        String ceci = activityJson(program, SampleProgram.CECI_DISCUSSION_1);
        Path sheet = dir.resolve("tableur.csv");
        Files.writeString(sheet, "Identifiant;Titre;Début\n" + SampleProgram.CECI_DISCUSSION_1
                + ";Autre chose;2021-11-10 19 h\n", StandardCharsets.UTF_8);
        String[] args = {"import-sheet", "--lang", "en", sheet.toString(), "--edition", "jqsi-2021", "--partner",
            "cs3r", "--region", "04", "--into", program.toString()};

        Run run = jqsi(args);
        byte[] afterFirst = Files.readAllBytes(program);
        Run again = jqsi(args);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("1 added, 0 changed, 0 unchanged, 0 cancelled")
                .contains("+ cs3r-tableur-ceci-discussion-agir-pour-egalite-1-2021 (row 2)")
                .contains("row 2, column Identifiant (A): the id \"ceci-discussion-agir-pour-egalite-1-2021\" is "
                        + "already that of an activity whose owner is the program file");
        assertThat(activityJson(program, SampleProgram.CECI_DISCUSSION_1)).isEqualTo(ceci);
        assertThat(Files.readString(program)).contains("\"source\": \"cs3r-tableur\"");
        assertThat(again.status()).isZero();
        assertThat(again.out()).startsWith("0 added, 0 changed, 1 unchanged");
        assertThat(Files.readAllBytes(program)).isEqualTo(afterFirst);
        assertThat(jqsi("import-sheet", sheet.toString(), "--edition", "jqsi-2021", "--partner", "cs3r",
                "--source", "Pas un id", "--into", program.toString()).status()).isEqualTo(2);
    }

    private static String activityJson(Path program, String id) throws Exception {
        Activity activity = new ProgramReader().read(program).activities().stream()
                .filter(a -> a.id().equals(id)).findFirst().orElseThrow();
        return ProgramWriter.forWeb().toJson(new ProgramData(List.of(), List.of(), List.of(activity)));
    }

    @Test
    void aSheetAtAnAddressIsFetched() throws Exception {
        Path program = sampleProgram();
        String sheet = new String(Files.readAllBytes(sampleSheet()), StandardCharsets.UTF_8);
        String url;
        try (MisbehavingServer server = new MisbehavingServer().body(sheet, "text/csv; charset=utf-8")) {
            url = server.uri("/cs3r.csv").toString();
            Run refused = jqsi("import-sheet", "--lang", "en", url, "--edition", "jqsi-2021", "--partner", "cs3r",
                    "--into", program.toString());
            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.err()).startsWith("jqsi import-sheet: " + url + ": ")
                    .contains("127.0.0.1").contains("--allow-private-addresses");
            assertThat(refused.out()).isEmpty();

            Run run = jqsi("import-sheet", "--lang", "en", url, "--allow-private-addresses", "--edition",
                    "jqsi-2021", "--partner", "cs3r", "--into", program.toString());

            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("5 added, 0 changed, 0 unchanged, 0 cancelled (no longer in the sheet)");
        }
        Run gone = jqsi("import-sheet", "--lang", "en", url, "--allow-private-addresses", "--edition", "jqsi-2021",
                "--partner", "cs3r", "--into", program.toString());
        assertThat(gone.status()).isEqualTo(1);
        assertThat(gone.err()).isEqualTo("jqsi import-sheet: " + url + ": the server refuses the connection\n");
    }

    @Test
    void badUsageSaysWhatIsMissingAndExitsWithTwo() throws Exception {
        Path program = sampleProgram();
        Path sheet = sampleSheet();

        Run noInto = jqsi("import-sheet", sheet.toString(), "--edition", "jqsi-2021", "--partner", "cs3r");
        assertThat(noInto.status()).isEqualTo(2);
        assertThat(noInto.err()).isEqualTo("jqsi import-sheet : --into : il manque le fichier de programme où "
                + "importer\n");
        assertThat(jqsi("import-sheet", "--lang", "en", sheet.toString(), "--partner", "cs3r", "--into",
                program.toString()).err()).isEqualTo("jqsi import-sheet: --edition: the edition of the sheet's "
                + "activities is missing (jqsi-2021)\n");
        assertThat(jqsi("import-sheet", sheet.toString(), "--edition", "jqsi-2021", "--partner", "cs3r", "--region",
                "99", "--into", program.toString()).status()).isEqualTo(2);
        assertThat(jqsi("import-sheet", "--template", "de", "--output", "x.csv").status()).isEqualTo(2);
        Run pdf = jqsi("import-sheet", "--template", "fr", "--output", dir.resolve("x.pdf").toString());
        assertThat(pdf.status()).isEqualTo(2);
        assertThat(pdf.err()).contains("le nom du modèle finit par .csv ou .xlsx");
        assertThat(jqsi("import-sheet", "--template", "fr").status()).isEqualTo(2);
        assertThat(jqsi("import-sheet", "--template", "fr", "--output", dir.resolve("x.csv").toString(),
                sheet.toString()).status()).isEqualTo(2);
        assertThat(jqsi("import-sheet").status()).isEqualTo(2);
        Run noEdition = jqsi("import-sheet", sheet.toString(), "--edition", "jqsi-1999", "--partner", "cs3r",
                "--into", program.toString());
        assertThat(noEdition.status()).isEqualTo(1);
        assertThat(noEdition.err()).isEqualTo("jqsi import-sheet : " + program + " n'a pas d'édition jqsi-1999 ou pas "
                + "de partenaire cs3r\n");
        Run noFile = jqsi("import-sheet", "--lang", "en", dir.resolve("nowhere.csv").toString(), "--edition",
                "jqsi-2021", "--partner", "cs3r", "--into", program.toString());
        assertThat(noFile.status()).isEqualTo(1);
        assertThat(noFile.err()).startsWith("jqsi import-sheet: no such file: ").doesNotContain("Exception");
        assertThat(jqsi("import-sheet", "--help").out()).contains("Usage: jqsi import-sheet", "--template",
                "1 refused, nothing written");
    }
}
