package org.jqsi.jdbc.internal;

import java.io.IOException;
import java.util.Set;
import org.jqsi.core.testing.MessageBundleChecks;
import org.junit.jupiter.api.Test;

/**
 * jqsi-jdbc's bundle, by the checks every module's bundles pass ({@link MessageBundleChecks}): every key in French and
 * English, the base bundle the English one, every pattern a {@link java.text.MessageFormat} that puts in its arguments
 * (a single quote written {@code ''}), and every key the code names.
 */
class MessageBundlesTest {

    private static final MessageBundleChecks.Opener BESIDE = MessageBundlesTest.class::getResourceAsStream;

    @Test
    void everyKeyIsInFrenchAndEnglishAndTheBaseIsEnglish() throws IOException {
        MessageBundleChecks.sameKeysAndEnglishBase(BESIDE, "JdbcMessages");
    }

    @Test
    void everyPatternPutsInItsArguments() throws IOException {
        MessageBundleChecks.patternsPutInTheirArguments(BESIDE, "JdbcMessages", Set.of());
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        MessageBundleChecks.keysTheCodeNamesExist(BESIDE, "JdbcMessages", "JdbcMessages");
    }
}
