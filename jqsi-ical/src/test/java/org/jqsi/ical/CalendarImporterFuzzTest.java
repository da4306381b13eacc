package org.jqsi.ical;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jqsi.core.model.Region;
import org.jqsi.core.sample.SampleProgram;

/**
 * Coverage-guided fuzzing of the partner-feed importer: whatever the text, importing returns a result (with
 * problems for bad events) or throws an {@link IOException} ({@link FeedFormatException} for a broken feed); any
 * other exception, a hang or running out of memory is a finding.
 *
 * <p>A normal test run replays the seeds in {@code src/test/resources/org/jqsi/ical/CalendarImporterFuzzTestInputs/importFeed/};
 * the "fuzz" surefire execution fuzzes for a few seconds. Longer runs: {@code docs/reliability.md}.
 */
class CalendarImporterFuzzTest {

    private static final CalendarImporter IMPORTER = new CalendarImporter(IcalSettings.defaults(),
            Clock.fixed(Instant.parse("2021-11-01T12:00:00Z"), ZoneOffset.UTC));
    private static final FeedTarget TARGET = FeedTarget.of(SampleProgram.editions().get(1), "cs3r", Region.MAURICIE);

    @FuzzTest(maxDuration = "5s")
    void importFeed(byte[] input) {
        String feed = new String(input, StandardCharsets.UTF_8);
        try {
            ImportResult result = IMPORTER.importFeed(new StringReader(feed), TARGET, List.of());
            if (result.activities() == null || result.problems() == null) {
                throw new AssertionError("an import result without its lists");
            }
        } catch (IOException expected) {
            // FeedFormatException (a broken feed) or a feed over the size limit: documented.
        }
    }
}
