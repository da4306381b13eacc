package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jqsi.ical.Feeds.CLOCK;
import static org.jqsi.ical.Feeds.JQSI_2021;
import static org.jqsi.ical.Feeds.calendar;
import static org.jqsi.ical.Feeds.event;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Origin;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Status;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ProgramValidator;
import org.junit.jupiter.api.Test;

/**
 * A feed imported as one source changes, cancels or adopts only that source's activities: a UID that names another
 * owner's activity is imported under the source's own name, with a warning, and the other's activity stays as it was.
 */
class FeedOwnershipTest {

    private static final FeedTarget CS3R = FeedTarget.of(JQSI_2021, "cs3r", Region.MAURICIE).withSource("cs3r-agenda");

    private static ImportResult importAs(FeedTarget target, String text, List<Activity> existing) throws IOException {
        return new CalendarImporter(IcalSettings.defaults(), CLOCK).importFeed(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), target, existing);
    }

    private static Activity withId(List<Activity> activities, String id) {
        return activities.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    /** The fault of issue 18: CECI's activity was rewritten by CS3R's feed, "1 changed", exit 0. */
    @Test
    void a_partners_uid_that_names_another_owners_activity_leaves_that_activity_as_it_was() throws IOException {
        List<Activity> program = SampleProgram.activities();
        Activity ceci = withId(program, SampleProgram.CECI_DISCUSSION_1);
        String feed = calendar(event("UID:ceci-discussion-agir-pour-egalite-1-2021@jqsi", "SUMMARY:Autre chose",
                "DTSTART;TZID=America/Toronto:20211110T190000", "LOCATION:Trois-Rivières"));

        ImportResult result = importAs(CS3R, feed, program);

        assertThat(withId(result.activities(), SampleProgram.CECI_DISCUSSION_1)).isEqualTo(ceci);
        assertThat(result.changed()).isEmpty();
        Activity added = result.added().get(0);
        assertThat(added.id()).isEqualTo("cs3r-agenda-ceci-discussion-agir-pour-egalite-1-2021");
        assertThat(added.origin()).isEqualTo(Origin.of("cs3r-agenda", "ceci-discussion-agir-pour-egalite-1-2021@jqsi"));
        assertThat(result.warnings()).extracting(Problem::code).contains("event.id-taken");
        assertThat(result.warnings()).extracting(p -> p.message(Language.EN)).anyMatch(m -> m.contains(
                "belongs to the program file: this event does not change it, it is imported as cs3r-agenda-ceci"));
        assertThat(result.warnings()).extracting(p -> p.message(Language.FR)).anyMatch(m -> m.contains(
                "a pour propriétaire le fichier du programme : cet événement ne la modifie pas, il est importé sous "
                        + "l'id cs3r-agenda-ceci"));
        assertThat(result.activities()).hasSize(program.size() + 1);
        assertThat(new ProgramValidator().validate(new ProgramData(SampleProgram.editions(), SampleProgram.partners(),
                result.activities())).errors()).isEmpty();

        // The same feed again: the event keeps the id it took, nothing changes.
        ImportResult again = importAs(CS3R, feed, result.activities());
        assertThat(again.changedAnything()).isFalse();
        assertThat(again.activities()).isEqualTo(result.activities());
    }

    @Test
    void a_partner_feed_that_republishes_jqsis_own_feed_rewrites_nothing() throws IOException {
        Program sample = Program.of(SampleProgram.data());
        String jqsiFeed = new CalendarExporter(IcalSettings.defaults()).feed(sample,
                ActivityQuery.builder().edition(SampleProgram.EDITION_2021).build(), FeedOptions.defaults());
        String all2020 = new CalendarExporter(IcalSettings.defaults()).feed(sample,
                ActivityQuery.builder().edition(SampleProgram.EDITION_2020).build(), FeedOptions.defaults());
        FeedTarget into2020 = FeedTarget.of(SampleProgram.editions().get(0), "cs3r", Region.MAURICIE)
                .withSource("cs3r-agenda");

        ImportResult result = importAs(into2020, all2020, sample.activities());
        ImportResult both = importAs(CS3R, jqsiFeed, result.activities());

        for (Activity original : sample.activities()) {
            assertThat(withId(both.activities(), original.id())).isEqualTo(original);
        }
        assertThat(result.changed()).isEmpty();
        assertThat(result.added()).isNotEmpty().allSatisfy(a -> {
            assertThat(a.id()).startsWith("cs3r-agenda-");
            assertThat(a.origin().source()).isEqualTo("cs3r-agenda");
        });
    }

    @Test
    void one_source_never_cancels_the_activities_of_another_source_of_the_same_partner() throws IOException {
        String quiz = calendar(event("UID:quiz@cs3r.example", "SUMMARY:Quiz",
                "DTSTART;TZID=America/Toronto:20211105T190000"));
        String cine = calendar(event("UID:cine@cs3r.example", "SUMMARY:Ciné",
                "DTSTART;TZID=America/Toronto:20211106T190000"));
        FeedTarget other = CS3R.withSource("cs3r-cinema");

        ImportResult first = importAs(CS3R, quiz, List.of());
        ImportResult second = importAs(other, cine, first.activities());
        // CS3R's agenda now has nothing: its quiz is cancelled, the cinema's film is not its own.
        ImportResult third = importAs(CS3R, calendar(), second.activities());

        assertThat(third.cancelled()).extracting(a -> a.title().fr()).containsExactly("Quiz");
        Activity film = third.activities().stream().filter(a -> a.title().fr().equals("Ciné")).findFirst()
                .orElseThrow();
        assertThat(film).isEqualTo(second.added().get(0));
        assertThat(film.status()).isEqualTo(Status.SCHEDULED);
    }

    @Test
    void activities_an_older_import_made_are_adopted_when_the_feed_still_has_them_and_left_alone_otherwise()
            throws IOException {
        String both = calendar(event("UID:quiz@cs3r.example", "SUMMARY:Quiz",
                "DTSTART;TZID=America/Toronto:20211105T190000"), event("UID:cine@cs3r.example", "SUMMARY:Ciné",
                "DTSTART;TZID=America/Toronto:20211106T190000"));
        // What an import wrote before activities said their origin: the program file's, with an imported id.
        List<Activity> legacy = new ArrayList<>();
        for (Activity a : importAs(CS3R, both, List.of()).activities()) {
            legacy.add(a.toBuilder().origin(Origin.PROGRAM_FILE).build());
        }
        Predicate<Activity> quiz = a -> a.title().fr().equals("Quiz");

        ImportResult result = importAs(CS3R, calendar(event("UID:quiz@cs3r.example", "SUMMARY:Quiz",
                "DTSTART;TZID=America/Toronto:20211105T190000")), legacy);

        assertThat(result.added()).isEmpty();
        assertThat(result.cancelled()).isEmpty();
        Activity adopted = result.activities().stream().filter(quiz).findFirst().orElseThrow();
        assertThat(adopted.id()).isEqualTo(legacy.stream().filter(quiz).findFirst().orElseThrow().id());
        assertThat(adopted.origin()).isEqualTo(Origin.of("cs3r-agenda", "quiz@cs3r.example"));
        // The film may be another feed's: it stays the file's, untouched.
        assertThat(result.activities()).contains(legacy.stream().filter(quiz.negate()).findFirst().orElseThrow());
    }

    @Test
    void an_english_feeds_texts_are_english_and_the_french_title_says_so() throws IOException {
        String feed = calendar(event("UID:night@ceci.example", "SUMMARY:Film night",
                "DESCRIPTION:Two films and a talk.", "DTSTART;TZID=America/Toronto:20211105T190000"));

        Activity activity = importAs(CS3R.withLanguage(Language.EN), feed, List.of()).added().get(0);

        assertThat(activity.title().en()).isEqualTo("Film night");
        assertThat(activity.title().fr()).isEqualTo("Film night (en anglais)");
        assertThat(activity.description().en()).isEqualTo("Two films and a talk.");
        assertThat(activity.description().fr()).isEqualTo("En anglais :\n\nTwo films and a talk.");
        // A feed of the default language stays French.
        Activity french = importAs(CS3R, feed, List.of()).added().get(0);
        assertThat(french.title().fr()).isEqualTo("Film night");
        assertThat(french.title().en()).isNull();
    }
}
