package org.jqsi.server.internal;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The server's logging, set up in code: one line an event on standard error, in UTF-8 (the access log included);
 * Jetty, Hibernate Validator and iCal4j at {@code WARN}. Logback finds it as a service before its own configurators.
 *
 * <p>Why not a {@code logback.xml}: reading and interpreting one took about 140 ms of CPU at startup, on the thread
 * that sets up the program's validator, which the first response waits for. A file given with
 * {@code -Dlogback.configurationFile} still wins: this then steps aside for logback's own configurators.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    /** Time with its offset, level, thread, logger, message. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{30} - %msg%n";

    /** Libraries that say too much at INFO; Jetty's access log is what an operator wants to see. */
    static final Map<String, Level> LEVELS = Map.of(
            "org.eclipse.jetty", Level.WARN,
            "org.eclipse.jetty.server.RequestLog", Level.INFO,
            "org.hibernate.validator", Level.WARN,
            "net.fortuna.ical4j", Level.WARN,
            // The pool and the migrations say every step of every start; jqsi says where the data is once.
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN);

    /** Made by logback's service loader. */
    public ConsoleLogging() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        // Names and titles in French: not the platform's charset, which Java 17 may take as ASCII.
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
