package org.jqsi.core.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.AttendanceMode;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.AccessibilityFeature;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.Test;

class ProgramQueryTest {

    private static final Program SAMPLE = Program.of(SampleProgram.data());

    private static List<String> ids(ActivityQuery query) {
        return ids(SAMPLE, query);
    }

    private static List<String> ids(Program program, ActivityQuery query) {
        return program.query(query).items().stream().map(Activity::id).toList();
    }

    @Test
    void everythingComesSortedByStartWithUndatedActivitiesLast() {
        assertThat(ids(ActivityQuery.all())).containsExactly(SampleProgram.SHORT_FILMS, SampleProgram.LOIN_DE_BACHAR,
                SampleProgram.EXHIBITION_OPENING, SampleProgram.MIGRATION_PANEL, SampleProgram.DHEEPAN,
                SampleProgram.CECI_DISCUSSION_1, SampleProgram.CECI_DISCUSSION_2);
    }

    @Test
    void filtersByEditionRegionKindAndPartner() {
        assertThat(ids(ActivityQuery.builder().edition(SampleProgram.EDITION_2021).build()))
                .containsExactly(SampleProgram.CECI_DISCUSSION_1, SampleProgram.CECI_DISCUSSION_2);
        assertThat(ids(ActivityQuery.builder().region(Region.MAURICIE).build())).hasSize(5);
        assertThat(ids(ActivityQuery.builder().region(Region.ESTRIE).build())).isEmpty();
        assertThat(ids(ActivityQuery.builder().region(Region.ESTRIE).region(Region.MAURICIE).build())).hasSize(5);
        // CECI's province-wide discussions have no region: a region filter leaves them out, whatever index is used.
        assertThat(ids(ActivityQuery.builder().edition(SampleProgram.EDITION_2021).region(Region.MAURICIE).build()))
                .isEmpty();
        assertThat(ids(ActivityQuery.builder().kind(ActivityKind.PANEL).kind(ActivityKind.EXHIBITION).build()))
                .containsExactly(SampleProgram.EXHIBITION_OPENING, SampleProgram.MIGRATION_PANEL);
        assertThat(ids(ActivityQuery.builder().partner("aqoci").build()))
                .containsExactly(SampleProgram.LOIN_DE_BACHAR, SampleProgram.MIGRATION_PANEL);
        assertThat(ids(ActivityQuery.builder().partner("nobody").build())).isEmpty();
    }

    @Test
    void aThemeTagMatchesTheActivityOrItsEdition() {
        assertThat(ids(ActivityQuery.builder().themeTag("migration-justice").build())).hasSize(5);
        assertThat(ids(ActivityQuery.builder().themeTag("gender-equality").build()))
                .containsExactly(SampleProgram.CECI_DISCUSSION_1, SampleProgram.CECI_DISCUSSION_2);
        // The tags a theme filter may name: the 2020 edition's theme's, and the 2021 activities' own.
        assertThat(SAMPLE.themeTags()).containsExactly("gender-equality", "migration-justice");
        assertThat(SAMPLE.themeTags()).isSameAs(SAMPLE.themeTags());
    }

    @Test
    void aThemeTagOfAnEditionWithNoActivityIsStillTheProgramsTag() {
        Edition themed = SampleProgram.editions().get(0);
        Program editionsOnly = Program.of(new ProgramData(List.of(themed), List.of(), List.of()));
        assertThat(editionsOnly.themeTags()).containsExactly("migration-justice");
        assertThat(Program.empty().themeTags()).isEmpty();
    }

    @Test
    void textMatchesIgnoringCaseAccentsAndLigatures() {
        assertThat(ids(ActivityQuery.builder().text("refugies").build()))
                .containsExactly(SampleProgram.LOIN_DE_BACHAR, SampleProgram.DHEEPAN);
        assertThat(ids(ActivityQuery.builder().text("oeuvre").build()))
                .containsExactly(SampleProgram.EXHIBITION_OPENING);
        assertThat(ids(ActivityQuery.builder().text("ŒUVRE à la FOIS").build()))
                .containsExactly(SampleProgram.EXHIBITION_OPENING);
        assertThat(ids(ActivityQuery.builder().text("  muzna   SYRIE ").build()))
                .containsExactly(SampleProgram.LOIN_DE_BACHAR);
        // Partners' names are searched too.
        assertThat(ids(ActivityQuery.builder().text("ptites vues").build())).containsExactly(SampleProgram.SHORT_FILMS);
        assertThat(ids(ActivityQuery.builder().text("P’tites").build())).containsExactly(SampleProgram.SHORT_FILMS);
        assertThat(ids(ActivityQuery.builder().text("egalite femmes").build())).hasSize(2);
        assertThat(ids(ActivityQuery.builder().text("réfugiés quiz-inexistant").build())).isEmpty();
    }

