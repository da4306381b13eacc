package org.jqsi.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.Test;

/** The shipped sample file holds exactly the seeds' program, and is what the writer writes. */
class SampleProgramFileTest {

    @Test
    void theShippedSampleIsTheSeedsProgram() throws ProgramLoadException {
        ProgramData read = ProgramFileSource.sample().read();

        assertThat(read).isEqualTo(SampleProgram.data());
    }

    @Test
    void theShippedSampleIsWhatTheWriterWrites() throws IOException {
        String written = ProgramWriter.forFiles().toJson(SampleProgram.data());

        try (InputStream in = ProgramFileSource.class.getResourceAsStream(ProgramFileSource.SAMPLE_RESOURCE)) {
            assertThat(in).as("the sample on the classpath").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(written);
        }
    }
}
