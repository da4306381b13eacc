package org.jqsi.server.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the command line prints of users' text: controls as escapes, the layout of several lines kept where asked. */
class TerminalTextTest {

    @Test
    void aFieldShowsEveryControlAsAnEscapeOnOneLine() {
        assertThat(TerminalText.field("Org\u001b]0;PWNED\u0007\u001b[2K\rFAKE"))
                .isEqualTo("Org\\u001B]0;PWNED\\u0007\\u001B[2K\\rFAKE");
        assertThat(TerminalText.field("a\nb\tc\r\nd")).isEqualTo("a\\nb\\tc\\r\\nd");
        assertThat(TerminalText.field("\u0000\u007f\u0080\u009f\u202a\u202e\u2066\u2069"))
                .isEqualTo("\\u0000\\u007F\\u0080\\u009F\\u202A\\u202E\\u2066\\u2069");
    }

    @Test
    void plainTextIsLeftAsItIs() {
        String plain = "Comité de solidarité/Trois-Rivières 🎬 \u200Eمساء\u200F";

        assertThat(TerminalText.field(plain)).isSameAs(plain);
        assertThat(TerminalText.lines(plain)).isSameAs(plain);
    }

    @Test
    void linesKeepLineFeedsTabsAndWindowsLineEndsButNotABareReturn() {
        assertThat(TerminalText.lines("un\ndeux\r\n\ttrois\rquatre\u001b[2K"))
                .isEqualTo("un\ndeux\r\n\ttrois\\rquatre\\u001B[2K");
    }

    @Test
    void theCommandLinesOutputEscapesWhateverIsPrinted() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintWriter out = TerminalWriter.printing(bytes);

        out.println("titre\u001b[8m caché");
        out.print('\u0007');
        out.printf("%s%n", "\u202Eexe.txt");

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("titre\\u001B[8m caché" + System.lineSeparator() + "\\u0007\\u202Eexe.txt"
                        + System.lineSeparator());
    }
}
