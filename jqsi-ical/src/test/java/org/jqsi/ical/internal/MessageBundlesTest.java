package org.jqsi.ical.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.testing.MessageBundleChecks;
import org.junit.jupiter.api.Test;

/**
 * jqsi-ical's bundle, by the checks every module's bundles pass ({@link MessageBundleChecks}): every key in French and
 * English, the base bundle the English one, every pattern a {@link java.text.MessageFormat} that puts in its arguments
 * (a single quote written {@code ''}), and every key the code names.
 */
class MessageBundlesTest {

    private static final MessageBundleChecks.Opener BESIDE = MessageBundlesTest.class::getResourceAsStream;

    @Test
    void everyKeyIsInFrenchAndEnglishAndTheBaseIsEnglish() throws IOException {
        MessageBundleChecks.sameKeysAndEnglishBase(BESIDE, "messages");
    }

    @Test
    void everyPatternPutsInItsArguments() throws IOException {
        MessageBundleChecks.patternsPutInTheirArguments(BESIDE, "messages", Set.of());
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        MessageBundleChecks.keysTheCodeNamesExist(BESIDE, "messages", "IcalMessages");
    }

    @Test
    void everyKindHasAWordInBothLanguages() throws IOException {
        for (String language : List.of("messages_fr", "messages_en")) {
            Properties messages = MessageBundleChecks.load(BESIDE, language);
            for (ActivityKind kind : ActivityKind.values()) {
                assertThat(messages.getProperty("kind." + kind.name().toLowerCase(Locale.ROOT)))
                        .as("%s in %s", kind, language).isNotBlank();
            }
        }
    }
}
