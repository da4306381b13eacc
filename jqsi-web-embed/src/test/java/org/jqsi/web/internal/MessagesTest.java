package org.jqsi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.AttendanceMode;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.PersonRole;
import org.jqsi.core.model.Status;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void bothLanguagesHaveTheSameKeys() throws Exception {
        assertThat(load("fr").stringPropertyNames()).isEqualTo(load("en").stringPropertyNames());
    }

    @Test
    void everyEnumValueHasALabel() {
        for (Language language : Language.values()) {
            Messages t = Messages.of(language);
            for (Enum<?> value : ActivityKind.values()) {
                assertThat(t.lookup("kind." + value.name())).isNotEqualTo("kind." + value.name());
            }
            for (Enum<?> value : Status.values()) {
                assertThat(t.lookup("status." + value.name())).isNotEqualTo("status." + value.name());
            }
            for (Enum<?> value : AttendanceMode.values()) {
                assertThat(t.lookup("mode." + value.name())).isNotEqualTo("mode." + value.name());
            }
            for (Enum<?> value : PartnerRole.values()) {
                assertThat(t.lookup("role." + value.name())).isNotEqualTo("role." + value.name());
            }
            for (Enum<?> value : PersonRole.values()) {
                assertThat(t.lookup("person." + value.name())).isNotEqualTo("person." + value.name());
            }
            for (Enum<?> value : OnlinePlatform.values()) {
                assertThat(t.lookup("platform." + value.name())).isNotEqualTo("platform." + value.name());
            }
        }
    }

    @Test
    void fillsOneAndTwoDigitArgumentsAndLeavesOtherBracesAlone() {
        // An unknown key is its own pattern.
        Object[] args = {"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10"};
        assertThat(Messages.of(Language.EN).text("{0}|{10}|{2}|{x}|{1x}|{11}|{}|{123}|{", args))
                .isEqualTo("a0|a10|a2|{x}|{1x}|{11}|{}|{123}|{");
    }

    @Test
    void readsUtf8AndFillsArguments() {
        assertThat(Messages.of(Language.FR).text("count.many", 3)).isEqualTo("3 activités");
        assertThat(Messages.of(Language.EN).text("price", "7.50")).isEqualTo("$7.50");
        assertThat(Messages.of(Language.FR).text("error.region", "{1}")).contains("« {1} »");
    }

    private static Properties load(String language) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
