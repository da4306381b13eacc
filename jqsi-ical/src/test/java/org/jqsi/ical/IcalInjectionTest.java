package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.ICalProperty;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.HostileProgram;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * iCalendar injection: newlines, {@code :}, {@code ;}, {@code ,}, backslashes and whole {@code BEGIN:VEVENT} lines in
 * every text field can never add a property, an event or a calendar to an exported feed. The feed is read back with
 * two independent parsers (biweekly and iCal4j): the same events, each with exactly the properties that a harmless
 * twin of it has, and the texts back as written (line ends as LF, other control characters dropped, as documented).
 */
class IcalInjectionTest {

    private static final CalendarExporter EXPORTER = new CalendarExporter(IcalSettings.defaults());
    /**
     * The harmless twin has the same ids with other places: written by the same exporter, it would be taken for a
     * new version of the hostile program, and its events would get a raised SEQUENCE (see {@link EventHistory}).
     */
    private static final CalendarExporter TWIN_EXPORTER = new CalendarExporter(IcalSettings.defaults());

    /** The same program with a harmless text in place of each payload: the shape every event must keep. */
    private static final List<String> HARMLESS = HostileProgram.ICAL.stream().map(p -> "plain text").toList();

    @ParameterizedTest
    @EnumSource(Language.class)
    void noTextFieldAddsAPropertyOrAnEvent(Language language) throws Exception {
        Program hostile = Program.of(HostileProgram.of(HostileProgram.ICAL));
        Program harmless = Program.of(HostileProgram.of(HARMLESS));
        String ics = EXPORTER.feed(hostile, ActivityQuery.builder().build(), FeedOptions.in(language));
        String twin = TWIN_EXPORTER.feed(harmless, ActivityQuery.builder().build(), FeedOptions.in(language));
        IcsAssertions.assertWellFolded(ics);

        List<ICalendar> calendars = Biweekly.parse(ics).all();
        assertThat(calendars).as("calendars").hasSize(1);
        Map<String, VEvent> events = byUid(calendars.get(0));
        Map<String, VEvent> twinEvents = byUid(Biweekly.parse(twin).first());
        assertThat(events.keySet()).as("events").isEqualTo(twinEvents.keySet())
                .hasSize(HostileProgram.ICAL.size());
        assertThat(calendars.get(0).getComponents().keySet())
                .isEqualTo(Biweekly.parse(twin).first().getComponents().keySet());

        for (Activity activity : hostile.activities()) {
            String uid = EXPORTER.uid(activity);
            VEvent event = events.get(uid);
            assertThat(propertyNames(event)).as(uid).isEqualTo(propertyNames(twinEvents.get(uid)));
            assertThat(event.getSummary().getValue()).as(uid).isEqualTo(clean(activity.title().in(language)));
            assertThat(event.getDescription().getValue()).as(uid)
                    .isEqualTo(clean(activity.description().in(language)));
        }

        Calendar ical4j = new CalendarBuilder().build(new StringReader(ics));
        Calendar ical4jTwin = new CalendarBuilder().build(new StringReader(twin));
        List<net.fortuna.ical4j.model.component.VEvent> parsed = ical4j.getComponents("VEVENT");
        assertThat(parsed).hasSize(HostileProgram.ICAL.size());
        assertThat(ical4j.getComponents().size()).isEqualTo(ical4jTwin.getComponents().size());
        assertThat(ical4j.getProperties().stream().map(Property::getName).toList())
                .isEqualTo(ical4jTwin.getProperties().stream().map(Property::getName).toList());
        Map<String, List<String>> twinProperties = new TreeMap<>();
        for (net.fortuna.ical4j.model.component.VEvent e
                : ical4jTwin.<net.fortuna.ical4j.model.component.VEvent>getComponents("VEVENT")) {
            twinProperties.put(e.getUid().orElseThrow().getValue(), names(e));
        }
        for (net.fortuna.ical4j.model.component.VEvent e : parsed) {
            String uid = e.getUid().orElseThrow().getValue();
            assertThat(names(e)).as(uid).isEqualTo(twinProperties.get(uid));
            Activity activity = hostile.activities().stream().filter(a -> EXPORTER.uid(a).equals(uid)).findFirst()
                    .orElseThrow();
            String title = clean(activity.title().in(language));
            // iCal4j 4.4 unescapes "\\\n" (an escaped backslash, then an escaped newline) as "\\n": its own
            // quirk, as biweekly reads the same line right (above). Texts with a backslash are compared there.
            if (!title.contains("\\")) {
                assertThat(e.getSummary().getValue()).isEqualTo(title);
            }
        }
        // The payloads are in the feed, as escaped text inside values: never as lines of their own.
        List<String> lines = List.of(ics.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n"));
        assertThat(lines).noneMatch(l -> l.startsWith("UID:injected") || l.startsWith("ATTENDEE")
                || l.startsWith("RRULE:FREQ=SECONDLY") || l.startsWith("URL:https://evil"));
        assertThat(lines.stream().filter(l -> l.equals("BEGIN:VEVENT")).count()).isEqualTo(HostileProgram.ICAL.size());
        assertThat(lines.stream().filter(l -> l.equals("END:VCALENDAR")).count()).isEqualTo(1);
    }

    /** An activity file (one event) holds just as well. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void anActivityFileHoldsOneEvent(Language language) {
        Program hostile = Program.of(HostileProgram.of(HostileProgram.ICAL));
        for (Activity activity : hostile.activities()) {
            String ics = EXPORTER.activityFile(hostile, activity, FeedOptions.in(language));
            List<ICalendar> calendars = Biweekly.parse(ics).all();
            assertThat(calendars).hasSize(1);
            assertThat(calendars.get(0).getEvents()).hasSize(1);
            assertThat(calendars.get(0).getEvents().get(0).getSummary().getValue())
                    .isEqualTo(clean(activity.title().in(language)));
        }
    }

    private static Map<String, VEvent> byUid(ICalendar calendar) {
        return calendar.getEvents().stream().collect(Collectors.toMap(e -> e.getUid().getValue(), e -> e));
    }

    private static List<String> propertyNames(VEvent event) {
        List<String> names = new ArrayList<>();
        for (Class<? extends ICalProperty> type : event.getProperties().keySet()) {
            names.add(type.getSimpleName() + "×" + event.getProperties(type).size());
        }
        names.addAll(new TreeSet<>(event.getExperimentalProperties().stream().map(p -> p.getName()).toList()));
        return names.stream().sorted().toList();
    }

    private static List<String> names(net.fortuna.ical4j.model.component.VEvent event) {
        return event.getProperties().stream().map(Property::getName).sorted().toList();
    }

    /** What the exporter documents for TEXT: CRLF and CR become LF, tabs spaces, other control characters go. */
    private static String clean(String text) {
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder();
        for (char c : lines.toCharArray()) {
            if (c == '\n' || c >= 0x20 && c != 0x7f) {
                out.append(c);
            } else if (c == '\t') {
                out.append(' ');
            }
        }
        return out.toString();
    }
}
