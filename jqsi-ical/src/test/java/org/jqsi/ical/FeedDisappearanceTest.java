package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jqsi.ical.Feeds.calendar;
import static org.jqsi.ical.Feeds.event;
import static org.jqsi.ical.Feeds.importText;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.junit.jupiter.api.Test;

/**
 * Events that leave a partner's feed, and occurrences that a shortened rule no longer gives, are marked cancelled:
 * the calendars that copied them from jqsi's feeds learn that they are off. Only what the feed made is touched.
 */
class FeedDisappearanceTest {

    private static final String QUIZ = event("UID:quiz@cs3r.example", "SUMMARY:Quiz",
            "DTSTART;TZID=America/Toronto:20211105T190000");
    private static final String CINE = event("UID:cine@cs3r.example", "SUMMARY:Ciné",
            "DTSTART;TZID=America/Toronto:20211106T190000");

    private static Map<String, Activity> byTitle(List<Activity> activities) {
        return activities.stream().collect(Collectors.toMap(a -> a.title().fr() + " " + a.id(),
                Function.identity()));
    }

    @Test
    void an_event_gone_from_the_feed_is_cancelled_once_and_a_hand_written_activity_is_left_alone()
            throws IOException {
        ImportResult first = importText(calendar(QUIZ, CINE));
        List<Activity> existing = new ArrayList<>(first.activities());
        Activity handWritten = Activity.builder("conference-cs3r-2021").edition("jqsi-2021")
                .kind(ActivityKind.CONFERENCE).title(LocalizedText.fr("Conférence")).region(Region.MAURICIE)
                .partner("cs3r", PartnerRole.ORGANIZER)
                .schedule(new Schedule.Timed(LocalDateTime.of(2021, 11, 8, 19, 0), null, Region.EASTERN))
                .build();
        existing.add(handWritten);

        ImportResult second = importText(calendar(QUIZ), existing);
        assertThat(second.cancelled()).extracting(a -> a.title().fr()).containsExactly("Ciné");
        Activity cine = second.cancelled().get(0);
        assertThat(cine.status()).isEqualTo(Status.CANCELLED);
        assertThat(cine.revision()).isEqualTo(1);
        assertThat(second.activities()).contains(handWritten);
        assertThat(second.changedAnything()).isTrue();

        ImportResult third = importText(calendar(QUIZ), second.activities());
        assertThat(third.changedAnything()).isFalse();
        assertThat(third.cancelled()).isEmpty();
    }

    @Test
    void occurrences_a_shortened_rule_no_longer_gives_are_cancelled() throws IOException {
        String rule = "UID:serie@cs3r.example\r\nSUMMARY:Cercle\r\nDTSTART;TZID=America/Toronto:20211102T190000\r\n"
                + "RRULE:FREQ=WEEKLY;COUNT=";
        ImportResult four = importText(calendar(event(rule + "4")));
        ImportResult two = importText(calendar(event(rule + "2")), four.activities());
        assertThat(two.cancelled()).extracting(Activity::id).containsExactly(four.activities().get(2).id(),
                four.activities().get(3).id());
        assertThat(two.activities()).extracting(Activity::status).containsExactly(Status.SCHEDULED,
                Status.SCHEDULED, Status.CANCELLED, Status.CANCELLED);
    }

    @Test
    void an_event_that_cannot_be_read_this_time_is_left_as_it_was() throws IOException {
        ImportResult first = importText(calendar(QUIZ, CINE));
        ImportResult broken = importText(calendar(QUIZ, event("UID:cine@cs3r.example", "SUMMARY:Ciné",
                "DTSTART;TZID=America/Toronto:2021-11-06 19h")), first.activities());
        assertThat(broken.cancelled()).isEmpty();
        assertThat(broken.skipped()).isEqualTo(1);
        assertThat(byTitle(broken.activities())).allSatisfy((title, a) ->
                assertThat(a.status()).isEqualTo(Status.SCHEDULED));
    }

    @Test
    void another_partners_imported_activities_are_never_touched() throws IOException {
        ImportResult ceci = new CalendarImporter(IcalSettings.defaults(), Feeds.CLOCK).importFeed(
                new java.io.StringReader(calendar(CINE)), FeedTarget.of(Feeds.JQSI_2021, "ceci", Region.MAURICIE),
                List.of());
        ImportResult cs3r = importText(calendar(QUIZ), ceci.activities());
        assertThat(cs3r.cancelled()).isEmpty();
        assertThat(cs3r.activities()).containsAll(ceci.activities());
    }
}
