package org.jqsi.web.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionAction;
import org.jqsi.core.testing.MessageBundleChecks;
import org.junit.jupiter.api.Test;

/**
 * The pages' bundle, by the checks every module's bundles pass ({@link MessageBundleChecks}), and every key that the
 * templates and the code name ({@code t.t("…")}, and keys passed on to it) or make from a kind or an action. (The
 * code reads the bundle through {@code t.t}, which {@code MessageBundleChecks.keysTheCodeNamesExist} does not look
 * for: the last test here does.)
 */
class MessageBundlesTest {

    private static final MessageBundleChecks.Opener BESIDE = ReviewMessages.class::getResourceAsStream;

    @Test
    void everyKeyIsInFrenchAndEnglishAndTheBaseIsEnglish() throws IOException {
        MessageBundleChecks.sameKeysAndEnglishBase(BESIDE, "messages");
    }

    @Test
    void everyPatternPutsInItsArguments() throws IOException {
        MessageBundleChecks.patternsPutInTheirArguments(BESIDE, "messages", Set.of());
    }

    @Test
    void everyKeyTheTemplatesAndRoutesNameExists() throws IOException {
        Properties fr = MessageBundleChecks.load(BESIDE, "messages_fr");
        Set<String> named = new TreeSet<>();
        Pattern key = Pattern.compile("\\bt\\(\"([a-z][a-z0-9.-]*[a-z0-9])\"");
        Pattern argument = Pattern.compile("\"((?:problem|login|list|submission|act)\\.[a-z0-9.-]*[a-z0-9])\"");
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
                Files.walk(Path.of("src/main/jte")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                for (Pattern p : new Pattern[] {key, argument}) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        if (!m.group(1).endsWith(".jte")) {
                            named.add(m.group(1));
                        }
                    }
                }
            }
        }
        for (Submission.Kind kind : Submission.Kind.values()) {
            named.add("kind." + kind.code());
        }
        for (SubmissionAction action : SubmissionAction.values()) {
            if (action.byReviewer()) {
                named.add("action." + action.code());
                named.add("done." + action.code());
                if (action.needsNote()) {
                    named.add("act.note-required." + action.code());
                }
            }
        }
        named.add("submission.preview.fr");
        named.add("submission.preview.en");
        assertThat(named).hasSizeGreaterThan(50);
        assertThat(fr.stringPropertyNames()).containsAll(named);
    }
}
