package org.jqsi.web.submit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jqsi.core.model.Language;
import org.jqsi.core.submission.SubmissionAction;
import org.jqsi.core.submission.SubmissionState;
import org.jqsi.core.submission.Submission;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void bothLanguagesHaveTheSameKeysAndTheBaseIsEnglish() throws Exception {
        Properties fr = load("messages_fr.properties");
        Properties en = load("messages_en.properties");
        assertThat(fr.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        assertThat(load("messages.properties")).isEqualTo(en);
    }

    @Test
    void everyStateActionAndKindHasItsWords() {
        for (Language language : Language.values()) {
            SubmitMessages t = SubmitMessages.in(language);
            for (SubmissionState state : SubmissionState.values()) {
                assertThat(t.t("state." + state.code() + ".explained")).isNotBlank();
            }
            for (SubmissionAction action : SubmissionAction.values()) {
                assertThat(t.t("action." + action.code())).isNotBlank();
            }
            for (Submission.Kind kind : Submission.Kind.values()) {
                assertThat(t.t("kind." + kind.code())).isNotBlank();
            }
        }
    }

    @Test
    void everyKeyTheCodeAndTemplatesNameExists() throws Exception {
        Properties en = load("messages_en.properties");
        Set<String> named = new TreeSet<>();
        Pattern key = Pattern.compile(
                "\\b(?:text|t|message)\\((?:language, |t\\.language\\(\\), )?\"([a-z0-9.-]+[a-z0-9])\"");
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
                Files.walk(Path.of("src/main/jte")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(named).isNotEmpty();
        assertThat(en.stringPropertyNames()).containsAll(named);
    }

    @Test
    void patternsPutTheirArgumentsIn() {
        assertThat(SubmitMessages.text("request.too-large", 262144).in(Language.FR)).contains("262144");
        assertThat(SubmitMessages.text("status.note").in(Language.EN)).isEqualTo("The coordinator's note");
    }

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = SubmitMessages.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
