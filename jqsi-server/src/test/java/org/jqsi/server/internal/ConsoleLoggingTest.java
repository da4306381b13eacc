package org.jqsi.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ConsoleLoggingTest {

    @Test
    void logbackFindsItAsAServiceAndTheServerLogsThroughIt() {
        assertThat(ServiceLoader.load(Configurator.class)).anyMatch(ConsoleLogging.class::isInstance);
        LoggerContext used = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(used.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNotNull();
    }

    @Test
    void oneLineAnEventOnStandardErrorInUtf8WithTheLibrariesQuieter() {
        String written = logged(context -> {
            context.getLogger("org.jqsi.server.JqsiServer").info("programme chargé : Trois-Rivières");
            context.getLogger("org.eclipse.jetty.server.Server").info("jetty-12 started");
            context.getLogger("org.eclipse.jetty.server.Server").warn("port busy");
            context.getLogger("org.eclipse.jetty.server.RequestLog").info("GET /widget/ 200");
            context.getLogger("org.hibernate.validator.internal.util.Version").info("HV000001");
            context.getLogger("net.fortuna.ical4j.model.TimeZoneRegistry").debug("zones");
        });

        assertThat(written.lines()).hasSize(3);
        assertThat(written.lines().findFirst().orElseThrow()).matches(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  \\[main] "
                        + "org\\.jqsi\\.server\\.JqsiServer - programme chargé : Trois-Rivières");
        assertThat(written).containsPattern("WARN  \\[main] [a-z.]*jetty\\.server\\.Server - port busy")
                .contains("GET /widget/ 200")
                .doesNotContain("jetty-12 started", "HV000001", "zones");
    }

    @Test
    void aConfigurationFileGivenOnTheCommandLineWins() {
        String before = System.setProperty(ClassicConstants.CONFIG_FILE_PROPERTY, "custom-logback.xml");
        try {
            LoggerContext context = new LoggerContext();
            ConsoleLogging logging = new ConsoleLogging();
            logging.setContext(context);

            assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders()).isExhausted();
        } finally {
            if (before == null) {
                System.clearProperty(ClassicConstants.CONFIG_FILE_PROPERTY);
            } else {
                System.setProperty(ClassicConstants.CONFIG_FILE_PROPERTY, before);
            }
        }
    }

    /** What a fresh context configured by {@link ConsoleLogging} writes to standard error while {@code logging}. */
    private static String logged(Consumer<LoggerContext> logging) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        // What logback's own service provider gives the context it makes.
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.start();
        try {
            ConsoleLogging configurator = new ConsoleLogging();
            configurator.setContext(context);
            assertThat(configurator.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
            logging.accept(context);
        } finally {
            context.stop();
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
