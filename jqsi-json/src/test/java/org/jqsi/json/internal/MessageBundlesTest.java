package org.jqsi.json.internal;

import java.io.IOException;
import java.util.Set;
import org.jqsi.core.testing.MessageBundleChecks;
import org.junit.jupiter.api.Test;

/**
 * jqsi-json's bundle, by the checks every module's bundles pass ({@link MessageBundleChecks}): every key in French and
 * English, the base bundle the English one, every pattern a {@link java.text.MessageFormat} that puts in its arguments
 * (a single quote written {@code ''}), and every key the code names.
 */
class MessageBundlesTest {

    private static final MessageBundleChecks.Opener BESIDE = MessageBundlesTest.class::getResourceAsStream;

    /** Keys whose French leaves out an argument on purpose: Jackson's own words, in English only. */
    private static final Set<String> FRENCH_LEAVES_OUT_AN_ARGUMENT = Set.of("syntax.malformed");

    @Test
    void everyKeyIsInFrenchAndEnglishAndTheBaseIsEnglish() throws IOException {
        MessageBundleChecks.sameKeysAndEnglishBase(BESIDE, "messages");
    }

    @Test
    void everyPatternPutsInItsArguments() throws IOException {
        MessageBundleChecks.patternsPutInTheirArguments(BESIDE, "messages", FRENCH_LEAVES_OUT_AN_ARGUMENT);
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        MessageBundleChecks.keysTheCodeNamesExist(BESIDE, "messages", "JsonMessages");
    }
}
