package org.jqsi.ical;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.util.Objects;

/**
 * Guice wiring for jqsi-ical: the {@link IcalSettings} given here (product id, default language, refresh interval,
 * calendar name, ...), and the {@link CalendarExporter}, {@link CalendarLinks} and {@link CalendarImporter} built on
 * them, one of each. The importer takes the {@link Clock} that {@code JqsiCoreModule} binds.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new JqsiCoreModule(source), new JqsiIcalModule(
 *         IcalSettings.defaults().withSource(URI.create("https://example.org/jqsi.ics"))));
 * CalendarExporter exporter = injector.getInstance(CalendarExporter.class);
 * }</pre>
 */
public final class JqsiIcalModule extends AbstractModule {

    private final IcalSettings settings;

    /** With {@link IcalSettings#defaults()}. */
    public JqsiIcalModule() {
        this(IcalSettings.defaults());
    }

    public JqsiIcalModule(IcalSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected void configure() {
        bind(IcalSettings.class).toInstance(settings);
    }

    /** One exporter: it holds the rendered events of the program version being served. */
    @Provides
    @Singleton
    CalendarExporter calendarExporter(IcalSettings icalSettings) {
        return new CalendarExporter(icalSettings);
    }

    @Provides
    @Singleton
    CalendarLinks calendarLinks(IcalSettings icalSettings) {
        return new CalendarLinks(icalSettings);
    }

    @Provides
    @Singleton
    CalendarImporter calendarImporter(IcalSettings icalSettings, Clock clock) {
        return new CalendarImporter(icalSettings, clock);
    }
}
