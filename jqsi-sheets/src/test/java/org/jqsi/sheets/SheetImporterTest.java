package org.jqsi.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jqsi.sheets.Sheets.codes;
import static org.jqsi.sheets.Sheets.importCsv;
import static org.jqsi.sheets.Sheets.into2021;
import static org.jqsi.sheets.Sheets.lines;
import static org.jqsi.sheets.Sheets.resource;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.Admission;
import org.jqsi.core.model.Involvement;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.Origin;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Price;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.Severity;
import org.junit.jupiter.api.Test;

/** CSV sheets as organisers' spreadsheet programs write them, read into the sample program. */
class SheetImporterTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    private static Map<String, Activity> byTitle(List<Activity> activities) {
        return activities.stream().collect(Collectors.toMap(a -> a.title().fr(), Function.identity()));
    }

    @Test
    void readsWhatFrenchExcelWritesSemicolonsByteOrderMarkCrlfAndLineBreaksInQuotes() {
        SheetImport result = Sheets.IMPORTER.importSheet(resource("cs3r-excel-fr.csv"), "cs3r.csv",
                into2021("cs3r", null), SampleProgram.data());

        assertThat(result.errors()).isEmpty();
        assertThat(result.added()).hasSize(5);
        Map<String, Activity> added = byTitle(result.added());

        Activity quiz = added.get("Quiz solidaire : justice climatique");
        assertThat(quiz.id()).matches("quiz-solidaire-justice-climatique-t[0-9a-f]{8}");
        assertThat(quiz.editionId()).isEqualTo("jqsi-2021");
        assertThat(quiz.kind()).isEqualTo(ActivityKind.QUIZ);
        assertThat(quiz.title().en()).isEqualTo("Solidarity quiz: climate justice");
        assertThat(quiz.schedule()).isEqualTo(Schedule.Timed.between(LocalDateTime.of(2021, 11, 9, 19, 0),
                LocalDateTime.of(2021, 11, 9, 21, 0), TORONTO));
        assertThat(quiz.place()).isEqualTo(new Place.Venue("Salle Anaïs-Allard-Rousseau",
                new Address("1425, place de l'Hôtel-de-Ville", "Trois-Rivières", null), null));
        assertThat(quiz.region()).isEqualTo(Region.MAURICIE);
        assertThat(quiz.description().fr()).isEqualTo("Cinq manches de questions sur la justice climatique.\n"
                + "En équipes de quatre : apportez vos amis !");
        assertThat(quiz.registration()).isEqualTo(Registration.requiredAt(URI.create("https://www.cs3r.org/quiz")));
        assertThat(quiz.admission()).isEqualTo(Admission.free());
        assertThat(quiz.languages()).containsExactly(Locale.forLanguageTag("fr"));
        assertThat(quiz.themeTags()).containsExactly("justice-climatique");
        assertThat(quiz.partners()).containsExactly(new Involvement("cs3r", PartnerRole.ORGANIZER));
        assertThat(quiz.status()).isEqualTo(Status.SCHEDULED);
        assertThat(quiz.lastModified()).isEqualTo(Sheets.CLOCK.instant());

        Activity conference = added.get("Conférence en ligne : la souveraineté alimentaire");
        assertThat(conference.schedule()).isEqualTo(Schedule.Timed.between(LocalDateTime.of(2021, 11, 12, 12, 0),
                LocalDateTime.of(2021, 11, 12, 13, 30), TORONTO));
        assertThat(conference.place()).isEqualTo(new Place.Online(URI.create("https://www.facebook.com/cs3r.org/live"),
                OnlinePlatform.FACEBOOK, null));
        assertThat(conference.registration()).isEqualTo(Registration.notRequired());
        assertThat(conference.languages()).containsExactly(Locale.forLanguageTag("fr"), Locale.forLanguageTag("en"));
        assertThat(conference.title().en()).isNull();

        Activity exhibition = added.get("Exposition : une œuvre à la fois");
        assertThat(exhibition.schedule()).isEqualTo(Schedule.Window.days(LocalDate.of(2021, 11, 15),
                LocalDate.of(2021, 11, 26), TORONTO));

        Activity screening = added.get("Ciné-échange : courts métrages de Vues d'Afrique");
        assertThat(screening.kind()).isEqualTo(ActivityKind.SCREENING);
        assertThat(screening.region()).isEqualTo(Region.MAURICIE);
        assertThat(screening.place()).isInstanceOf(Place.Hybrid.class);
        assertThat(screening.place().onlinePart().orElseThrow().platform()).isEqualTo(OnlinePlatform.YOUTUBE);
        assertThat(screening.description().fr()).contains("\"en direct\"");
        assertThat(screening.admission().prices()).containsExactly(new Price(new BigDecimal("10.00"), null),
                new Price(new BigDecimal("5.00"), LocalizedText.fr("étudiants")));

        Activity workshop = added.get("Atelier d'écriture solidaire");
        assertThat(workshop.schedule()).isEqualTo(Schedule.ToBeAnnounced.unknown());
        assertThat(workshop.kind()).isEqualTo(ActivityKind.WORKSHOP);

        assertThat(result.program().activities()).hasSize(SampleProgram.activities().size() + 5);
        assertThat(result.rows()).containsEntry(quiz.id(), 2).containsEntry(workshop.id(), 6);
    }

    @Test
    void readsEnglishHeadersCommasAndLineFeeds() {
        SheetImport result = Sheets.IMPORTER.importSheet(resource("ceci-en.csv"), "ceci.csv",
                into2021("ceci", Region.MONTREAL), SampleProgram.data());

        assertThat(result.errors()).isEmpty();
        Map<String, Activity> added = byTitle(result.added());
        Activity discussion = added.get("Discussion : agir pour l'égalité");
        assertThat(discussion.schedule()).isEqualTo(Schedule.Timed.between(LocalDateTime.of(2021, 11, 16, 19, 0),
                LocalDateTime.of(2021, 11, 16, 20, 30), TORONTO));
        assertThat(discussion.place()).isEqualTo(new Place.Hybrid(
                new Place.Venue("Maison du développement durable",
                        new Address("50, rue Sainte-Catherine Ouest", "Montréal", null), null),
                new Place.Online(URI.create("https://zoom.us/j/123456789"), OnlinePlatform.ZOOM, null)));
        assertThat(discussion.region()).isEqualTo(Region.MONTREAL);
        assertThat(discussion.registration().url()).isEqualTo(URI.create("https://ceci.ca/inscription"));
        assertThat(discussion.languages()).containsExactly(Locale.forLanguageTag("fr"), Locale.forLanguageTag("en"));
        Activity panel = added.get("Panel: women and climate");
        assertThat(panel.region()).as("the import's region for a row with none").isEqualTo(Region.MONTREAL);
        assertThat(panel.schedule().startsAt().orElseThrow().toLocalTime()).hasHour(12);
        assertThat(panel.languages()).containsExactly(Locale.forLanguageTag("fr"), Locale.forLanguageTag("en"));
    }

    @Test
    void aFileInWindows1252GetsOneProblemThatSaysHowToSaveIt() {
        SheetImport result = Sheets.IMPORTER.importSheet(resource("cs3r-windows-1252.csv"), "cs3r.csv",
                into2021("cs3r", null), SampleProgram.data());

        assertThat(result.accepted()).isFalse();
        assertThat(result.problems()).hasSize(1);
        assertThat(result.problems().get(0).code()).isEqualTo("sheet.not-utf8");
        assertThat(result.problems().get(0).format(Language.FR)).startsWith("cs3r.csv : le fichier n'est pas en "
                + "UTF-8 (ligne 1, l'octet 0xE7 dans « français »").contains("« CSV UTF-8 (délimité par des virgules) »");
        assertThat(result.problems().get(0).format(Language.EN)).startsWith("cs3r.csv: the file is not UTF-8 "
                + "(line 1, byte 0xE7 in \"français\"").contains("\"CSV UTF-8 (Comma delimited)\"");
        assertThat(result.program()).isEqualTo(SampleProgram.data());
    }

    @Test
    void importingTheSameSheetTwiceChangesNothing() {
        SheetTarget target = into2021("cs3r", null);
        SheetImport first = Sheets.IMPORTER.importSheet(resource("cs3r-excel-fr.csv"), "cs3r.csv", target,
                SampleProgram.data());
        SheetImport second = Sheets.IMPORTER.importSheet(resource("cs3r-excel-fr.csv"), "cs3r.csv", target,
                first.program());

        assertThat(second.accepted()).isTrue();
        assertThat(second.changedAnything()).isFalse();
        assertThat(second.unchanged()).hasSize(5);
        assertThat(second.program()).isEqualTo(first.program());
    }

    @Test
    void aSheetWithAnyBadRowChangesNothingAndListsEveryProblemAtItsRowAndColumnInBothLanguages() {
        SheetImport result = importCsv(String.join("\n",
                "Titre;Début;Fin;Région;Type",
                "Quiz solidaire;2021-11-09 19 h;2021-11-09 21 h;Mauricie;quiz",
                "Quiz impossible;31/11/2021 19 h;;Mauricie;quiz",
                ";2021-11-12;;Ontario;jeu",
                "Panel à l'envers;2021-11-12 19 h;2021-11-12 17 h;04;panel",
                ""));

        assertThat(result.accepted()).isFalse();
        assertThat(result.program()).isEqualTo(SampleProgram.data());
        assertThat(result.added()).isEmpty();
        assertThat(lines(result, Language.FR)).containsExactly(
                "sheet.csv : ligne 3, colonne Début (B) : « 31/11/2021 19 h » : ce mois n'a pas de 31e jour (il en a 30)",
                "sheet.csv : ligne 4, colonne Titre (A) : le titre en français est vide : chaque activité en a un",
                "sheet.csv : ligne 4, colonne Région (D) : « Ontario » n'est pas une région du Québec : son code (04 "
                        + "ou 4) ou son nom (Mauricie, Bas-Saint-Laurent, Gaspésie–Îles-de-la-Madeleine…)",
                "sheet.csv : ligne 4, colonne Type (E) : « jeu » n'est pas un type d'activité : conférence, "
                        + "projection, concert, exposition, quiz, panel, discussion, atelier, publication, autre",
                "sheet.csv : ligne 5, colonne Fin (C) : la fin 2021-11-12T17:00 doit suivre le début 2021-11-12T19:00");
        assertThat(lines(result, Language.EN)).containsExactly(
                "sheet.csv: row 3, column Début (B): \"31/11/2021 19 h\": that month has no day 31 (it has 30)",
                "sheet.csv: row 4, column Titre (A): the French title is empty: every activity has one",
                "sheet.csv: row 4, column Région (D): \"Ontario\" is not a region of Quebec: its code (04 or 4) or "
                        + "its name (Mauricie, Bas-Saint-Laurent, Gaspésie–Îles-de-la-Madeleine…)",
                "sheet.csv: row 4, column Type (E): \"jeu\" is not a kind of activity: conference, screening, "
                        + "concert, exhibition, quiz, panel, discussion, workshop, publication, other",
                "sheet.csv: row 5, column Fin (C): the end 2021-11-12T17:00 must be after the start 2021-11-12T19:00");
    }

    @Test
    void eachHeaderIsRecognisedOnItsOwnInFrenchEnglishOrAsAPathOfTheProgramFile() {
        SheetImport result = importCsv(String.join("\n",
                "title.fr,TITLE (english),début,schedule.end,region,Municipality,place.name,Lien d'inscription,"
                        + "# notes internes,themeTags",
                "Conférence,Talk,2021-11-10 19:00,21:00,Mauricie,Shawinigan,Salle Philippe-Filion,"
                        + "https://cs3r.org/i,appeler Julie,\"migration, justice climatique\"",
                ""));

        assertThat(result.errors()).isEmpty();
        Activity talk = result.added().get(0);
        assertThat(talk.title()).isEqualTo(LocalizedText.of("Conférence", "Talk"));
        assertThat(talk.schedule()).isEqualTo(Schedule.Timed.between(LocalDateTime.of(2021, 11, 10, 19, 0),
                LocalDateTime.of(2021, 11, 10, 21, 0), TORONTO));
        assertThat(talk.place()).isEqualTo(new Place.Venue("Salle Philippe-Filion", Address.in("Shawinigan"), null));
        assertThat(talk.registration()).isEqualTo(Registration.requiredAt(URI.create("https://cs3r.org/i")));
        assertThat(talk.themeTags()).containsExactly("migration", "justice-climatique");
    }

    @Test
    void anUnknownHeaderIsAProblemNamingTheNearestColumn() {
        SheetImport result = importCsv(String.join("\n",
                "Titre (français);Tittre (anglais);Début;Title;Date de début;Personnes;;Lieux",
                "Quiz;Quiz;2021-11-09 19 h;Quiz;2021-11-09;Julie;x;",
                ""));

        assertThat(result.errors()).extracting(p -> p.format(Language.FR)).containsExactly(
                "sheet.csv : ligne 1, colonne Tittre (anglais) (B) : « Tittre (anglais) » n'est pas une colonne que "
                        + "jqsi connaît : vouliez-vous dire « Titre (anglais) » ? Pour garder une colonne à vous, "
                        + "commencez son en-tête par #",
                "sheet.csv : ligne 1, colonne Title (D) : « Title » : le titre en français ou en anglais ? Écrivez "
                        + "« Title (French) » ou « Title (English) »",
                "sheet.csv : ligne 1, colonne Date de début (E) : « Date de début » dit la même chose que la colonne "
                        + "« Début » (C) : gardez-en une",
                "sheet.csv : ligne 1, colonne Personnes (F) : « Personnes » n'est pas une colonne que jqsi connaît "
                        + "(le modèle les a toutes : jqsi import-sheet --template fr) ; pour garder une colonne à vous, "
                        + "commencez son en-tête par #",
                "sheet.csv : ligne 1, colonne G : la colonne n'a pas d'en-tête, mais la ligne 2 y a une valeur : "
                        + "nommez la colonne, ou commencez son en-tête par # pour qu'elle ne soit pas lue",
                "sheet.csv : ligne 1, colonne Lieux (H) : « Lieux » n'est pas une colonne que jqsi connaît : "
                        + "vouliez-vous dire « Lieu » ? Pour garder une colonne à vous, commencez son en-tête par #");
        assertThat(importCsv("Type;Fin\nquiz;2021-11-09\n").problems()).extracting(p -> p.message().in(Language.EN))
                .containsExactly("row 1: the column \"Title (French)\" (title.fr) is missing: every activity has a "
                        + "French title", "row 1: the column \"Start\" (schedule.start), or \"Date\", is missing: "
                        + "every activity has a date, or \"to be announced\"");
    }

    @Test
    void aRowInTheMagdalenIslandsOrOnTheLowerNorthShoreKeepsItsOwnTime() {
        SheetImport result = importCsv(String.join("\n",
                "Titre;Début;Région;Lieu;Municipalité;Fuseau horaire",
                "Aux Îles;2021-11-10 19:00;11;Salle communautaire;Cap-aux-Meules;",
                "En Basse-Côte-Nord;2021-11-10 19:00;Côte-Nord;Centre communautaire;Blanc-Sablon;",
                "En Gaspésie;2021-11-10 19:00;Gaspesie–Iles-de-la-Madeleine;Salle;Gaspé;",
                "Dit par la colonne;2021-11-10 19:00;11;En ligne;Gaspé;Îles-de-la-Madeleine",
                "Par son identifiant;2021-11-10 19:00;;;;America/Halifax",
                ""));

        assertThat(result.errors()).isEmpty();
        Map<String, Activity> added = byTitle(result.added());
        assertThat(added.get("Aux Îles").schedule().zoneId()).contains(ZoneId.of("America/Halifax"));
        assertThat(added.get("En Basse-Côte-Nord").schedule().zoneId()).contains(ZoneId.of("America/Blanc-Sablon"));
        assertThat(added.get("En Gaspésie").schedule().zoneId()).contains(TORONTO);
        assertThat(added.get("Dit par la colonne").schedule().zoneId()).contains(ZoneId.of("America/Halifax"));
        assertThat(added.get("Par son identifiant").schedule().zoneId()).contains(ZoneId.of("America/Halifax"));
        assertThat(added.get("Aux Îles").schedule().startsAt().orElseThrow().toInstant())
                .isEqualTo("2021-11-10T23:00:00Z");
        assertThat(importCsv("Titre;Début;Fuseau horaire\nQuiz;2021-11-10 19:00;-05:00\n").problems())
                .extracting(p -> p.code()).containsExactly("cell.zone");
    }

    @Test
    void wallClockTimesStayWhatTheSheetSaysAcrossTheEndOfDaylightSaving() {
        SheetImport result = importCsv(String.join("\n",
                "Titre;Début",
                "Avant;samedi 6 novembre 2021 19 h 30",
                "Après;lundi 8 novembre 2021 19 h 30",
                "Pendant;2021-11-07 01:30",
                ""));

        assertThat(result.errors()).isEmpty();
        Map<String, Activity> added = byTitle(result.added());
        assertThat(added.get("Avant").schedule().startsAt().orElseThrow().getOffset())
                .isEqualTo(ZoneOffset.ofHours(-4));
        assertThat(added.get("Après").schedule().startsAt().orElseThrow().getOffset())
                .isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(result.warnings()).extracting(p -> p.format(Language.EN))
                .contains("sheet.csv: warning: row 4, column Début (B): 2021-11-07T01:30 happens twice in "
                        + "America/Toronto (the clocks fall back an hour); the first one is used");
    }

    @Test
    void aRowNeverChangesAnActivityOfAnotherOwnerAndComesUnderTheSourcesNameWithAWarning() {
        Activity ceci = SampleProgram.activities().get(5);
        String sheet = "Identifiant;Titre;Début\n" + ceci.id() + ";Discussion;à confirmer\n";

        // Whatever the partner: the program file's activity is the file's, not any sheet's.
        for (String partner : List.of("cs3r", "ceci")) {
            SheetImport result = importCsv(sheet, into2021(partner, null), SampleProgram.data());

            assertThat(result.accepted()).isTrue();
            assertThat(result.program().activities()).contains(ceci);
            assertThat(result.changed()).isEmpty();
            assertThat(result.added()).singleElement().satisfies(added -> {
                assertThat(added.id()).isEqualTo(partner + "-" + ceci.id());
                assertThat(added.origin()).isEqualTo(Origin.of(partner, ceci.id()));
            });
            assertThat(result.rows()).containsEntry(partner + "-" + ceci.id(), 2);
        }
        SheetImport asCs3r = importCsv(sheet, into2021("cs3r", null), SampleProgram.data());
        assertThat(lines(asCs3r, Language.FR)).containsExactly("sheet.csv : avertissement : ligne 2, colonne "
                + "Identifiant (A) : l'identifiant « ceci-discussion-agir-pour-egalite-1-2021 » est déjà celui d'une "
                + "activité dont le propriétaire est le fichier du programme : cette ligne ne la change pas, elle est "
                + "importée sous l'identifiant cs3r-ceci-discussion-agir-pour-egalite-1-2021");
        assertThat(lines(asCs3r, Language.EN)).containsExactly("sheet.csv: warning: row 2, column Identifiant (A): "
                + "the id \"ceci-discussion-agir-pour-egalite-1-2021\" is already that of an activity whose owner is "
                + "the program file: this row does not change it, it is imported as "
                + "cs3r-ceci-discussion-agir-pour-egalite-1-2021");

        SheetImport again = importCsv(sheet, into2021("cs3r", null), asCs3r.program());
        assertThat(again.changedAnything()).isFalse();
        assertThat(again.program()).isEqualTo(asCs3r.program());
    }

    @Test
    void aSheetChangesAndCancelsOnlyTheActivitiesOfItsOwnSource() {
        SheetTarget first = into2021("cs3r", Region.MAURICIE).withSource("cs3r-tableur");
        SheetTarget second = into2021("cs3r", Region.MAURICIE).withSource("cs3r-autre");
        SheetImport one = importCsv("Identifiant;Titre;Début\nquiz;Quiz;2021-11-09 19 h\n", first,
                SampleProgram.data());
        Activity quiz = one.added().get(0);

        // Another sheet of the same partner: its row of the same id comes under its own name, its vanishing rows
        // cancel only its own.
        SheetImport other = importCsv("Identifiant;Titre;Début\nquiz;Autre quiz;2021-11-10 19 h\n", second,
                one.program());
        SheetImport otherEmptied = importCsv("Identifiant;Titre;Début\n", second, other.program());

        assertThat(other.added()).extracting(Activity::id).containsExactly("cs3r-autre-quiz");
        assertThat(other.program().activities()).contains(quiz);
        assertThat(otherEmptied.cancelled()).extracting(Activity::id).containsExactly("cs3r-autre-quiz");
        assertThat(otherEmptied.program().activities()).contains(quiz);

        // A row the source gave an id to, gone from its sheet, is cancelled as an event gone from a feed.
        SheetImport emptied = importCsv("Identifiant;Titre;Début\n", first, otherEmptied.program());
        assertThat(emptied.cancelled()).singleElement().satisfies(gone -> {
            assertThat(gone.id()).isEqualTo("quiz");
            assertThat(gone.status()).isEqualTo(Status.CANCELLED);
            assertThat(gone.revision()).isEqualTo(quiz.revision() + 1);
        });
    }

    @Test
    void anActivityAnEarlierImportMadeWithoutOriginIsAdoptedWhenTheSheetStillHasIt() {
        SheetTarget target = into2021("cs3r", Region.MAURICIE).withSource("cs3r-tableur");
        SheetImport made = importCsv("Titre;Début\nQuiz;2021-11-09 19 h\nPanel;2021-11-10 12 h\n", target,
                SampleProgram.data());
        // As an import made before activities said their origin left them.
        List<Activity> older = made.program().activities().stream()
                .map(a -> a.toBuilder().origin(Origin.PROGRAM_FILE).build()).toList();
        ProgramData before = new ProgramData(made.program().editions(), made.program().partners(), older);
        Activity panel = older.stream().filter(a -> a.title().fr().equals("Panel")).findFirst().orElseThrow();

        SheetImport result = importCsv("Titre;Début\nQuiz;2021-11-09 19 h\n", target, before);

        assertThat(result.warnings()).extracting(p -> p.code()).doesNotContain("row.id-taken");
        assertThat(result.changed()).singleElement().satisfies(quiz -> {
            assertThat(quiz.title().fr()).isEqualTo("Quiz");
            assertThat(quiz.origin()).isEqualTo(Origin.of("cs3r-tableur", quiz.id()));
            assertThat(quiz.revision()).isZero();
        });
        assertThat(result.cancelled()).as("an activity of the file the sheet no longer has stays the file's").isEmpty();
        assertThat(result.program().activities()).contains(panel);
    }

    @Test
    void anEnglishSheetsTextsAreTheEnglishOnes() {
        SheetTarget target = into2021("cs3r", Region.MAURICIE).withLanguage(Language.EN);

        SheetImport result = importCsv("Title,Start,Description\nSolidarity quiz,2021-11-09 19:00,Five rounds.\n",
                target, SampleProgram.data());
        SheetImport french = importCsv("Titre (français),Title,Start\nQuiz solidaire,Solidarity quiz,"
                + "2021-11-09 19:00\n", target, SampleProgram.data());

        assertThat(result.errors()).isEmpty();
        assertThat(result.added()).singleElement().satisfies(quiz -> {
            assertThat(quiz.title()).isEqualTo(LocalizedText.of("Solidarity quiz (en anglais)", "Solidarity quiz"));
            assertThat(quiz.description()).isEqualTo(LocalizedText.of("En anglais :\n\nFive rounds.",
                    "Five rounds."));
        });
        assertThat(french.added()).singleElement().satisfies(quiz -> assertThat(quiz.title())
                .isEqualTo(LocalizedText.of("Quiz solidaire", "Solidarity quiz")));
        assertThat(importCsv("Title,Start\nQuiz,2021-11-09 19:00\n").errors()).extracting(p -> p.code())
                .as("in a French sheet, \"Title\" alone is still asked about").contains("header.ambiguous");
    }

    @Test
    void anActivityGoneFromTheSheetIsCancelledAndAMovedOneIsRescheduled() {
        SheetTarget target = into2021("cs3r", Region.MAURICIE);
        SheetImport first = importCsv("Titre;Début\nQuiz;2021-11-09 19 h\nPanel;2021-11-10 12 h\n", target,
                SampleProgram.data());
        SheetImport second = importCsv("Titre;Début\nQuiz;2021-11-09 19 h\n", target, first.program());
        SheetImport third = importCsv("Titre;Début\nQuiz;2021-11-09 19 h\n", target, second.program());

        assertThat(second.cancelled()).singleElement().satisfies(panel -> {
            assertThat(panel.title().fr()).isEqualTo("Panel");
            assertThat(panel.status()).isEqualTo(Status.CANCELLED);
            assertThat(panel.revision()).isEqualTo(1);
        });
        assertThat(second.unchanged()).extracting(a -> a.title().fr()).containsExactly("Quiz");
        assertThat(third.changedAnything()).isFalse();
        assertThat(SampleProgram.activities()).allSatisfy(a -> assertThat(second.program().activities()).contains(a));

        SheetImport kept = importCsv("Identifiant;Titre;Début\nquiz-2021;Quiz;2021-11-09 19 h\n", target,
                SampleProgram.data());
        SheetImport moved = importCsv("Identifiant;Titre;Début\nquiz-2021;Quiz;2021-11-09 20 h\n", target,
                kept.program());
        assertThat(moved.changed()).singleElement().satisfies(quiz -> {
            assertThat(quiz.status()).isEqualTo(Status.RESCHEDULED);
            assertThat(quiz.previousStart()).isEqualTo(LocalDateTime.of(2021, 11, 9, 19, 0));
            assertThat(quiz.revision()).isEqualTo(1);
        });
    }

    @Test
    void twoRowsOfOneActivityAreAProblem() {
        SheetImport result = importCsv("Titre;Début\nQuiz;2021-11-09 19 h\nQuiz;9 novembre 2021 19:00\n");

        assertThat(result.errors()).extracting(p -> p.code()).containsExactly("row.same-title-and-start");
        assertThat(result.errors().get(0).format(Language.EN)).startsWith("sheet.csv: row 3, column Titre (A): same title and "
                + "start as row 2");
    }

    @Test
    void everyCellIsReadOnItsOwnAndSaysWhatItTakes() {
        SheetImport result = importCsv(String.join("\n",
                "Titre;Début;Mode;Lieu;Municipalité;Lien;Plateforme;Partenaires;Inscription;Entrée;Langues;Public;"
                        + "Statut;Identifiant;Fin",
                "A;2021-11-09 19 h;en ligne;Salle;Trois-Rivières;javascript:alert(1);MySpace;Oxfam (bailleur de fonds);"
                        + "peut-être;cher;klingon;martiens;reportée à une autre date;Mon Quiz;21 h",
                "B;2021-11-09 19 h;;Salle;;;;CECI (mécène);;;;;;;21 h",
                ""));

        assertThat(codes(result)).containsExactly("cell.mode-online-with-venue", "cell.url", "cell.platform",
                "cell.partner", "cell.registration", "cell.admission", "cell.language", "cell.audience",
                "cell.status-rescheduled", "cell.id", "cell.municipality-missing", "cell.role");
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Severity.ERROR));
        assertThat(codes(importCsv("Titre;Début;Fin;Lieu;Municipalité;Latitude\nA;2021-11-09 19 h;21 h;Salle;"
                + "Shawinigan;46,5\n"))).containsExactly("cell.geo-half");
    }

    @Test
    void partnersAreNamedByIdAcronymOrNameWithTheirRole() {
        SheetImport result = importCsv(String.join("\n",
                "Titre;Début;Partenaires;Diffusé par;Lien",
                "Ciné;2021-11-09 19 h;\"Vues d'Afrique (partenaire); CECI (coorganisateur)\";Culture Trois-Rivieres;"
                        + "www.culture3r.ca/cine",
                "Autre;2021-11-09 19 h;Vue d'Afrique;;",
                ""));

        assertThat(result.errors()).extracting(p -> p.format(Language.FR)).containsExactly("sheet.csv : ligne 3, colonne Partenaires (C) : "
                + "aucun partenaire du programme ne s'appelle « Vue d'Afrique » : vouliez-vous dire « vues-d-afrique » ?");
        SheetImport fixed = importCsv(String.join("\n",
                "Titre;Début;Partenaires;Diffusé par;Lien",
                "Ciné;2021-11-09 19 h;\"Vues d'Afrique (partenaire), CECI (coorganisateur)\";Culture Trois-Rivieres;"
                        + "www.culture3r.ca/cine",
                ""));
        Activity cine = fixed.added().get(0);
        assertThat(cine.partners()).containsExactly(new Involvement("cs3r", PartnerRole.ORGANIZER),
                new Involvement("vues-d-afrique", PartnerRole.PARTNER), new Involvement("ceci", PartnerRole.CO_ORGANIZER));
        assertThat(cine.place()).isEqualTo(new Place.Online(URI.create("https://www.culture3r.ca/cine"), null,
                "culture-trois-rivieres"));
    }

    @Test
    void aDayWithItsTimesInColumnsOfTheirOwn() {
        SheetImport result = importCsv(String.join("\n",
                "Titre;Date;Heure de début;Heure de fin",
                "Quiz;12/11/2021;16 h;17 h 30",
                "Expo;12/11/2021;;",
                "Mauvais;16 h;;",
                ""));

        assertThat(codes(result)).containsExactly("cell.date-is-time");
        SheetImport fixed = importCsv("Titre;Date;Heure de début;Heure de fin\nQuiz;12/11/2021;16 h;17 h 30\n"
                + "Expo;12/11/2021;;\n");
        Map<String, Activity> added = byTitle(fixed.added());
        assertThat(added.get("Quiz").schedule()).isEqualTo(Schedule.Timed.between(LocalDateTime.of(2021, 11, 12, 16, 0),
                LocalDateTime.of(2021, 11, 12, 17, 30), TORONTO));
        assertThat(added.get("Expo").schedule()).isEqualTo(Schedule.Window.days(LocalDate.of(2021, 11, 12),
                LocalDate.of(2021, 11, 12), TORONTO));
    }

    @Test
    void aSheetLargerThanWhatIsReadIsRefusedWithoutReadingItAll() throws Exception {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 'a');
                return len;
            }
        };

        SheetImport result = Sheets.IMPORTER.importSheet(endless, "huge.csv", into2021("cs3r", null),
                SampleProgram.data());

        assertThat(lines(result, Language.FR)).containsExactly("huge.csv : le fichier dépasse 16 Mio : découpez le "
                + "tableur");
    }

    /**
     * A sheet is judged on what it changes: an error of another owner's activity that it leaves as it was (a server
     * reads a sheet beside another source's new copy, which the server's own validation then refuses) is not the
     * sheet's, and does not refuse it. A program file is validated as it is read, so that {@code import-sheet} never
     * meets one.
     */
    @Test
    void aProgramErrorOfAnActivityTheSheetLeavesAsItWasIsNotTheSheets() {
        List<Activity> activities = new ArrayList<>(SampleProgram.activities());
        activities.set(0, activities.get(0).toBuilder().partner("nobody", PartnerRole.SPONSOR).build());
        ProgramData broken = new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities);

        SheetImport result = importCsv("Titre;Début\nQuiz;2021-11-09 19 h\n", into2021("cs3r", null), broken);

        assertThat(result.accepted()).isTrue();
        assertThat(result.added()).extracting(a -> a.title().fr()).containsExactly("Quiz");
        assertThat(result.problems()).noneSatisfy(p -> assertThat(p.where()).startsWith("activities[0]"));
        assertThat(result.program().activities().get(0)).isSameAs(activities.get(0));
    }
}
