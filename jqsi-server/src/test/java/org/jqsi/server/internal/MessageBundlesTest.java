package org.jqsi.server.internal;

import java.io.IOException;
import java.util.Set;
import org.jqsi.core.testing.MessageBundleChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * jqsi-server's bundles, by the checks every module's bundles pass ({@link MessageBundleChecks}): every key in French
 * and English, the base bundle the English one, every pattern a {@link java.text.MessageFormat} that puts in its
 * arguments (a single quote written {@code ''}), and every key the code names.
 */
class MessageBundlesTest {

    private static final MessageBundleChecks.Opener BESIDE = MessageBundlesTest.class::getResourceAsStream;

    /** The server's bundle, and import-sheet's beside its command. */
    @ParameterizedTest
    @ValueSource(strings = {"messages", "cli/ImportSheetMessages"})
    void everyKeyIsInFrenchAndEnglishAndTheBaseIsEnglish(String bundle) throws IOException {
        MessageBundleChecks.sameKeysAndEnglishBase(BESIDE, bundle);
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages", "cli/ImportSheetMessages"})
    void everyPatternPutsInItsArguments(String bundle) throws IOException {
        MessageBundleChecks.patternsPutInTheirArguments(BESIDE, bundle, Set.of());
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        MessageBundleChecks.keysTheCodeNamesExist(BESIDE, "messages", "ServerMessages");
    }
}
