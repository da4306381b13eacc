package org.jqsi.ical.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QueryValuesTest {

    @Test
    void encodesAsUrlEncoderWithSpacesAsPercentTwenty() {
        assertThat(encoded("Loin de Bachar")).isEqualTo("Loin%20de%20Bachar");
        assertThat(encoded("œuvre à 7,50 $ + « ça » — 😀")).isEqualTo(reference("œuvre à 7,50 $ + « ça » — 😀"));
        assertThat(encoded("a+b")).isEqualTo("a%2Bb");
    }

    /** Random texts of ASCII, accents, other scripts, emoji and lone surrogates, compared with URLEncoder's. */
    @Test
    void agreesWithUrlEncoderOnRandomTexts() {
        Random random = new Random(23);
        char[] pool = "aZ09 .-*_+&=?/#%'\"<>\n\té€œ«»—’\u00a0\u202f中文".toCharArray();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                switch (random.nextInt(10)) {
                    case 0 -> text.appendCodePoint(0x1F600 + random.nextInt(80));
                    case 1 -> text.append((char) (0xD800 + random.nextInt(0x800)));
                    case 2 -> text.append((char) random.nextInt(0x10000));
                    default -> text.append(pool[random.nextInt(pool.length)]);
                }
            }
            String value = text.toString();
            assertThat(encoded(value)).as(value).isEqualTo(reference(value));
        }
    }

    private static String encoded(String value) {
        StringBuilder out = new StringBuilder();
        QueryValues.append(out, value);
        return out.toString();
    }

    private static String reference(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
