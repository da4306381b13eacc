package org.jqsi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8PageTest {

    /** Random pieces (ASCII, accents, other scripts, emoji, lone surrogates), written whole or in part. */
    @Test
    void writesWhatGetBytesGives() {
        Random random = new Random(21);
        char[] pool = "aZ09 <>&\"'\n\té€œ«»—’\u00a0\u202f中文".toCharArray();
        for (int page = 0; page < 2_000; page++) {
            Utf8Page out = new Utf8Page(1 + random.nextInt(64));
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int piece = random.nextInt(30); piece > 0; piece--) {
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(50); i > 0; i--) {
                    switch (random.nextInt(10)) {
                        case 0 -> text.appendCodePoint(0x1F600 + random.nextInt(80));
                        case 1 -> text.append((char) (0xD800 + random.nextInt(0x800)));
                        case 2 -> text.append((char) random.nextInt(0x10000));
                        default -> text.append(pool[random.nextInt(pool.length)]);
                    }
                }
                String value = text.toString();
                int begin = value.isEmpty() ? 0 : random.nextInt(value.length());
                int end = begin + (value.length() == begin ? 0 : random.nextInt(value.length() - begin + 1));
                switch (random.nextInt(3)) {
                    case 0 -> {
                        out.writeContent(value);
                        expected.writeBytes(value.getBytes(StandardCharsets.UTF_8));
                    }
                    case 1 -> {
                        out.writeContent(value, begin, end);
                        expected.writeBytes(value.substring(begin, end).getBytes(StandardCharsets.UTF_8));
                    }
                    default -> {
                        byte[] binary = value.getBytes(StandardCharsets.UTF_8);
                        out.writeBinaryContent(binary);
                        expected.writeBytes(binary);
                    }
                }
            }
            assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
        }
    }
}
