package org.jqsi.server.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The tests' logging: the server's own {@link ConsoleLogging}, with everything at {@code WARN}, the access log
 * included. Thousands of test requests would otherwise print a line each and bury a failure's cause; a test that
 * asserts on a log attaches its own appender and sets the level it needs. Found as a service ahead of
 * {@link ConsoleLogging} (a higher rank), on the tests' class path only.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class QuietTestLogging extends ContextAwareBase implements Configurator {

    /** Made by logback's service loader. */
    public QuietTestLogging() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ConsoleLogging server = new ConsoleLogging();
        server.setContext(context);
        ExecutionStatus status = server.configure(context);
        if (status == ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            ConsoleLogging.LEVELS.keySet().forEach(name -> context.getLogger(name).setLevel(Level.WARN));
        }
        return status;
    }
}
