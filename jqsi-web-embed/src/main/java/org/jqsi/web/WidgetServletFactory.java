package org.jqsi.web;

import java.time.Clock;
import java.util.function.Supplier;
import org.jqsi.core.program.Program;
import org.jqsi.ical.EventHistory;

/**
 * Builds the widget servlet for hosts that do not use Guice. With Guice, install {@link JqsiWebEmbedModule}.
 *
 * <pre>{@code
 * CurrentProgram program = CurrentProgram.load(source, new ProgramValidator(), Clock.systemUTC());
 * JqsiWidgetServlet servlet = WidgetServletFactory.create(program, WidgetSettings.builder()
 *         .baseUrl(URI.create("https://jqsi.example.org/widget/"))
 *         .frameAncestors(List.of("'self'", "https://partner.example.org"))
 *         .build());
 * servletContext.addServlet("jqsi-widget", servlet).addMapping("/widget/*");
 * }</pre>
 */
public final class WidgetServletFactory {

    private WidgetServletFactory() {
    }

    /** A servlet serving the program with the given settings, on the system clock in Eastern time. */
    public static JqsiWidgetServlet create(Supplier<Program> program, WidgetSettings settings) {
        return new JqsiWidgetServlet(program, settings);
    }

    /** A servlet serving the program with the given settings and clock. */
    public static JqsiWidgetServlet create(Supplier<Program> program, WidgetSettings settings, Clock clock) {
        return new JqsiWidgetServlet(program, settings, clock);
    }

    /**
     * A servlet serving the program with the given settings and clock, remembering the published events' versions
     * in a history ({@link EventHistory#inFile} beside a program file keeps them across restarts).
     */
    public static JqsiWidgetServlet create(Supplier<Program> program, WidgetSettings settings, Clock clock,
            EventHistory history) {
        return new JqsiWidgetServlet(program, settings, clock, history);
    }
}
