package org.jqsi.json;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.jqsi.core.program.ProgramLoadException;

/**
 * Coverage-guided fuzzing of the program-file reader: whatever the bytes, reading returns a program or throws a
 * {@link ProgramLoadException}; any other exception, a hang or running out of memory is a finding.
 *
 * <p>A normal test run replays the committed seeds in {@code src/test/resources/org/jqsi/json/ProgramReaderFuzzTestInputs/read/}
 * (and the findings Jazzer saved there). To fuzz, see {@code docs/reliability.md}:
 * {@code JAZZER_FUZZ=1 mvn -pl jqsi-core,jqsi-json -am test -Dtest=ProgramReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ProgramReaderFuzzTest {

    private static final ProgramReader READER = new ProgramReader();

    @FuzzTest(maxDuration = "5s")
    void read(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        try {
            READER.read(json, "fuzz.json");
        } catch (ProgramLoadException expected) {
            // The documented way to refuse a file. It must say why.
            if (expected.report().problems().isEmpty()) {
                throw new AssertionError("refused without a problem", expected);
            }
        }
    }
}
