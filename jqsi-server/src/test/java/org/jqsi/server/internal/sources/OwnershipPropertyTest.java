package org.jqsi.server.internal.sources;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.FollowedSource;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.fetch.HttpValidators;
import org.jqsi.ical.CalendarImporter;
import org.jqsi.ical.FeedTarget;
import org.jqsi.ical.IcalSettings;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.jqsi.server.internal.WatchedFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;


/**
 * Random sequences of what happens to a server that follows sources (a feed changes, a fetch breaks or brings a copy
 * that is not a calendar, the server restarts, the program file is edited by hand or by {@code import-ics}), checking
 * after every step that each source's activities are exactly its last good copy (its events, and those it had before
 * cancelled), and that every activity of the program file is served exactly as the file has it.
 *
 * <p>The feeds, and a spreadsheet whose rows' ids are the UIDs' slugs, share UIDs with each other and with the program
 * file's activities ({@code …@jqsi}, whose ids are the file's), so that each step may collide. The sources are fetched through an in-memory {@link SourceFetch} that
 * answers 304 to the validators of its current copy, as a calendar host does.
 *
 * <p>Property-based with a seeded random generator in plain JUnit rather than jqwik: jqwik 1.10's engine prints, in
 * every test run, a message to AI agents asking them not to use it and to disregard its results, and this project's
 * builds are read by such agents. Each seed gives one sequence, the same on every run; a failure names its seed and
 * its steps, which are short enough to read.
 */
class OwnershipPropertyTest {

    private static final ProgramValidator VALIDATOR = new ProgramValidator();
    private static final ProgramReader READER = new ProgramReader(VALIDATOR);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-10-30T12:00:00Z"), ZoneOffset.UTC);
    private static final List<String> UIDS = List.of("ev-a@jqsi", "ev-b@jqsi", "partage@jqsi",
            SampleProgram.CECI_DISCUSSION_1 + "@jqsi", SampleProgram.LOIN_DE_BACHAR + "@jqsi", "autre@cs3r.example");
    private static final List<String> TITLES = List.of("Quiz", "Ciné", "Panel", "Atelier");
    /** Two feeds, and a spreadsheet of the same partner as the first. */
    private static final List<String> SOURCES = List.of("s1", "s2", "s3");
    private static final String SHEET = "s3";

    private ch.qos.logback.classic.Logger log;
    private Level level;

    @BeforeEach
    void quiet() {
        // Every collision is a warning worth logging in a server, and noise in thousands of steps.
        log = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(FollowedSources.class);
        level = log.getLevel();
        log.setLevel(Level.ERROR);
    }

    @AfterEach
    void loud() {
        log.setLevel(level);
    }

    /** One thing that happens. */
    sealed interface Step {
    }

    /** A source's feed now has these events (UID to title). */
    record FeedChange(int source, Map<String, String> events) implements Step {
    }

    /** A source's next fetch fails, or brings something that is not a calendar. */
    record BrokenFetch(int source, boolean notACalendar) implements Step {
    }

    /** The server stops and starts again, with the copies it kept. */
    record Restart() implements Step {
    }

    /** The program file is edited: a title changed, or an activity added or removed under a feed's id. */
    record FileEdit(int uid, String title) implements Step {
    }

    /** {@code import-ics} merges a feed into the program file, as its own source. */
    record ImportIntoFile(Map<String, String> events) implements Step {
    }

    /** The sequences tried: one a seed. */
    static Stream<Long> seeds() {
        return Stream.iterate(1L, seed -> seed + 1).limit(40);
    }

