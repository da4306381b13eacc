package org.jqsi.sheets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The bundles say the same things in French and English, and say them whole. */
class SheetMessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = SheetMessagesTest.class.getResourceAsStream("SheetMessages" + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyMessageExistsInFrenchAndEnglish() throws IOException {
        Properties fr = bundle("_fr");
        Properties en = bundle("_en");

        assertThat(fr.keySet()).isEqualTo(en.keySet()).isEqualTo(bundle("").keySet());
        for (Column column : Column.values()) {
            assertThat(fr).containsKey("hint." + column.name());
        }
    }

    @Test
    void noApostropheIsEatenByMessageFormat() throws IOException {
        for (String suffix : new String[] {"_fr", "_en", ""}) {
            bundle(suffix).forEach((key, value) -> assertThat(value.toString().replace("''", ""))
                    .as(suffix + " " + key).doesNotContain("'"));
        }
        assertThat(SheetMessages.format(org.jqsi.core.model.Language.FR, "cell.kind", "jeu", "a, b", "c, d"))
                .isEqualTo("« jeu » n'est pas un type d'activité : a, b");
    }
}