    @Test
    void filtersByAdmissionRegistrationModeAndLanguage() {
        assertThat(ids(ActivityQuery.builder().freeOnly(true).build()))
                .containsExactly(SampleProgram.LOIN_DE_BACHAR, SampleProgram.DHEEPAN);
        assertThat(ids(ActivityQuery.builder().registrationRequired(true).build()))
                .containsExactly(SampleProgram.EXHIBITION_OPENING, SampleProgram.DHEEPAN);
        assertThat(ids(ActivityQuery.builder().registrationRequired(false).build())).hasSize(5);
        assertThat(ids(ActivityQuery.builder().mode(AttendanceMode.ONLINE).build())).hasSize(7);
        assertThat(ids(ActivityQuery.builder().mode(AttendanceMode.IN_PERSON).build())).isEmpty();
        // The seeds say no activity's language, and an unknown language matches no language filter.
        assertThat(ids(ActivityQuery.builder().language(Locale.FRENCH).build())).isEmpty();
        Activity english = SampleProgram.loinDeBachar().toBuilder().language(Locale.forLanguageTag("en-CA")).build();
        Program withEnglish = programWith(List.of(english));
        assertThat(ids(withEnglish, ActivityQuery.builder().language(Locale.ENGLISH).build()))
                .containsExactly(SampleProgram.LOIN_DE_BACHAR);
    }

    @Test
    void aDateRangeIsReadInEachActivitysOwnZoneAcrossTheDaylightSavingChange() {
        ZoneId islands = ZoneId.of("America/Halifax");
        // 2021-11-07 00:30 in the Magdalen Islands is 2021-11-06 23:30 in Trois-Rivières.
        Program program = programWith(List.of(
                timed("samedi-soir", LocalDateTime.of(2021, 11, 6, 23, 30), Region.EASTERN),
                timed("iles-minuit-trente", LocalDateTime.of(2021, 11, 7, 0, 30), islands),
                timed("heure-repetee", LocalDateTime.of(2021, 11, 7, 1, 30), Region.EASTERN),
                timed("dimanche-soir", LocalDateTime.of(2021, 11, 7, 23, 30), Region.EASTERN),
                timed("iles-dimanche-soir", LocalDateTime.of(2021, 11, 7, 23, 30), islands),
                timed("lundi-minuit-trente", LocalDateTime.of(2021, 11, 8, 0, 30), Region.EASTERN)));

        assertThat(ids(program, ActivityQuery.builder().between(LocalDate.of(2021, 11, 7), LocalDate.of(2021, 11, 7))
                .build())).containsExactly("iles-minuit-trente", "heure-repetee", "iles-dimanche-soir",
                        "dimanche-soir");
        assertThat(ids(program, ActivityQuery.builder().from(LocalDate.of(2021, 11, 8)).build()))
                .containsExactly("lundi-minuit-trente");
        assertThat(ids(program, ActivityQuery.builder().edition(SampleProgram.EDITION_2021)
                .to(LocalDate.of(2021, 11, 6)).build()))
                .containsExactly("samedi-soir");
    }

    @Test
    void aWindowMatchesEveryDayItIsOpen() {
        assertThat(ids(ActivityQuery.builder().between(LocalDate.of(2020, 11, 15), LocalDate.of(2020, 11, 30))
                .build())).containsExactly(SampleProgram.DHEEPAN);
        assertThat(ids(ActivityQuery.builder().between(LocalDate.of(2020, 11, 11), LocalDate.of(2020, 11, 12))
                .build())).containsExactly(SampleProgram.EXHIBITION_OPENING, SampleProgram.MIGRATION_PANEL);
    }

    @Test
    void upcomingAndHappeningNowFollowTheClock() {
        Clock panelTime = Clock.fixed(Instant.parse("2020-11-12T21:30:00Z"), Region.EASTERN); // 16:30 in Quebec

        assertThat(ids(ActivityQuery.builder().happeningNow(panelTime).build()))
                .containsExactly(SampleProgram.MIGRATION_PANEL);
        assertThat(ids(ActivityQuery.builder().upcoming(panelTime).build()))
                .containsExactly(SampleProgram.MIGRATION_PANEL, SampleProgram.DHEEPAN);
        assertThat(ids(ActivityQuery.builder().nextDays(panelTime, Region.EASTERN, 1).build()))
                .containsExactly(SampleProgram.MIGRATION_PANEL);
        Clock saturday = Clock.fixed(Instant.parse("2020-11-14T17:00:00Z"), Region.EASTERN);
        assertThat(ids(ActivityQuery.builder().happeningNow(saturday).build())).containsExactly(SampleProgram.DHEEPAN);
    }

    @Test
    void pagesCountEveryMatch() {
        QueryResult first = SAMPLE.query(ActivityQuery.builder().limit(3).build());
        QueryResult last = SAMPLE.query(ActivityQuery.builder().offset(6).limit(3).build());
        QueryResult beyond = SAMPLE.query(ActivityQuery.builder().offset(50).limit(3).build());

        assertThat(first.items()).hasSize(3);
        assertThat(first.total()).isEqualTo(7);
        assertThat(first.hasMore()).isTrue();
        assertThat(last.items()).extracting(Activity::id).containsExactly(SampleProgram.CECI_DISCUSSION_2);
        assertThat(last.hasMore()).isFalse();
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(7);
    }

