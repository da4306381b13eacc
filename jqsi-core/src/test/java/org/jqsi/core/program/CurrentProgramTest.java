package org.jqsi.core.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.core.validation.ValidationReport;
import org.junit.jupiter.api.Test;

class CurrentProgramTest {

    private static final ProgramValidator VALIDATOR = new ProgramValidator();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    /** A source whose next answer the test decides. */
    private static final class ScriptedSource implements ProgramSource {
        final AtomicReference<Object> next = new AtomicReference<>(SampleProgram.data());

        @Override
        public ProgramData read() throws ProgramLoadException {
            Object answer = next.get();
            if (answer instanceof ProgramLoadException e) {
                throw e;
            }
            if (answer instanceof RuntimeException e) {
                throw e;
            }
            return (ProgramData) answer;
        }

        @Override
        public String describe() {
            return "scripted";
        }
    }

    private static ProgramData withTitles(String marker) {
        List<Activity> activities = SampleProgram.activities().stream()
                .map(a -> a.toBuilder().title(LocalizedText.fr(marker)).build()).toList();
        return new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities);
    }

    private static ProgramData invalid() {
        List<Activity> activities = new ArrayList<>(SampleProgram.activities());
        activities.add(SampleProgram.dheepan());
        return new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities);
    }

    @Test
    void aValidReloadIsServedFromTheNextRead() throws Exception {
        ScriptedSource source = new ScriptedSource();
        CurrentProgram current = CurrentProgram.load(source, VALIDATOR, CLOCK);
        String first = current.get().version();

        source.next.set(withTitles("nouveau"));
        ReloadResult result = current.reload();

        assertThat(result.applied()).isTrue();
        assertThat(result.version()).isNotEqualTo(first).isEqualTo(current.get().version());
        assertThat(current.get().activities()).allMatch(a -> a.title().fr().equals("nouveau"));
        assertThat(result.report().warnings()).isNotEmpty();
        assertThat(current.lastReload()).isEqualTo(result);
    }

    @Test
    void anInvalidReloadKeepsThePreviousProgramAndSaysWhy() throws Exception {
        ScriptedSource source = new ScriptedSource();
        CurrentProgram current = CurrentProgram.load(source, VALIDATOR, CLOCK);
        Program before = current.get();

        source.next.set(invalid());
        ReloadResult result = current.reload();

        assertThat(result.applied()).isFalse();
        assertThat(current.get()).isSameAs(before);
        assertThat(result.version()).isEqualTo(before.version());
        assertThat(result.report().errors()).extracting(p -> p.format(Language.EN))
                .containsExactly("activities[7].id: the id \"dheepan-2020\" is already used by another item of the "
                        + "same list");
    }

    @Test
    void aSourceThatCannotBeReadOrFailsKeepsThePreviousProgram() throws Exception {
        ScriptedSource source = new ScriptedSource();
        CurrentProgram current = CurrentProgram.load(source, VALIDATOR, CLOCK);
        Program before = current.get();

        source.next.set(new ProgramLoadException("program.json", ValidationReport.failure("program.json:3:7",
                new java.io.IOException("disk gone"))));
        ReloadResult unreadable = current.reload();
        source.next.set(new IllegalStateException("bug"));
        ReloadResult broken = current.reload();

        assertThat(current.get()).isSameAs(before);
        assertThat(unreadable.applied()).isFalse();
        assertThat(unreadable.report().errors().get(0).format(Language.EN))
                .isEqualTo("program.json:3:7: the program could not be loaded: disk gone");
        assertThat(broken.applied()).isFalse();
        assertThat(broken.report().errors().get(0).message(Language.FR)).contains("bug").doesNotContain("Exception");
    }

    @Test
    void aFirstLoadWithErrorsServesNothing() {
        ScriptedSource source = new ScriptedSource();
        source.next.set(invalid());

        assertThatThrownBy(() -> CurrentProgram.load(source, VALIDATOR, CLOCK))
                .isInstanceOf(ProgramLoadException.class)
                .hasMessageContaining("scripted: activities[7].id: the id \"dheepan-2020\" is already used")
                .satisfies(e -> assertThat(((ProgramLoadException) e).report().errors()).hasSize(1));
    }

    @Test
    void readersAlwaysSeeOneWholeProgramWhileReloadsComeAndGo() throws Exception {
        ScriptedSource source = new ScriptedSource();
        source.next.set(withTitles("v0"));
        CurrentProgram current = CurrentProgram.load(source, VALIDATOR, CLOCK);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService readers = Executors.newFixedThreadPool(3);
        List<Future<Integer>> reads = new ArrayList<>();
        // The reloads start once every reader has read: a loaded machine may start a thread after they are all done.
        CountDownLatch reading = new CountDownLatch(3);
        for (int r = 0; r < 3; r++) {
            reads.add(readers.submit(() -> {
                int seen = 0;
                try {
                    do {
                        Program program = current.get();
                        String marker = program.activities().get(0).title().fr();
                        // Every activity of one program carries the same marker: never a mix of two programs.
                        assertThat(program.query(ActivityQuery.all()).items())
                                .allMatch(a -> a.title().fr().equals(marker));
                        seen++;
                        if (seen == 1) {
                            reading.countDown();
                        }
                    } while (!stop.get());
                } finally {
                    if (seen == 0) {
                        reading.countDown();
                    }
                }
                return seen;
            }));
        }
        assertThat(reading.await(5, TimeUnit.MINUTES)).as("readers started").isTrue();
        int applied = 0;
        for (int i = 1; i <= 200; i++) {
            source.next.set(i % 2 == 0 ? withTitles("v" + i) : invalid());
            if (current.reload().applied()) {
                applied++;
            }
        }
        stop.set(true);
        readers.shutdown();
        assertThat(readers.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        for (Future<Integer> read : reads) {
            assertThat(read.get()).isPositive();
        }
        assertThat(applied).isEqualTo(100);
        assertThat(current.get().activities().get(0).title().fr()).isEqualTo("v200");
    }
}
