package org.jqsi.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.junit.jupiter.api.Test;

class LocationTest {

    private static final LocalizedText LATE = LocalizedText.of("la fin précède le début", "the end is before the start");

    @Test
    void aPathReadsTheSameInBothLanguages() {
        Problem problem = Problem.error(Location.path("activities[3].schedule.end"), "schedule.end-before-start", LATE);

        assertThat(problem.where()).isEqualTo("activities[3].schedule.end");
        assertThat(problem.format(Language.FR)).isEqualTo("activities[3].schedule.end : la fin précède le début");
        assertThat(problem.format(Language.EN)).isEqualTo("activities[3].schedule.end: the end is before the start");
    }

    @Test
    void aFilePositionIsFileLineColumnThenThePath() {
        assertThat(Location.inFile("program.json", 12, 5, "activities[3].schedule.start").text())
                .isEqualTo("program.json:12:5 (activities[3].schedule.start)");
        assertThat(Location.inFile("program.json", 1, 1, null).in(Language.FR)).isEqualTo("program.json:1:1");
        assertThat(Location.inFile("program.json", -1, -1, "formatVersion").in(Language.FR))
                .isEqualTo("program.json (formatVersion)");
        assertThat(Location.file("program.json").text()).isEqualTo("program.json");
    }

    @Test
    void aCalendarEventIsItsUidAndLineInEachLanguageOrTheFeedsLineOnceTheFeedIsNamed() {
        Location.CalendarEvent event = Location.event("o6@example.org", 8);

        assertThat(event.text()).isEqualTo("UID o6@example.org (line 8)");
        assertThat(event.in(Language.FR)).isEqualTo("UID o6@example.org (ligne 8)");
        assertThat(Location.event(null, 1204).in(Language.FR)).isEqualTo("ligne 1204");
        assertThat(Location.event(null, 1204).text()).isEqualTo("line 1204");
        assertThat(event.withPath("title.fr").text()).isEqualTo("UID o6@example.org (line 8) title.fr");
        assertThat(event.inFeed("cs3r.ics").in(Language.FR)).isEqualTo("cs3r.ics:8 (UID o6@example.org)");
        assertThat(event.inFeed("cs3r.ics").withPath("title.fr").in(Language.EN))
                .isEqualTo("cs3r.ics:8 (UID o6@example.org) title.fr");
    }

    @Test
    void aCellIsItsRowAndColumnHeadingAsTheSheetShowsThem() {
        Problem french = Problem.error(Location.cell(4, "Début"), "sheet.bad-date", LATE);
        Problem english = Problem.warning(Location.cell(4, "Start"), "sheet.bad-date", LATE);

        assertThat(french.format(Language.FR)).isEqualTo("ligne 4, colonne Début : la fin précède le début");
        assertThat(english.format(Language.EN)).isEqualTo("row 4, column Start: warning: the end is before the start");
        assertThat(english.where()).isEqualTo("row 4, column Start");
        assertThat(Location.cell(1234, null).in(Language.FR)).isEqualTo("ligne 1234");
        assertThat(Location.cell(4, "Début").inFile("activites.csv").in(Language.FR))
                .isEqualTo("activites.csv : ligne 4, colonne Début");
        assertThat(Location.cell(4, "Start").inFile("activities.xlsx").in(Language.EN))
                .isEqualTo("activities.xlsx: row 4, column Start");
    }

    @Test
    void aCellMayAddItsColumnsLetterAndARowWhatItIsAbout() {
        assertThat(Location.cell(4, "Début").withLetter("B").in(Language.FR)).isEqualTo("ligne 4, colonne Début (B)");
        assertThat(Location.cell(4, "").withLetter("K").in(Language.EN)).isEqualTo("row 4, column K");
        assertThat(new Location.SheetCell(null, 7, null, null, "schedule.end").in(Language.FR))
                .isEqualTo("ligne 7 (schedule.end)");
        assertThat(Problem.error(new Location.SheetCell("a.csv", 7, null, null, "schedule.end"), "x", LATE)
                .format(Language.EN)).isEqualTo("a.csv: row 7 (schedule.end): the end is before the start");
    }

    @Test
    void aWarningSaysSoInEachLanguage() {
        Problem problem = Problem.warning("--port", "port", LATE);

        assertThat(problem.location()).isEqualTo(Location.described("--port"));
        assertThat(problem.format(Language.FR)).isEqualTo("--port : avertissement : la fin précède le début");
        assertThat(problem.format(Language.EN)).isEqualTo("--port: warning: the end is before the start");
    }

    @Test
    void aProblemWithoutPlaceIsItsMessage() {
        Problem problem = Problem.error(Location.nowhere(), "x", LATE);

        assertThat(problem.where()).isEmpty();
        assertThat(problem.format(Language.FR)).isEqualTo("la fin précède le début");
    }
}
