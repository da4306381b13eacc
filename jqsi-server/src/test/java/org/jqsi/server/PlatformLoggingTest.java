package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;

/**
 * What the modules without SLF4J log through {@link System.Logger} (jqsi-jdbc's publication watch) reaches the
 * server's own log, with its level, rather than java.util.logging's console in another format.
 */
class PlatformLoggingTest {

    @Test
    void aSystemLoggerWarningReachesTheServersLog() {
        try (CapturedLog log = CapturedLog.of("org.jqsi.jdbc")) {
            System.getLogger("org.jqsi.jdbc").log(System.Logger.Level.WARNING, "la base ne répond plus");

            assertThat(log.events()).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).isEqualTo("la base ne répond plus");
            }).extracting(ILoggingEvent::getLoggerName).isEqualTo("org.jqsi.jdbc");
        }
    }
}
