package org.jqsi.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * What a logger (and those under it) logs while a test provokes it on purpose: kept for the test to check, and off
 * the console, where warnings a test asks for would be noise around the ones nobody expected.
 */
final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    private CapturedLog(String name) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
        events.start();
        logger.addAppender(events);
        logger.setAdditive(false);
    }

    /** Starts capturing what {@code name} logs. */
    static CapturedLog of(String name) {
        return new CapturedLog(name);
    }

    /** Starts capturing what {@code type}'s logger logs. */
    static CapturedLog of(Class<?> type) {
        return new CapturedLog(type.getName());
    }

    /** The events so far, in order. */
    List<ILoggingEvent> events() {
        // The appender adds under its own lock, from the server's threads.
        synchronized (events) {
            return List.copyOf(events.list);
        }
    }

    /**
     * Waits until an event that {@code wanted} accepts was logged, and returns it: what a server thread logs may come
     * a moment after what the test saw. Fails after {@code within}, which only catches an event that never comes.
     */
    ILoggingEvent await(Predicate<ILoggingEvent> wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            for (ILoggingEvent event : events()) {
                if (wanted.test(event)) {
                    return event;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not logged within " + within + "; logged: "
                        + events().stream().map(ILoggingEvent::getFormattedMessage).toList());
            }
            Thread.sleep(20);
        }
    }

    /** Gives the logger back to the console. */
    @Override
    public void close() {
        logger.setAdditive(true);
        logger.detachAppender(events);
    }
}
