package org.jqsi.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.sample.GeneratedProgram;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.Severity;
import org.junit.jupiter.api.Test;

class HeapRuleTest {

    private static final long MIB = 1024 * 1024;
    private static final long CACHE = 32 * MIB;

    @Test
    void theHeapNeededIsTheBaseTheCacheTheFeedsAtOnceAndEachActivity() {
        HeapRule rule = new HeapRule(0, CACHE);
        assertThat(rule.needed(0)).isEqualTo(HeapRule.BASE_BYTES + CACHE
                + FeedGate.FEEDS_AT_ONCE * HeapRule.BYTES_PER_FEED);
        assertThat(rule.needed(20_000) - rule.needed(10_000)).isEqualTo(10_000 * HeapRule.BYTES_PER_ACTIVITY);
        // The -Xmx said is a multiple of 16 MiB, above what is needed by a sixteenth (the collector's survivor space).
        for (long activities : List.of(0L, 1_000L, 20_000L, 50_004L, 100_000L)) {
            long xmx = rule.xmxMiB(activities) * MIB;
            assertThat(xmx % (16 * MIB)).isZero();
            assertThat(xmx).isGreaterThanOrEqualTo(rule.needed(activities) + rule.needed(activities) / 16)
                    .isLessThan(rule.needed(activities) + rule.needed(activities) / 16 + 16 * MIB);
        }
    }

    @Test
    void aProgramThatFitsPasses() {
        ProgramData program = GeneratedProgram.of(100, 2021);
        HeapRule rule = new HeapRule(new HeapRule(0, CACHE).needed(100), CACHE);
        assertThat(rule.check(program, "program.json")).isEmpty();
    }

    @Test
    void aProgramThatDoesNotFitIsAnErrorThatSaysTheHeapToGiveInBothLanguages() {
        ProgramData program = GeneratedProgram.of(100, 2021);
        HeapRule rule = new HeapRule(new HeapRule(0, CACHE).needed(100) - 1, CACHE);
        List<Problem> problems = rule.check(program, "program.json");
        assertThat(problems).hasSize(1);
        Problem problem = problems.get(0);
        assertThat(problem.severity()).isEqualTo(Severity.ERROR);
        assertThat(problem.where()).isEqualTo("program.json");
        long needed = (rule.needed(100) + MIB - 1) / MIB;
        long has = (rule.needed(100) - 1) / MIB;
        long xmx = rule.xmxMiB(100);
        assertThat(problem.message(Language.EN)).isEqualTo("a program of 100 activities needs a heap of " + needed
                + " MiB to be served, and this server has " + has + " MiB: start it with -Xmx" + xmx
                + "m (JQSI_JAVA_OPTS=-Xmx" + xmx + "m), or serve a smaller program");
        assertThat(problem.message(Language.FR)).isEqualTo("un programme de 100 activités demande un tas de "
                + needed + " Mio pour être servi, et ce serveur n'en a que " + has + " Mio : démarrez-le avec -Xmx"
                + xmx + "m (JQSI_JAVA_OPTS=-Xmx" + xmx + "m), ou servez un programme plus petit");
    }
}
