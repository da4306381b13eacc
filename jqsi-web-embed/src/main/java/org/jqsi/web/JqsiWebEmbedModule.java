package org.jqsi.web;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.ical.CalendarExporter;
import org.jqsi.ical.WebCalendarLinks;

/**
 * Guice wiring for the widget: binds its {@link WidgetSettings} and provides a {@link JqsiWidgetServlet} serving
 * the {@link CurrentProgram} of {@link org.jqsi.core.JqsiCoreModule} on its {@link Clock}, with the calendar
 * adapters of {@link org.jqsi.ical.JqsiIcalModule}, which the host installs too.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new JqsiCoreModule(source), new JqsiIcalModule(),
 *         new JqsiWebEmbedModule(WidgetSettings.builder().frameAncestors(List.of("*")).build()));
 * context.addServlet(new ServletHolder(injector.getInstance(JqsiWidgetServlet.class)), "/widget/*");
 * }</pre>
 */
// Guice is optional (requires static): an application that uses this module requires com.google.guice itself.
@SuppressWarnings("exports")
public final class JqsiWebEmbedModule extends AbstractModule {

    private final WidgetSettings settings;

    /** With the default settings. */
    public JqsiWebEmbedModule() {
        this(WidgetSettings.defaults());
    }

    public JqsiWebEmbedModule(WidgetSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected void configure() {
        bind(WidgetSettings.class).toInstance(settings);
    }

    @Provides
    @Singleton
    JqsiWidgetServlet widgetServlet(CurrentProgram program, WidgetSettings widgetSettings, Clock clock,
            CalendarExporter calendars, WebCalendarLinks calendarLinks) {
        return new JqsiWidgetServlet(program, widgetSettings, clock, calendars, calendarLinks);
    }
}
