package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.ical.internal.Texts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What jqsi exports as iCalendar, imported into a program with the same editions and partners but no activities,
 * gives back each field iCalendar (with jqsi's {@code X-JQSI-} properties) can carry, in a feed of either language.
 * What cannot come back is listed in {@code jqsi-ical/README.md}.
 */
class RoundTripTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-10-30T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(Language.class)
    void every_field_a_calendar_can_carry_comes_back(Language language) throws IOException {
        Program program = TestPrograms.sample();
        // What the issue found lost: the sample has each of them.
        assertThat(program.activities()).anySatisfy(a -> assertThat(a.schedule())
                .isInstanceOfSatisfying(org.jqsi.core.model.Schedule.Window.class, w -> assertThat(w.allDay()).isFalse()));
        assertThat(program.activities()).anySatisfy(a -> assertThat(a.title().english()).isPresent());
        assertThat(program.activities()).anySatisfy(a -> assertThat(a.place().onlinePart().orElseThrow().platform())
                .isNotNull());
        for (Edition edition : program.editions()) {
            String ics = new CalendarExporter(IcalSettings.defaults()).feed(program,
                    ActivityQuery.builder().edition(edition.id()).build(),
                    FeedOptions.defaults().withLanguage(language));
            ImportResult result = new CalendarImporter(IcalSettings.defaults(), CLOCK).importFeed(
                    new StringReader(ics), FeedTarget.of(edition, "aqoci", null), List.of());
            assertThat(result.problems()).as(edition.id()).isEmpty();
            Map<String, Activity> back = result.activities().stream()
                    .collect(Collectors.toMap(Activity::id, Function.identity()));
            List<Activity> dated = program.activities().stream()
                    .filter(a -> a.editionId().equals(edition.id()) && a.schedule().isDated()).toList();
            assertThat(back.keySet()).containsExactlyInAnyOrderElementsOf(dated.stream().map(Activity::id).toList());
            for (Activity original : dated) {
                Activity copy = back.get(original.id());
                String what = original.id() + " in a " + language + " feed";
                assertThat(copy.title()).as(what).isEqualTo(original.title());
                // The one change the exporter makes to texts: CR and CRLF become LF, a tab a space (see the README).
                assertThat(copy.description()).as(what).isEqualTo(original.description() == null ? null
                        : LocalizedText.of(Texts.clean(original.description().fr()),
                                original.description().english().map(Texts::clean).orElse(null)));
                assertThat(copy.schedule()).as(what).isEqualTo(original.schedule().isDated()
                        && original.schedule() instanceof org.jqsi.core.model.Schedule.Timed timed
                        && timed.end() == null ? new org.jqsi.core.model.Schedule.Timed(timed.start(),
                                timed.endOrAssumed().toLocalDateTime(), timed.zone()) : original.schedule());
                assertThat(copy.status()).as(what).isEqualTo(original.status());
                assertThat(copy.previousStart()).as(what).isEqualTo(original.previousStart());
                assertThat(copy.kind()).as(what).isEqualTo(original.kind());
                assertThat(copy.revision()).as(what).isEqualTo(original.revision());
                assertThat(copy.place() == null).as(what).isEqualTo(original.place() == null);
                if (original.place() != null) {
                    assertThat(copy.place().onlinePart()).as(what).isEqualTo(original.place().onlinePart()
                            .map(o -> new Place.Online(o.link().orElse(null), o.platform(), o.hostPartnerId())));
                    assertThat(copy.place().venuePart().map(Place.Venue::name)).as(what)
                            .isEqualTo(original.place().venuePart().map(Place.Venue::name));
                    assertThat(copy.place().venuePart().map(Place.Venue::geo)).as(what)
                            .isEqualTo(original.place().venuePart().map(Place.Venue::geo));
                }
            }
            ProgramData data = new ProgramData(program.editions(), program.partners(), result.activities());
            assertThat(new ProgramValidator().validate(data).errors()).as(edition.id()).isEmpty();
        }
    }
}