    /** A sequence of 1 to 14 steps, each as likely as its weight: feeds change most. */
    static List<Step> steps(long seed) {
        Random random = new Random(seed);
        List<Step> steps = new ArrayList<>();
        int count = 1 + random.nextInt(14);
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(11);
            if (pick < 5) {
                steps.add(new FeedChange(random.nextInt(SOURCES.size()), events(random)));
            } else if (pick < 7) {
                steps.add(new BrokenFetch(random.nextInt(SOURCES.size()), random.nextBoolean()));
            } else if (pick < 8) {
                steps.add(new Restart());
            } else if (pick < 10) {
                steps.add(new FileEdit(random.nextInt(3), TITLES.get(random.nextInt(TITLES.size()))));
            } else {
                steps.add(new ImportIntoFile(events(random)));
            }
        }
        return steps;
    }

    /** Some of the UIDs, none more than once, each with a title. */
    private static Map<String, String> events(Random random) {
        Map<String, String> events = new LinkedHashMap<>();
        int count = random.nextInt(UIDS.size() + 1);
        for (int i = 0; i < count; i++) {
            events.put(UIDS.get(random.nextInt(UIDS.size())), TITLES.get(random.nextInt(TITLES.size())));
        }
        return events;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void eachOwnerHasExactlyItsLastGoodInputAndNoOtherOwnersActivityChanges(long seed) throws Exception {
        List<Step> steps = steps(seed);
        Path dir = Files.createTempDirectory("jqsi-ownership");
        try {
            new Run(dir).play(steps);
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + ", steps " + steps + ": " + e.getMessage(), e);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The feeds as a calendar host serves them: an ETag per copy, 304 for the current one, or a failure. */
    private static final class Feeds implements SourceFetch {
        final Map<URI, Result> now = new HashMap<>();

        @Override
        public Result fetch(URI url, HttpValidators previous, boolean allowPrivateAddress) {
            Result result = now.getOrDefault(url, new Failed(LocalizedText.of("absent", "absent")));
            if (result instanceof Fetched fetched && fetched.validators().equals(previous)) {
                return new NotModified();
            }
            return result;
        }
    }

    /** One sequence, against a model of what each owner should have. */
    private static final class Run {
        private final Path dir;
        private final Path programFile;
        private final Feeds feeds = new Feeds();
        private final List<FollowedSource> sources = new ArrayList<>();
        /** The events of each source's last good copy (UID to title), and every UID a good copy ever had. */
        private final Map<String, Map<String, String>> lastGood = new HashMap<>();
        private final Map<String, Set<String>> ever = new HashMap<>();
        private int version;
        private FollowedSources followed;
        private CurrentProgram current;

        Run(Path dir) throws Exception {
            this.dir = dir;
            this.programFile = dir.resolve("program.json");
            ProgramWriter.forFiles().write(SampleProgram.data(), programFile);
            for (String id : SOURCES) {
                sources.add(new FollowedSource(id, id.equals(SHEET) ? FollowedSource.Kind.SHEET
                        : FollowedSource.Kind.ICAL, url(id), null, partnerOf(id), SampleProgram.EDITION_2021,
                        Region.MAURICIE, null, Language.FR, java.time.Duration.ofMinutes(30), true));
                lastGood.put(id, Map.of());
                ever.put(id, new HashSet<>());
            }
            start();
        }

        private static String partnerOf(String source) {
            return source.equals("s2") ? "ceci" : "cs3r";
        }

        /** A sheet's id for a feed's UID: what is before the {@code @}, which the sheet's rows give as their id. */
        private static String rowId(String uid) {
            return uid.substring(0, uid.indexOf('@'));
        }

        private static URI url(String id) {
            return URI.create("https://feeds.example/" + id + ".ics");
        }

        private void start() throws Exception {
            followed = new FollowedSources(sources, dir.resolve("copies"), feeds, READER, VALIDATOR, CLOCK,
                    Language.EN);
            current = CurrentProgram.load(new ComposedSource(new WatchedFile(programFile, READER), followed),
                    VALIDATOR, CLOCK);
        }

        void play(List<Step> steps) throws Exception {
            for (Step step : steps) {
                apply(step);
                assertThat(current.lastReload().applied()).as("%s: %s", step, current.lastReload().report()
                        .format(Language.EN)).isTrue();
                check(step);
            }
        }

        private void apply(Step step) throws Exception {
            if (step instanceof FeedChange change) {
                String id = SOURCES.get(change.source());
                byte[] body = (id.equals(SHEET) ? sheet(change.events()) : calendar(change.events()))
                        .getBytes(StandardCharsets.UTF_8);
                feeds.now.put(url(id), new SourceFetch.Fetched(body,
                        new HttpValidators("\"" + (++version) + "\"", null)));
                followed.check(id);
                current.reload();
                // A sheet's own id for a row is the row's id.
                Map<String, String> events = new LinkedHashMap<>();
                change.events().forEach((uid, title) -> events.put(id.equals(SHEET) ? rowId(uid) : uid, title));
                lastGood.put(id, Map.copyOf(events));
                ever.get(id).addAll(events.keySet());
            } else if (step instanceof BrokenFetch broken) {
                String id = SOURCES.get(broken.source());
                feeds.now.put(url(id), broken.notACalendar()
                        ? new SourceFetch.Fetched("<html>502</html>".getBytes(StandardCharsets.UTF_8),
                                new HttpValidators("\"" + (++version) + "\"", null))
                        : new SourceFetch.Failed(LocalizedText.of("panne", "down")));
                followed.check(id);
                current.reload();
            } else if (step instanceof Restart) {
                start();
            } else if (step instanceof FileEdit edit) {
                ProgramData file = READER.read(programFile);
                List<Activity> activities = new ArrayList<>(file.activities());
                if (edit.uid() == 0) {
                    activities.replaceAll(a -> a.id().equals(SampleProgram.CECI_DISCUSSION_2)
                            ? a.toBuilder().title(LocalizedText.fr(edit.title())).build() : a);
                } else {
                    String id = UIDS.get(edit.uid() - 1).replace("@jqsi", "");
                    Activity there = activities.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
                    if (there == null) {
                        activities.add(activity(id, edit.title()));
                    } else if (there.origin().isProgramFile()) {
                        activities.remove(there);
                    }
                }
                write(new ProgramData(file.editions(), file.partners(), activities));
                current.reload();
            } else if (step instanceof ImportIntoFile imported) {
                ProgramData file = READER.read(programFile);
                FeedTarget target = FeedTarget.of(file.editions().get(1), "aqoci", null).withSource("cli");
                List<Activity> merged = new CalendarImporter(IcalSettings.defaults(), CLOCK).importFeed(
                        new ByteArrayInputStream(calendar(imported.events()).getBytes(StandardCharsets.UTF_8)),
                        target, file.activities()).activities();
                write(new ProgramData(file.editions(), file.partners(), merged));
                current.reload();
            }
        }

        /** Written so that the file's watcher sees a change even within one tick of the file system's clock. */
        private void write(ProgramData data) throws IOException {
            ProgramWriter.forFiles().write(data, programFile);
            Files.setLastModifiedTime(programFile, java.nio.file.attribute.FileTime.from(
                    Instant.parse("2030-01-01T00:00:00Z").plusSeconds(++version)));
        }

        private void check(Step step) throws Exception {
            List<Activity> served = current.get().activities();
            // The program file's activities, whoever they belong to in it, served exactly as the file has them.
            List<Activity> inFile = READER.read(programFile).activities();
            assertThat(served.subList(0, inFile.size())).as("after %s", step).isEqualTo(inFile);
            for (String id : SOURCES) {
                Map<String, Activity> own = new LinkedHashMap<>();
                for (Activity activity : served) {
                    if (activity.origin().isSource(id)) {
                        assertThat(own.put(activity.origin().uid(), activity)).as("one activity per UID").isNull();
                    }
                }
                assertThat(own.keySet()).as("%s after %s", id, step).isEqualTo(ever.get(id));
                for (Map.Entry<String, Activity> entry : own.entrySet()) {
                    String title = lastGood.get(id).get(entry.getKey());
                    if (title == null) {
                        assertThat(entry.getValue().status()).as("%s gone from %s", entry.getKey(), id)
                                .isEqualTo(Status.CANCELLED);
                    } else {
                        assertThat(entry.getValue().status()).isEqualTo(Status.SCHEDULED);
                        assertThat(entry.getValue().title().fr()).isEqualTo(title);
                        assertThat(entry.getValue().partnersIn(org.jqsi.core.model.PartnerRole.ORGANIZER))
                                .containsExactly(partnerOf(id));
                    }
                }
            }
            assertThat(served.size()).isEqualTo(inFile.size() + SOURCES.stream().mapToInt(s -> ever.get(s).size())
                    .sum());
        }

        private static Activity activity(String id, String title) {
            return Activity.builder(id).edition(SampleProgram.EDITION_2021).kind(ActivityKind.OTHER)
                    .title(LocalizedText.fr(title)).partner("aqoci", org.jqsi.core.model.PartnerRole.ORGANIZER)
                    .schedule(new Schedule.Timed(LocalDateTime.of(2021, 11, 20, 10, 0), null, Region.EASTERN))
                    .build();
        }

        /** A sheet of these events, a row each, as {@link #calendar} gives them: the id, the title, the start. */
        private static String sheet(Map<String, String> events) {
            StringBuilder text = new StringBuilder("Identifiant;Titre;Début\n");
            events.forEach((uid, title) -> text.append(rowId(uid)).append(';').append(title)
                    .append(";2021-11-").append(10 + UIDS.indexOf(uid)).append(" 19:00\n"));
            return text.toString();
        }

        /** A feed of these events, each at a start of its own that never moves (a move would reschedule it). */
        private static String calendar(Map<String, String> events) {
            StringBuilder text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tests//FR\r\n");
            events.forEach((uid, title) -> text.append("BEGIN:VEVENT\r\nDTSTAMP:20211001T120000Z\r\nUID:")
                    .append(uid).append("\r\nSUMMARY:").append(title)
                    .append("\r\nDTSTART;TZID=America/Toronto:202111").append(10 + UIDS.indexOf(uid))
                    .append("T190000\r\nEND:VEVENT\r\n"));
            return text.append("END:VCALENDAR\r\n").toString();
        }
    }
}
