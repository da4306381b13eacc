package org.jqsi.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.ProgramValidator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What {@code jqsi serve} says on its console when the program changes, in the language it was given. */
class ProgramWatcherTest {

    /** The sample, then the sample with an activity whose edition does not exist. */
    private static final class Changing implements ChangingSource {
        private boolean broken;

        @Override
        public boolean hasChanged() {
            return true;
        }

        @Override
        public ProgramData read() {
            if (!broken) {
                return SampleProgram.data();
            }
            List<org.jqsi.core.model.Activity> activities = new ArrayList<>(SampleProgram.activities());
            activities.set(0, activities.get(0).toBuilder().edition("jqsi-1999").build());
            return new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities);
        }

        @Override
        public String describe() {
            return "programme.json";
        }
    }

    private static List<String> messagesOfAReloadIn(Language language) throws ProgramLoadException {
        Changing source = new Changing();
        CurrentProgram program = CurrentProgram.load(source, new ProgramValidator(), Clock.systemUTC());
        ProgramWatcher watcher = new ProgramWatcher(program, Duration.ofHours(1), language);
        Logger logger = (Logger) LoggerFactory.getLogger(ProgramWatcher.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        // Whatever level the tests' logging is set to.
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        try {
            watcher.checkOnce();
            source.broken = true;
            watcher.checkOnce();
        } finally {
            logger.setLevel(level);
            logger.detachAppender(appender);
        }
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aReloadAndARefusalAreSaidInTheServersLanguage() throws Exception {
        List<String> french = messagesOfAReloadIn(Language.FR);
        List<String> english = messagesOfAReloadIn(Language.EN);

        assertThat(french).satisfiesExactly(
                reloaded -> assertThat(reloaded).startsWith("Programme rechargé depuis programme.json : version "),
                refused -> assertThat(refused).startsWith("Programme de programme.json refusé, la version ")
                        .contains("aucune édition").doesNotContain("there is no"));
        assertThat(english).satisfiesExactly(
                reloaded -> assertThat(reloaded).startsWith("Program reloaded from programme.json: version "),
                refused -> assertThat(refused).startsWith("Program from programme.json refused, still serving")
                        .contains("jqsi-1999"));
    }
}
