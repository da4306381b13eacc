package org.jqsi.ical.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OctetFoldingTest {

    private static String fold(String unfolded) throws Exception {
        StringBuilder out = new StringBuilder();
        OctetFolding.appendFolded(unfolded, out);
        return out.toString();
    }

    private static List<String> physicalLines(String folded) {
        assertThat(folded).endsWith("\r\n");
        return List.of(folded.substring(0, folded.length() - 2).split("\r\n", -1));
    }

    @Test
    void short_lines_are_left_alone() throws Exception {
        assertThat(fold("SUMMARY:Quiz\r\nEND:VEVENT\r\n")).isEqualTo("SUMMARY:Quiz\r\nEND:VEVENT\r\n");
        assertThat(fold("A:" + "x".repeat(73) + "\n")).isEqualTo("A:" + "x".repeat(73) + "\r\n");
    }

    @Test
    void a_long_ascii_line_folds_at_75_octets_and_continues_with_a_space() throws Exception {
        String line = "DESCRIPTION:" + "abcdefghij".repeat(20);
        List<String> lines = physicalLines(fold(line + "\r\n"));
        assertThat(lines.get(0)).hasSize(75);
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> {
            assertThat(l).startsWith(" ");
            assertThat(l.length()).isLessThanOrEqualTo(75);
        });
        assertThat(String.join("", lines.stream().map(l -> l.startsWith(" ") ? l.substring(1) : l).toList()))
                .isEqualTo(line);
    }

    @Test
    void accented_text_is_folded_by_octets_without_splitting_a_character() throws Exception {
        String line = "DESCRIPTION;LANGUAGE=fr:Vernissage virtuel de l'exposition « Changer le monde\\, une œuvre "
                + "à la fois » : des capsules vidéo présenteront quelques-unes des centaines d'œuvres d'art "
                + "réalisées en 2019-2020 — 😀 émojis compris.";
        String folded = fold(line + "\r\n");
        List<String> lines = physicalLines(folded);
        assertThat(lines).hasSizeGreaterThan(2);
        for (String physical : lines) {
            byte[] octets = physical.getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).as(physical).isLessThanOrEqualTo(75);
            // Re-encoding gives the same bytes only if no surrogate pair was cut.
            assertThat(new String(octets, StandardCharsets.UTF_8)).isEqualTo(physical);
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\n");
    }

    @Test
    void a_fold_lands_before_a_multi_octet_character_that_would_cross_75() throws Exception {
        // 74 ASCII octets then "é" (2 octets): 76 would cross, so "é" starts the continuation line.
        String line = "X:" + "a".repeat(72) + "éb";
        List<String> lines = physicalLines(fold(line));
        assertThat(lines).containsExactly("X:" + "a".repeat(72), " éb");
        // Four-octet characters move whole too.
        List<String> emoji = physicalLines(fold("X:" + "a".repeat(71) + "😀"));
        assertThat(emoji).containsExactly("X:" + "a".repeat(71), " 😀");
    }
}
