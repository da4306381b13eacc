package org.jqsi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A hand-written or hostile program file nested 100,000 levels deep: a recursive reader would overflow its stack, a
 * tree reader would hold every level. The reader must stop at Jackson's nesting limit with one clear problem that
 * says where and what, within a bounded time and allocation, wherever in the file the nesting starts.
 */
class DeepNestingTest {

    private static final int DEPTH = 100_000;
    private static final ProgramReader READER = new ProgramReader();
    private static final Pattern WHERE = Pattern.compile("deep\\.json:1:(\\d+).*");
    /**
     * Only catches a reader that never stops: how early it stopped is shown by the column it stopped at, which does
     * not depend on the machine's speed.
     */
    private static final Duration HANG = Duration.ofMinutes(5);

    /** {@code prefix} + DEPTH openings + DEPTH closings + {@code suffix}: well-formed JSON except for its depth. */
    private static String nested(String prefix, String open, String close, String suffix) {
        return prefix + open.repeat(DEPTH) + close.repeat(DEPTH) + suffix;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "arrays as an activity     | {\"formatVersion\": 1, \"activities\": [ | [  | ]  | ]}",
            "objects as an activity    | {\"formatVersion\": 1, \"activities\": [ | {\"a\": | } | ]}",
            "objects in an activity    | {\"formatVersion\": 1, \"activities\": [{\"id\": \"x\", \"title\": | {\"fr\": | } | }]}",
            "arrays as an unknown top property | {\"formatVersion\": 1, \"deep\": | [ | ] | }",
            "objects as an edition     | {\"formatVersion\": 1, \"editions\": [ | {\"a\": | } | ]}"})
    void aHundredThousandLevelsGiveOneClearProblemQuickly(String name, String prefix, String open, String close,
            String suffix) {
        String json = nested(prefix, open, close, suffix);
        ProgramLoadException e = assertTimeoutPreemptively(HANG,
                () -> catchThrowableOfType(ProgramLoadException.class, () -> READER.read(json, "deep.json")));

        assertThat(e).as("reading %s", name).isNotNull();
        List<Problem> problems = e.report().problems();
        assertThat(problems).as("problems").isNotEmpty();
        String report = e.report().format(Language.EN);
        assertThat(report).as(report).contains("JSON nested too deeply: more than 1000 levels of arrays and objects");
        // The place: the file, then the line and column where the limit was crossed. That column also shows the
        // memory bound: the reader gave up a few thousand characters in, holding no more than the limit's depth of
        // nesting, instead of going through the 200 to 600 KB of the file.
        Problem deep = problems.stream().filter(p -> p.message(Language.EN).contains("nested too deeply"))
                .findFirst().orElseThrow();
        Matcher where = WHERE.matcher(deep.where());
        assertThat(where.matches()).as("where: %s", deep.where()).isTrue();
        assertThat(Integer.parseInt(where.group(1))).as("column where reading stopped").isLessThan(10_000);
        assertThat(report).doesNotContain("StackOverflowError").doesNotContain("\tat ").doesNotContain("Constraints");
        assertThat(e.report().format(Language.FR)).contains("plus de 1000 niveaux");
        assertThat(report.length()).as("report size").isLessThan(4_000);
    }

    /** Nesting as the whole file is refused at its first character: a program file is an object. */
    @Test
    void aDeepArrayAsTheWholeFileStopsAtItsFirstCharacter() {
        String json = nested("", "[", "]", "");

        ProgramLoadException e = assertTimeoutPreemptively(HANG,
                () -> catchThrowableOfType(ProgramLoadException.class, () -> READER.read(json, "deep.json")));

        assertThat(e.report().problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("deep.json:1:1");
            assertThat(p.message(Language.EN)).contains("expected an object");
        });
    }
}
