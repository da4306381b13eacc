package org.jqsi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 item 6: the program format is UTF-8, and Unicode text. Jackson let through overlong forms ({@code C0 AE}
 * served as "."), lone surrogate escapes ({@code "\ud800"} served as "?") and files in UTF-16; each is refused at its
 * line and column, saying what the file looks like where that is recognisable. Item 4's refusal of anything but a
 * regular file, for {@code validate} and {@code export}, is here too.
 */
class StrictTextTest {

    /** Where "Loin de Bachar" starts in the sample program file: line 145, column 16. */
    private static final String TITLE = "\"Loin de Bachar\"";
    private static final String AT_TITLE = ":145:16";

    @TempDir
    Path dir;

    private final ProgramReader reader = new ProgramReader();

    private static String sample() throws Exception {
        try (InputStream in = ProgramFileSource.class.getResourceAsStream(ProgramFileSource.SAMPLE_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The sample with {@code bytes} put at the start of the title "Loin de Bachar". */
    private static byte[] withBytesInTitle(int... bytes) throws Exception {
        String sample = sample();
        int at = sample.indexOf(TITLE) + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(sample.substring(0, at).getBytes(StandardCharsets.UTF_8));
        for (int b : bytes) {
            out.write(b);
        }
        out.write(sample.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private Problem onlyProblemOf(byte[] content) throws Exception {
        Path file = dir.resolve("program.json");
        Files.write(file, content);
        ProgramLoadException e = catchThrowableOfType(ProgramLoadException.class, () -> reader.read(file));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.report().problems()).hasSize(1);
        // The same from a stream, read once.
        ProgramLoadException fromStream = catchThrowableOfType(ProgramLoadException.class,
                () -> reader.read(new ByteArrayInputStream(content), file.toString()));
        assertThat(fromStream.report().problems()).extracting(Problem::where)
                .containsExactly(e.report().problems().get(0).where());
        return e.report().problems().get(0);
    }

    @Test
    void theSampleStillReads() throws Exception {
        assertThat(reader.read(sample(), "program.json").activities()).isNotEmpty();
        Path file = Files.writeString(dir.resolve("program.json"), sample());
        assertThat(reader.read(file).activities()).isNotEmpty();
    }

    @Test
    void anOverlongFormIsRefused() throws Exception {
        // C0 AE: "." in two bytes, which a lax decoder reads as ".".
        Problem problem = onlyProblemOf(withBytesInTitle(0xC0, 0xAE));

        assertThat(problem.code()).isEqualTo("json.not-utf8");
        assertThat(problem.where()).endsWith("program.json" + AT_TITLE);
        assertThat(problem.message(Language.EN)).startsWith("the file is not UTF-8: save it as UTF-8")
                .contains("the bytes C0 AE here are an overlong form");
        assertThat(problem.message(Language.FR)).startsWith("le fichier n'est pas en UTF-8")
                .contains("les octets C0 AE sont une forme trop longue");
        // In three bytes, and four.
        assertThat(onlyProblemOf(withBytesInTitle(0xE0, 0x80, 0xAE)).message(Language.EN))
                .contains("the bytes E0 80 here are an overlong form");
        assertThat(onlyProblemOf(withBytesInTitle(0xF0, 0x80, 0x80, 0xAE)).message(Language.EN))
                .contains("the bytes F0 80 here are an overlong form");
    }

    @Test
    void anEncodedSurrogateIsRefused() throws Exception {
        Problem problem = onlyProblemOf(withBytesInTitle(0xED, 0xA0, 0x80));

        assertThat(problem.where()).endsWith(AT_TITLE);
        assertThat(problem.message(Language.EN)).contains("the bytes ED A0 here encode half of a UTF-16 surrogate pair");
    }

    @Test
    void aSequenceCutShortOrBeyondUnicodeIsRefused() throws Exception {
        assertThat(onlyProblemOf(withBytesInTitle(0xF4, 0x90, 0x80, 0x80)).message(Language.EN))
                .contains("the bytes F4 90 here cannot be read");
        assertThat(onlyProblemOf(withBytesInTitle(0xE2, 0x82)).where()).endsWith(AT_TITLE);
    }

    @Test
    void aFileInWindows1252IsNamed() throws Exception {
        Charset windows1252 = Charset.forName("windows-1252");
        Problem problem = onlyProblemOf(sample().getBytes(windows1252));

        // The first byte that is not UTF-8: the é of "réalités", E9 in Windows-1252, at line 17, column 83.
        assertThat(problem.where()).endsWith("program.json:17:83");
        assertThat(problem.message(Language.EN)).contains("it looks like Windows-1252")
                .contains("the byte E9 here is \"é\" in Windows-1252");
        assertThat(problem.message(Language.FR)).contains("il semble être en Windows-1252")
                .contains("l'octet E9 est « é » en Windows-1252");
        // A typographic dash, as Word puts in titles.
        Problem dashed = onlyProblemOf(withBytesInTitle(0x96, ' '));
        assertThat(dashed.where()).endsWith(AT_TITLE);
        assertThat(dashed.message(Language.EN)).contains("the byte 96 here is \"–\" in Windows-1252");
    }

    @Test
    void aFileInUtf16IsNamed() throws Exception {
        for (Charset utf16 : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                StandardCharsets.UTF_16}) {
            Problem problem = onlyProblemOf(sample().getBytes(utf16));

            assertThat(problem.code()).isEqualTo("json.not-utf8");
            assertThat(problem.where()).endsWith("program.json:1:1");
            // UTF_16 writes big-endian, with a byte order mark.
            String order = utf16 == StandardCharsets.UTF_16LE ? "UTF-16LE" : "UTF-16BE";
            assertThat(problem.message(Language.EN)).as(utf16.name()).contains("it is in UTF-16, " + order);
            assertThat(problem.message(Language.FR)).contains("il est en UTF-16, " + order);
        }
        byte[] withMark = ("\uFEFF" + sample()).getBytes(StandardCharsets.UTF_16LE);
        assertThat(onlyProblemOf(withMark).message(Language.EN)).contains("UTF-16LE");
        assertThat(onlyProblemOf(sample().getBytes(Charset.forName("UTF-32LE"))).message(Language.EN))
                .contains("it is in UTF-32, UTF-32LE");
    }

    @Test
    void aLoneSurrogateEscapeIsRefused() throws Exception {
        for (String lone : new String[] {"\\ud800", "\\uD800x", "\\udc00", "\\ud800\\n", "\\ud800\\u0041",
                "\\ud800\\ud800\\udc00"}) {
            byte[] content = sample().replace(TITLE, "\"" + lone + "Loin de Bachar\"")
                    .getBytes(StandardCharsets.UTF_8);

            Problem problem = onlyProblemOf(content);

            assertThat(problem.code()).as(lone).isEqualTo("json.syntax");
            assertThat(problem.where()).as(lone).endsWith(AT_TITLE);
            String unit = lone.substring(1, 6).toLowerCase(java.util.Locale.ROOT);
            assertThat(problem.message(Language.EN)).as(lone)
                    .startsWith("\"\\" + unit + "\" is half of a UTF-16 surrogate pair without its other half");
            assertThat(problem.message(Language.FR))
                    .startsWith("« \\" + unit + " » est une moitié de paire de substitution UTF-16 sans l'autre");
            // As text too.
            ProgramLoadException fromText = catchThrowableOfType(ProgramLoadException.class,
                    () -> reader.read(new String(content, StandardCharsets.UTF_8), "program.json"));
            assertThat(fromText.report().problems()).extracting(Problem::where)
                    .containsExactly("program.json" + AT_TITLE);
        }
    }

    @Test
    void aWholeSurrogatePairAndEscapedBackslashesRead() throws Exception {
        String pair = sample().replace(TITLE, "\"\\ud83c\\udf0d Loin de Bachar \\\\ud800\"");

        assertThat(reader.read(pair, "program.json").activities())
                .anySatisfy(a -> assertThat(a.title().fr()).isEqualTo("🌍 Loin de Bachar \\ud800"));
        Path file = Files.writeString(dir.resolve("program.json"), pair);
        assertThat(reader.read(file).activities())
                .anySatisfy(a -> assertThat(a.title().fr()).isEqualTo("🌍 Loin de Bachar \\ud800"));
    }

    @Test
    void aLoneSurrogateCharacterInTextIsRefused() {
        String lone = "\"" + '\ud800' + "Loin de Bachar\"";
        ProgramLoadException e = catchThrowableOfType(ProgramLoadException.class,
                () -> reader.read(sample().replace(TITLE, lone), "program.json"));

        assertThat(e.report().problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("program.json" + AT_TITLE);
            assertThat(p.message(Language.EN)).startsWith("the text has U+D800, half of a UTF-16 surrogate pair");
        });
    }

    /** Issue 22 item 4, for {@code validate} and {@code export}: opening a named pipe waits for a writer. */
    @Test
    void aNamedPipeOrADirectoryIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("program.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        ProgramLoadException e = assertTimeoutPreemptively(Duration.ofMinutes(2),
                () -> catchThrowableOfType(ProgramLoadException.class, () -> reader.read(fifo)));

        assertThat(e.report().problems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo(fifo.toString());
            assertThat(p.message(Language.EN)).isEqualTo("this is not a regular file but a special file (a named "
                    + "pipe, a socket or a device): a program is read from a regular file only (it was not opened)");
            assertThat(p.message(Language.FR)).startsWith("ce n'est pas un fichier ordinaire mais un fichier spécial");
        });
        ProgramLoadException directory = catchThrowableOfType(ProgramLoadException.class, () -> reader.read(dir));
        assertThat(directory.report().format(Language.EN)).contains("this is not a regular file but a directory");
    }
}