    @Test
    void badQueriesNameTheirParameter() {
        assertThatIllegalArgumentException().isThrownBy(() -> ActivityQuery.builder().limit(0).build())
                .withMessageStartingWith("limit:");
        assertThatIllegalArgumentException().isThrownBy(() -> ActivityQuery.builder().limit(1001).build())
                .withMessageStartingWith("limit:");
        assertThatIllegalArgumentException().isThrownBy(() -> ActivityQuery.builder().offset(-1).build())
                .withMessageStartingWith("offset:");
        assertThatIllegalArgumentException().isThrownBy(() -> ActivityQuery.builder()
                .between(LocalDate.of(2020, 11, 14), LocalDate.of(2020, 11, 5)).build()).withMessageStartingWith("to:");
        assertThatIllegalArgumentException().isThrownBy(() -> ActivityQuery.builder().text("x".repeat(201)).build())
                .withMessageStartingWith("text:");
        assertThat(ActivityQuery.builder().text("   ").build().text()).isNull();
    }

    @Test
    void theFeaturedEditionIsTheRunningOneOrTheNextOrTheLastWithDates() {
        Clock during2020 = Clock.fixed(Instant.parse("2020-11-10T12:00:00Z"), Region.EASTERN);
        Clock summer2021 = Clock.fixed(Instant.parse("2021-07-01T12:00:00Z"), Region.EASTERN);
        Clock today = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), Region.EASTERN);

        assertThat(SAMPLE.featuredEdition(during2020)).map(Edition::id).contains(SampleProgram.EDITION_2020);
        assertThat(SAMPLE.featuredEdition(summer2021)).map(Edition::id).contains(SampleProgram.EDITION_2021);
        // 2021's activities are all to be announced: the demo shows 2020's.
        assertThat(SAMPLE.featuredEdition(today)).map(Edition::id).contains(SampleProgram.EDITION_2020);
        assertThat(Program.empty().featuredEdition(today)).isEmpty();
    }

    @Test
    void equalContentGivesEqualVersionsAndAnyChangeANewOne() {
        Program again = Program.of(SampleProgram.data());
        Activity cancelled = SampleProgram.dheepan().toBuilder()
                .status(org.jqsi.core.model.Status.CANCELLED).build();

        assertThat(again.version()).isEqualTo(SAMPLE.version());
        assertThat(programWith(List.of(cancelled)).version()).isNotEqualTo(SAMPLE.version());
    }

    @Test
    void refusesWhatWouldMakeTheIndexLie() {
        List<Activity> twice = new ArrayList<>(SampleProgram.activities());
        twice.add(SampleProgram.dheepan());

        assertThatIllegalArgumentException().isThrownBy(() -> Program.of(new ProgramData(SampleProgram.editions(),
                SampleProgram.partners(), twice))).withMessageContaining("dheepan-2020");
    }

    private static Activity timed(String id, LocalDateTime start, ZoneId zone) {
        return Activity.builder(id).edition(SampleProgram.EDITION_2021).kind(ActivityKind.QUIZ)
                .title(LocalizedText.fr(id)).schedule(Schedule.Timed.at(start, zone)).build();
    }

    /** The sample, with the given activities replacing those of the same id or added. */
    private static Program programWith(List<Activity> changed) {
        List<Activity> activities = new ArrayList<>(SampleProgram.activities());
        for (Activity activity : changed) {
            activities.removeIf(a -> a.id().equals(activity.id()));
            activities.add(activity);
        }
        return Program.of(new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities));
    }

    @Test
    void filtersByEveryAccessibilityFeatureAsked() {
        List<Activity> activities = new ArrayList<>(SampleProgram.data().activities());
        activities.replaceAll(a -> switch (a.id()) {
            case SampleProgram.LOIN_DE_BACHAR -> a.toBuilder().accessibility(AccessibilityFeature.CAPTIONS).build();
            case SampleProgram.MIGRATION_PANEL -> a.toBuilder().accessibility(AccessibilityFeature.CAPTIONS)
                    .accessibility(AccessibilityFeature.SIGN_LANGUAGE).build();
            default -> a;
        });
        Program program = Program.of(new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities));
        assertThat(ids(program, ActivityQuery.builder().accessibility(AccessibilityFeature.CAPTIONS).build()))
                .containsExactly(SampleProgram.LOIN_DE_BACHAR, SampleProgram.MIGRATION_PANEL);
        assertThat(ids(program, ActivityQuery.builder().accessibility(AccessibilityFeature.CAPTIONS)
                .accessibility(AccessibilityFeature.SIGN_LANGUAGE).build()))
                .containsExactly(SampleProgram.MIGRATION_PANEL);
        assertThat(ids(program, ActivityQuery.builder().accessibility(AccessibilityFeature.WHEELCHAIR).build()))
                .isEmpty();
    }
}
