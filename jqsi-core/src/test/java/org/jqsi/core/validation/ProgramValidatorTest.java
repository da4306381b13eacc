package org.jqsi.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.PartnerKind;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.ActivityImage;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each rule, broken on purpose in the seeds' program, with its path and its message in both languages. */
class ProgramValidatorTest {

    private static final ProgramValidator VALIDATOR = new ProgramValidator();
    private final Locale defaultLocale = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(defaultLocale);
    }

    /** The sample with its second activity (Loin de Bachar) changed. */
    private static ProgramData withLoinDeBachar(UnaryOperator<Activity.Builder> change) {
        List<Activity> activities = new ArrayList<>(SampleProgram.activities());
        activities.set(1, change.apply(activities.get(1).toBuilder()).build());
        return new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities);
    }

    private static Problem onlyProblem(ProgramData data, String code) {
        List<Problem> found = VALIDATOR.validate(data).problems().stream().filter(p -> p.code().equals(code)).toList();
        assertThat(found).as("problems with code %s", code).hasSize(1);
        return found.get(0);
    }

    @Test
    void anEndBeforeItsStartIsAnErrorAtTheEnd() {
        Problem problem = onlyProblem(withLoinDeBachar(b -> b.schedule(Schedule.Timed.between(
                LocalDateTime.of(2020, 11, 10, 19, 30), LocalDateTime.of(2020, 11, 10, 18, 0), Region.EASTERN))),
                "schedule.end-before-start");

        assertThat(problem.severity()).isEqualTo(Severity.ERROR);
        assertThat(problem.where()).isEqualTo("activities[1].schedule.end");
        assertThat(problem.message(Language.FR)).isEqualTo("la fin 2020-11-10T18:00 doit suivre le début 2020-11-10T19:30");
        assertThat(problem.message(Language.EN)).isEqualTo("the end 2020-11-10T18:00 must be after the start 2020-11-10T19:30");
    }

    @Test
    void whetherAnEndFollowsItsStartIsDecidedOnTheClockAcrossBothDaylightSavingChanges() {
        // Every pair of times, ten minutes apart, around the 2021 changes in Quebec: the fall one during the festival
        // (1:00 to 2:00 happened twice, and ZonedDateTime reads a repeated time in summer time) and the spring one
        // (2:00 to 3:00 did not exist). A time that does not exist is its own error, and is compared with nothing.
        for (LocalDateTime day : List.of(LocalDateTime.of(2021, 11, 7, 0, 30), LocalDateTime.of(2021, 3, 14, 1, 0))) {
            for (int from = 0; from < 16; from++) {
                for (int to = 0; to < 16; to++) {
                    LocalDateTime start = day.plusMinutes(10L * from);
                    LocalDateTime end = day.plusMinutes(10L * to);
                    boolean after = ZonedDateTime.of(end, Region.EASTERN).isAfter(ZonedDateTime.of(start, Region.EASTERN))
                            || !exists(start) || !exists(end);
                    List<Problem> found = VALIDATOR.validate(withLoinDeBachar(b -> b.schedule(
                            Schedule.Timed.between(start, end, Region.EASTERN)))).problems().stream()
                            .filter(p -> p.code().equals("schedule.end-before-start")).toList();
                    assertThat(found).as("%s to %s", start, end).hasSize(after ? 0 : 1);
                }
            }
        }
    }

    /** Whether a local time exists in Quebec: not in the hour the spring change skips. */
    private static boolean exists(LocalDateTime time) {
        return !Region.EASTERN.getRules().getValidOffsets(time).isEmpty();
    }

    @Test
    void whetherAWindowClosesAfterItOpensIsDecidedOnTheClockAcrossBothDaylightSavingChanges() {
        // One-day windows opening and closing ten minutes apart around both 2021 changes, and with no opening or no
        // closing time (the start or the end of the day), against ZonedDateTime; a time that does not exist is compared
        // with nothing.
        for (LocalDateTime day : List.of(LocalDateTime.of(2021, 11, 7, 0, 30), LocalDateTime.of(2021, 3, 14, 1, 0))) {
            List<LocalTime> times = new ArrayList<>();
            times.add(null);
            for (int i = 0; i < 16; i++) {
                times.add(day.plusMinutes(10L * i).toLocalTime());
            }
            for (LocalTime opens : times) {
                for (LocalTime closes : times) {
                    Schedule.Window window = new Schedule.Window(day.toLocalDate(), day.toLocalDate(), opens, closes,
                            Region.EASTERN);
                    boolean after = window.endsAt().orElseThrow().isAfter(window.startsAt().orElseThrow())
                            || opens != null && !exists(day.with(opens)) || closes != null && !exists(day.with(closes));
                    List<Problem> found = VALIDATOR.validate(withLoinDeBachar(b -> b.schedule(window))).problems()
                            .stream().filter(p -> p.code().equals("schedule.closes-before-opens")).toList();
                    assertThat(found).as("%s opens %s closes %s", day.toLocalDate(), opens, closes)
                            .hasSize(after ? 0 : 1);
                }
            }
        }
    }

    @Test
    void aWindowThatClosesBeforeItOpensIsAnError() {
        Problem problem = onlyProblem(withLoinDeBachar(b -> b.schedule(Schedule.Window.days(
                LocalDate.of(2020, 11, 12), LocalDate.of(2020, 11, 10), Region.EASTERN))),
                "schedule.last-before-first");

        assertThat(problem.where()).isEqualTo("activities[1].schedule.last");
        assertThat(problem.message(Language.FR)).contains("précède");
        assertThat(problem.message(Language.EN)).contains("is before the first day 2020-11-12");
    }

    @Test
    void aTimeThatTheSpringChangeSkipsDoesNotExist() {
        // On March 14, 2021, clocks in Quebec jumped from 2:00 to 3:00.
        Problem problem = onlyProblem(withLoinDeBachar(b -> b.schedule(
                Schedule.Timed.at(LocalDateTime.of(2021, 3, 14, 2, 30), Region.EASTERN))), "schedule.time-in-gap");

        assertThat(problem.severity()).isEqualTo(Severity.ERROR);
        assertThat(problem.where()).isEqualTo("activities[1].schedule.start");
        assertThat(problem.message(Language.EN)).isEqualTo("2021-03-14T02:30 does not exist in America/Toronto: the "
                + "clocks jump from 2021-03-14T02:00 to 2021-03-14T03:00 (daylight saving time)");
        assertThat(problem.message(Language.FR)).startsWith("2021-03-14T02:30 n'existe pas dans America/Toronto");
    }

    @Test
    void aStartThatTheSpringChangeSkipsIsOnlyThatErrorNotAlsoAnEndBeforeIt() {
        // On March 8, 2026, clocks jump from 2:00 to 3:00: read as ZonedDateTime does, 2:30 is 3:30, the end.
        List<Problem> errors = VALIDATOR.validate(withLoinDeBachar(b -> b.schedule(Schedule.Timed.between(
                LocalDateTime.of(2026, 3, 8, 2, 30), LocalDateTime.of(2026, 3, 8, 3, 30), Region.EASTERN))))
                .problems().stream().filter(p -> p.severity() == Severity.ERROR).toList();

        assertThat(errors).extracting(Problem::code, Problem::where)
                .containsExactly(tuple("schedule.time-in-gap", "activities[1].schedule.start"));
        assertThat(errors.get(0).message(Language.EN)).isEqualTo("2026-03-08T02:30 does not exist in America/Toronto: "
                + "the clocks jump from 2026-03-08T02:00 to 2026-03-08T03:00 (daylight saving time)");
        assertThat(errors.get(0).message(Language.FR)).isEqualTo("2026-03-08T02:30 n'existe pas dans America/Toronto "
                + ": l'heure passe de 2026-03-08T02:00 à 2026-03-08T03:00 (heure avancée)");
    }

    @Test
    void anEndThatTheSpringChangeSkipsIsOnlyThatError() {
        // Written before the start; had 2:30 been read as 3:30, it would have been after it: compared with nothing.
        List<Problem> errors = VALIDATOR.validate(withLoinDeBachar(b -> b.schedule(Schedule.Timed.between(
                LocalDateTime.of(2026, 3, 8, 3, 10), LocalDateTime.of(2026, 3, 8, 2, 30), Region.EASTERN))))
                .problems().stream().filter(p -> p.severity() == Severity.ERROR).toList();

        assertThat(errors).extracting(Problem::code, Problem::where)
                .containsExactly(tuple("schedule.time-in-gap", "activities[1].schedule.end"));
    }

    @Test
    void aWindowThatOpensInTheSpringGapIsOnlyThatErrorNotAlsoClosingBeforeIt() {
        List<Problem> errors = VALIDATOR.validate(withLoinDeBachar(b -> b.schedule(new Schedule.Window(
                LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 8), LocalTime.of(2, 30), LocalTime.of(3, 30),
                Region.EASTERN)))).problems().stream().filter(p -> p.severity() == Severity.ERROR).toList();

        assertThat(errors).extracting(Problem::code, Problem::where)
                .containsExactly(tuple("schedule.time-in-gap", "activities[1].schedule.opens"));
        assertThat(errors.get(0).message(Language.EN)).isEqualTo("2026-03-08T02:30 does not exist in America/Toronto: "
                + "the clocks jump from 2026-03-08T02:00 to 2026-03-08T03:00 (daylight saving time)");
    }

    @Test
    void aWindowThatClosesInTheSpringGapIsOnlyThatError() {
        List<Problem> errors = VALIDATOR.validate(withLoinDeBachar(b -> b.schedule(new Schedule.Window(
                LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 8), LocalTime.of(3, 10), LocalTime.of(2, 30),
                Region.EASTERN)))).problems().stream().filter(p -> p.severity() == Severity.ERROR).toList();

        assertThat(errors).extracting(Problem::code, Problem::where)
                .containsExactly(tuple("schedule.time-in-gap", "activities[1].schedule.closes"));
    }

    @Test
    void anEndBeforeAStartInTheFallOverlapIsStillComparedAndWarned() {
        // 1:30 happens twice on November 1, 2026: the first one is used, and an end at 1:10 is before it.
        List<Problem> found = VALIDATOR.validate(withLoinDeBachar(b -> b.schedule(Schedule.Timed.between(
                LocalDateTime.of(2026, 11, 1, 1, 30), LocalDateTime.of(2026, 11, 1, 1, 10), Region.EASTERN))))
                .problems().stream().filter(p -> p.where().startsWith("activities[1].schedule.")).toList();

        assertThat(found).extracting(Problem::code, Problem::where).containsExactlyInAnyOrder(
                tuple("schedule.time-ambiguous", "activities[1].schedule.start"),
                tuple("schedule.time-ambiguous", "activities[1].schedule.end"),
                tuple("schedule.end-before-start", "activities[1].schedule.end"));
    }

    @Test
    void aTimeThatTheFallChangeRepeatsIsAWarning() {
        // On November 7, 2021, during the festival, 1:30 a.m. happened twice.
        Problem problem = onlyProblem(withLoinDeBachar(b -> b.schedule(
                Schedule.Timed.at(LocalDateTime.of(2021, 11, 7, 1, 30), Region.EASTERN))), "schedule.time-ambiguous");

        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.where()).isEqualTo("activities[1].schedule.start");
        assertThat(problem.message(Language.FR)).contains("survient deux fois");
    }

    @Test
    void aTimedActivityWithoutAnEndIsAWarningThatNamesTheAssumedDuration() {
        List<Problem> found = VALIDATOR.validate(withLoinDeBachar(b -> b.schedule(
                Schedule.Timed.at(LocalDateTime.of(2020, 11, 10, 19, 30), Region.EASTERN)))).problems().stream()
                .filter(p -> p.where().equals("activities[1].schedule.end")).toList();

        assertThat(found).hasSize(1);
        Problem problem = found.get(0);
        assertThat(problem.code()).isEqualTo("schedule.no-end");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
        assertThat(problem.message(Language.EN)).isEqualTo(
                "no end time: calendars and add-to-calendar links show it as lasting 60 minutes");
        assertThat(problem.message(Language.FR)).isEqualTo("aucune heure de fin : les calendriers et les liens "
                + "d'ajout à un calendrier lui donnent une durée de 60 minutes");
        assertThat(VALIDATOR.validate(withLoinDeBachar(b -> b.schedule(Schedule.Timed.between(
                LocalDateTime.of(2020, 11, 10, 19, 30), LocalDateTime.of(2020, 11, 10, 21, 0), Region.EASTERN))))
                .problems()).noneMatch(p -> p.where().equals("activities[1].schedule.end"));
    }

    @Test
    void anActivityOutsideItsEditionIsOnlyAWarning() {
        ValidationReport report = VALIDATOR.validate(SampleProgram.data());

        assertThat(report.isValid()).isTrue();
        assertThat(report.warnings()).filteredOn(p -> p.code().equals("schedule.outside-edition"))
                .extracting(Problem::where, p -> p.message(Language.EN))
                .containsExactly(tuple("activities[4].schedule", "from 2020-11-13 to 2020-11-15, partly outside "
                        + "edition \"jqsi-2020\" (2020-11-05 to 2020-11-14)"));
    }

    @Test
    void unknownReferencesAreErrorsAtTheReference() {
        ProgramData data = withLoinDeBachar(b -> b.edition("jqsi-1999").partner("oxfam", PartnerRole.SPONSOR)
                .place(new Place.Online(null, null, "meta")));

        ValidationReport report = VALIDATOR.validate(data);

        assertThat(report.errors()).extracting(Problem::where, Problem::code).contains(
                tuple("activities[1].editionId", "reference.edition"),
                tuple("activities[1].partners[3].partnerId", "reference.partner"),
                tuple("activities[1].place.hostPartnerId", "reference.partner"));
        assertThat(report.errors()).extracting(p -> p.message(Language.FR))
                .contains("aucune édition n'a l'identifiant « jqsi-1999 »", "aucun partenaire n'a l'identifiant « oxfam »");
    }

    @Test
    void duplicateIdsAreErrorsOnTheSecondOne() {
        List<Activity> activities = new ArrayList<>(SampleProgram.activities());
        activities.add(SampleProgram.dheepan());
        List<Partner> partners = new ArrayList<>(SampleProgram.partners());
        partners.add(new Partner("aqoci", LocalizedText.fr("Autre"), null, PartnerKind.COALITION, null));

        ValidationReport report = VALIDATOR.validate(new ProgramData(SampleProgram.editions(), partners, activities));

        assertThat(report.errors()).extracting(Problem::where, Problem::code).containsExactly(
                tuple("activities[7].id", "id.duplicate"),
                tuple("partners[6].id", "id.duplicate"));
        assertThat(report.errors().get(0).message(Language.EN))
                .isEqualTo("the id \"dheepan-2020\" is already used by another item of the same list");
    }

    @Test
    void aRescheduledActivityMustKeepItsPreviousStart() {
        Problem problem = onlyProblem(withLoinDeBachar(b -> b.status(Status.RESCHEDULED)),
                "status.rescheduled-without-previous-start");

        assertThat(problem.where()).isEqualTo("activities[1].previousStart");
        assertThat(problem.message(Language.EN)).isEqualTo("a rescheduled activity must keep its previous start");

        ValidationReport fine = VALIDATOR.validate(withLoinDeBachar(b -> b.status(Status.RESCHEDULED)
                .previousStart(LocalDateTime.of(2020, 11, 9, 19, 30))));
        assertThat(fine.errors()).isEmpty();
    }

    @Test
    void anActivityMovedOnlineNeedsAnOnlinePlace() {
        Problem problem = onlyProblem(withLoinDeBachar(b -> b.status(Status.MOVED_ONLINE).place(
                new Place.Venue("Salle", org.jqsi.core.model.Address.in("Trois-Rivières"), null))),
                "status.moved-online-without-online-place");

        assertThat(problem.where()).isEqualTo("activities[1].place");
    }

    @Test
    void onlineWithoutLinkAndRegistrationWithoutWayAreWarnings() {
        ValidationReport report = VALIDATOR.validate(SampleProgram.data());

        assertThat(report.warnings()).extracting(Problem::where, Problem::code).contains(
                tuple("activities[2].registration", "registration.nowhere"),
                tuple("activities[1].place.url", "place.online-without-url"));
        assertThat(VALIDATOR.validate(withLoinDeBachar(b -> b.registration(
                new Registration(true, null, "info@example.org", null)))).problems())
                .noneMatch(p -> p.where().equals("activities[1].registration"));
    }

    @Test
    void aDeadlineAfterTheActivityIsAWarning() {
        Problem problem = onlyProblem(withLoinDeBachar(b -> b.registration(
                new Registration(true, URI.create("https://example.org/inscription"), null,
                        LocalDate.of(2020, 11, 20)))), "registration.deadline-after-end");

        assertThat(problem.where()).isEqualTo("activities[1].registration.deadline");
        assertThat(problem.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void editionsMustEndAfterTheyStartInTheirYear() {
        Edition broken = new Edition("jqsi-2022", 26, 2021, LocalDate.of(2022, 11, 30), LocalDate.of(2022, 11, 1),
                null, null, List.of(), "unknown", List.of());
        List<Edition> editions = new ArrayList<>(SampleProgram.editions());
        editions.add(broken);

        ValidationReport report = VALIDATOR.validate(new ProgramData(editions, SampleProgram.partners(),
                SampleProgram.activities()));

        assertThat(report.errors()).extracting(Problem::where, Problem::code).containsExactly(
                tuple("editions[2].coordinatorId", "reference.partner"),
                tuple("editions[2].end", "edition.end-before-start"),
                tuple("editions[2].year", "edition.year-mismatch"));
        assertThat(report.errors().get(2).message(Language.EN))
                .isEqualTo("the year 2021 is not the year of the first day 2022-11-30");
    }

    @Test
    void jakartaConstraintsReportTheirPathAndMessageInBothLanguages() {
        ProgramData data = withLoinDeBachar(b -> b.id("Loin de Bachar!").title(new LocalizedText("   ", "Far"))
                .link(new org.jqsi.core.model.Link(URI.create("javascript:alert(1)"), null))
                .themeTag("Justice Migratoire"));

        ValidationReport report = VALIDATOR.validate(data);

        assertThat(report.errors()).extracting(Problem::where, Problem::code).containsExactlyInAnyOrder(
                tuple("activities[1].id", "Pattern"),
                tuple("activities[1].title.fr", "NotBlank"),
                tuple("activities[1].links[0].url", "WebUrl"),
                tuple("activities[1].themeTags[0]", "Pattern"));
        Problem blank = report.errors().stream().filter(p -> p.code().equals("NotBlank")).findFirst().orElseThrow();
        assertThat(blank.message(Language.FR)).isEqualTo("ne doit pas être vide");
        assertThat(blank.message(Language.EN)).isEqualTo("must not be blank");
        Problem url = report.errors().stream().filter(p -> p.code().equals("WebUrl")).findFirst().orElseThrow();
        assertThat(url.message(Language.FR)).isEqualTo("doit être une adresse http ou https absolue");
        assertThat(url.message(Language.EN)).isEqualTo("must be an absolute http or https address");
    }

    @Test
    void englishStaysEnglishOnAFrenchMachine() {
        Locale.setDefault(Locale.CANADA_FRENCH);
        ProgramValidator validator = new ProgramValidator();

        ValidationReport report = validator.validate(withLoinDeBachar(b -> b.title(new LocalizedText(" ", null))
                .status(Status.RESCHEDULED)));

        assertThat(report.errors()).extracting(p -> p.message(Language.EN))
                .containsExactlyInAnyOrder("must not be blank", "a rescheduled activity must keep its previous start");
    }

    @Test
    void theSameProgramObjectIsValidatedOnceButEqualContentAgain() {
        ProgramValidator validator = new ProgramValidator();
        ProgramData data = withLoinDeBachar(b -> b.status(Status.RESCHEDULED));

        ValidationReport first = validator.validate(data);

        assertThat(validator.validate(data)).isSameAs(first);
        ProgramData copy = new ProgramData(data.editions(), data.partners(), data.activities());
        assertThat(validator.validate(copy)).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void everyProblemIsReportedAtOnceInProgramOrder() {
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            activities.add(SampleProgram.loinDeBachar().toBuilder().id("a-" + i).edition("nowhere").build());
        }

        ValidationReport report = VALIDATOR.validate(new ProgramData(SampleProgram.editions(),
                SampleProgram.partners(), activities));

        assertThat(report.errors()).hasSize(12).extracting(Problem::where).startsWith("activities[0].editionId",
                "activities[1].editionId", "activities[2].editionId").endsWith("activities[11].editionId");
        assertThat(report.format(Language.EN).lines()).hasSize(report.problems().size());
    }

    @Test
    void aPictureMustBeHttpsAndHaveItsAlternativeText() {
        Problem http = onlyProblem(withLoinDeBachar(b -> b.image(ActivityImage.of(
                URI.create("http://images.example.org/bachar.jpg"), LocalizedText.fr("Une femme devant la mer")))),
                "image.not-https");
        assertThat(http.where()).isEqualTo("activities[1].image.url");
        assertThat(http.severity()).isEqualTo(Severity.ERROR);
        assertThat(http.message(Language.FR)).contains("https").contains("http://images.example.org/bachar.jpg");
        Problem noAlt = onlyProblem(withLoinDeBachar(b -> b.image(new ActivityImage(
                URI.create("https://images.example.org/bachar.jpg"), null, 800, 450, null, null))), "image.no-alt");
        assertThat(noAlt.where()).isEqualTo("activities[1].image.alt");
        assertThat(noAlt.message(Language.EN)).contains("alternative text");
        assertThat(VALIDATOR.validate(withLoinDeBachar(b -> b.image(new ActivityImage(
                URI.create("https://images.example.org/bachar.jpg"), LocalizedText.of("Une femme", "A woman"), 800,
                450, "Les P’tites Vues", "CC BY 4.0")))).problems())
                .noneMatch(p -> p.code().startsWith("image."));
    }
}
