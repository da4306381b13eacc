package org.jqsi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Program sources for files, resources and other inputs read the file as it is each time. */
class ProgramFileSourceTest {

    @Test
    void aFileSourceReadsTheFileAsItIsNow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("program.json");
        ProgramFileSource source = ProgramFileSource.file(file);
        ProgramWriter.forFiles().write(new ProgramData(null, null, null), file);
        assertThat(source.read().activities()).isEmpty();

        ProgramWriter.forFiles().write(SampleProgram.data(), file);

        assertThat(source.read()).isEqualTo(SampleProgram.data());
        assertThat(source.describe()).isEqualTo("file " + file);
    }

    @Test
    void aMissingResourceIsALoadFailureNamingIt() {
        ProgramFileSource source = ProgramFileSource.resource(ProgramFileSourceTest.class, "/nowhere/program.json");

        ProgramLoadException e = catchThrowableOfType(ProgramLoadException.class, source::read);

        assertThat(e.report().problems()).extracting(Problem::code).containsExactly("load-failed");
        assertThat(e.report().problems().get(0).message().en()).contains("/nowhere/program.json");
        assertThat(source.describe()).isEqualTo("classpath resource /nowhere/program.json");
    }

    @Test
    void anOpenedInputIsOpenedAgainOnlyToPlaceProblems() throws Exception {
        byte[] good = ProgramWriter.forWeb().toBytes(SampleProgram.data());
        byte[] bad = new String(good, StandardCharsets.UTF_8)
                .replace("\"partnerId\":\"cs3r\"", "\"partnerId\":\"cs4r\"").getBytes(StandardCharsets.UTF_8);
        AtomicInteger opened = new AtomicInteger();

        ProgramData read = ProgramFileSource.of("good.json", () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(good);
        }).read();
        assertThat(read).isEqualTo(SampleProgram.data());
        assertThat(opened).hasValue(1);

        ProgramLoadException e = catchThrowableOfType(ProgramLoadException.class, () -> ProgramFileSource.of(
                "bad.json", () -> {
                    opened.incrementAndGet();
                    return new ByteArrayInputStream(bad);
                }).read());
        assertThat(opened).hasValue(3);
        assertThat(e.report().errors()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.code()).isEqualTo("reference.partner");
            assertThat(problem.where()).matches("bad\\.json:1:\\d+ \\(.*partnerId\\)");
        });
    }

    @Test
    void theReaderAcceptsAUtf8ByteOrderMark(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bom.json");
        byte[] json = ProgramWriter.forFiles().toBytes(SampleProgram.data());
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Files.write(file, withBom);

        assertThat(new ProgramReader().read(file)).isEqualTo(SampleProgram.data());
    }
}
