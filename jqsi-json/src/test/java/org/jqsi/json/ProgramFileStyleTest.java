package org.jqsi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProgramFileStyleTest {

    @TempDir
    Path dir;

    static Stream<ProgramFileStyle> styles() {
        return Stream.of(ProgramFileStyle.INDENTED, ProgramFileStyle.COMPACT,
                new ProgramFileStyle(true, "    ", "\n", true),
                new ProgramFileStyle(true, "\t", "\r\n", true),
                new ProgramFileStyle(true, "  ", "\n", false),
                new ProgramFileStyle(true, "", "\n", true),
                new ProgramFileStyle(false, "", "\n", true),
                new ProgramFileStyle(false, "", "\r\n", true));
    }

    /** Rewriting a file in the style found in it gives back the same bytes: only changes show in a diff. */
    @ParameterizedTest
    @MethodSource("styles")
    void aFileIsFoundInTheStyleItWasWrittenInAndRewrittenByteForByte(ProgramFileStyle style) throws Exception {
        for (ProgramData program : new ProgramData[] {SampleProgram.data(), TestPrograms.generated(400)}) {
            byte[] written = ProgramWriter.inStyle(style).toBytes(program);
            Path file = Files.write(dir.resolve("programme.json"), written);

            assertThat(ProgramFileStyle.of(file)).isEqualTo(style);
            assertThat(ProgramFileStyle.of(written)).isEqualTo(style);
            assertThat(ProgramWriter.inStyle(ProgramFileStyle.of(file)).toBytes(program)).isEqualTo(written);
        }
    }

    @Test
    void aCompactFileStaysAsSmallAsItWasAndAnIndentedOneKeepsItsIndentation() throws Exception {
        ProgramData program = TestPrograms.generated(2_000);
        byte[] compact = ProgramWriter.forWeb().toBytes(program);
        byte[] indented = ProgramWriter.forFiles().toBytes(program);
        // What the issue saw: 41 MB on one line came back as 68 MB.
        assertThat(indented.length).isGreaterThan(compact.length * 3 / 2);
        assertThat(compact.length).isGreaterThan(ProgramFileStyle.HEAD_BYTES * 4);

        Path file = Files.write(dir.resolve("compact.json"), compact);
        byte[] rewritten = ProgramWriter.inStyle(ProgramFileStyle.of(file)).toBytes(program);

        assertThat(rewritten).hasSize(compact.length);
        assertThat(new String(rewritten, StandardCharsets.UTF_8)).doesNotContain("\n");
    }

    @Test
    void aFileWrittenByHandIsRewrittenWithTheIndentationOfItsSecondLine() {
        byte[] byHand = """
                {"formatVersion": 1,
                 "editions": [{"id": "jqsi-2021", "year": 2021, "start": "2021-11-01", "end": "2021-11-30"}]}
                """.getBytes(StandardCharsets.UTF_8);
        assertThat(ProgramFileStyle.of(byHand)).isEqualTo(new ProgramFileStyle(true, " ", "\n", true));

        byte[] withBom = ("\uFEFF{\r\n\t\"formatVersion\": 1\r\n}").getBytes(StandardCharsets.UTF_8);
        assertThat(ProgramFileStyle.of(withBom)).isEqualTo(new ProgramFileStyle(true, "\t", "\r\n", false));

        byte[] oneLine = "  {\"formatVersion\":1}\n\n".getBytes(StandardCharsets.UTF_8);
        assertThat(ProgramFileStyle.of(oneLine)).isEqualTo(new ProgramFileStyle(false, "", "\n", true));
    }

    @Test
    void aNewEmptyOrStrangeFileGetsTheIndentedStyleOfNewFiles() throws Exception {
        assertThat(ProgramFileStyle.of(dir.resolve("nouveau.json"))).isEqualTo(ProgramFileStyle.INDENTED);
        assertThat(ProgramFileStyle.of(Files.createFile(dir.resolve("vide.json"))))
                .isEqualTo(ProgramFileStyle.INDENTED);
        assertThat(ProgramFileStyle.of(new byte[0])).isEqualTo(ProgramFileStyle.INDENTED);
        assertThat(ProgramFileStyle.of("[1, 2]".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(ProgramFileStyle.INDENTED);
    }

    @Test
    void aStyleIsMadeOfWhitespaceOnly() {
        assertThatThrownBy(() -> new ProgramFileStyle(true, "--", "\n", true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProgramFileStyle(false, "  ", "\n", true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProgramFileStyle(true, "  ", "\r", true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writingToAPathKeepsTheFilesPermissionsAndLink() throws Exception {
        Path real = dir.resolve("programme-2021.json");
        ProgramWriter.forFiles().write(SampleProgram.data(), real);
        Files.setPosixFilePermissions(real, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("programme.json"), real.getFileName());

        ProgramWriter.forWeb().write(SampleProgram.data(), link);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAllBytes(real)).isEqualTo(ProgramWriter.forWeb().toBytes(SampleProgram.data()));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
                .isEqualTo("rw-r-----");
    }
}
