package org.jqsi.files.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.jqsi.core.model.Language;
import org.junit.jupiter.api.Test;

class FileMessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = FileMessages.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void everyMessageIsInFrenchAndInEnglish() throws IOException {
        Properties fr = bundle("FileMessages_fr.properties");
        assertThat(fr.keySet()).isNotEmpty()
                .isEqualTo(bundle("FileMessages_en.properties").keySet())
                .isEqualTo(bundle("FileMessages.properties").keySet());
        assertThat(bundle("FileMessages.properties")).isEqualTo(bundle("FileMessages_en.properties"));
    }

    @Test
    void aMessageIsPutTogetherInEachLanguageWithItsArguments() {
        var text = FileMessages.text("busy.waiting", "programme.json",
                FileMessages.text("holder.process", "4242", ".programme.json.lock"), 1.5);
        assertThat(text.in(Language.FR)).isEqualTo("programme.json est en cours d'écriture par un autre jqsi "
                + "(pid 4242, d'après .programme.json.lock) ; attente de 1,5 s au plus…");
        assertThat(text.in(Language.EN)).isEqualTo("programme.json is being written by another jqsi "
                + "(pid 4242, according to .programme.json.lock); waiting up to 1.5 s…");
    }
}
