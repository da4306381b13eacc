package org.jqsi.ical;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import java.util.Objects;
import org.jqsi.fetch.AddressPolicy;

/**
 * Guice wiring for jqsi-ical: the {@link IcalSettings} given here (product id, default language, refresh interval,
 * calendar name, ...) and {@link EventHistory} (in memory unless given), and the {@link CalendarExporter},
 * {@link WebCalendarLinks} and {@link CalendarImporter} built on them, one of each. The exporter and the importer take
 * the {@link Clock} that {@code JqsiCoreModule} binds; the importer fetches feeds from public addresses only, unless
 * {@link org.jqsi.fetch.JqsiFetchModule} binds another {@link AddressPolicy}.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new JqsiCoreModule(source), new JqsiIcalModule(
 *         IcalSettings.defaults().withSource(URI.create("https://example.org/jqsi.ics"))));
 * CalendarExporter exporter = injector.getInstance(CalendarExporter.class);
 * }</pre>
 */
// Guice is optional (requires static): an application that uses this module requires com.google.guice itself.
@SuppressWarnings("exports")
public final class JqsiIcalModule extends AbstractModule {

    private final IcalSettings settings;
    private final EventHistory history;

    /** With {@link IcalSettings#defaults()}. */
    public JqsiIcalModule() {
        this(IcalSettings.defaults());
    }

    /** With these settings, and the published events' versions remembered in memory. */
    public JqsiIcalModule(IcalSettings settings) {
        this(settings, EventHistory.inMemory());
    }

    /**
     * With these settings, and the published events' versions remembered in a history: {@link EventHistory#inFile}
     * beside the program file to keep them across restarts.
     */
    public JqsiIcalModule(IcalSettings settings, EventHistory history) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.history = Objects.requireNonNull(history, "history");
    }

    @Override
    protected void configure() {
        bind(IcalSettings.class).toInstance(settings);
        bind(EventHistory.class).toInstance(history);
        // The importer fetches feeds from public addresses only, unless JqsiFetchModule binds the operator's policy.
        OptionalBinder.newOptionalBinder(binder(), AddressPolicy.class).setDefault()
                .toInstance(AddressPolicy.PUBLIC_ONLY);
    }

    /** One exporter: it holds the rendered events of the program version being served, and their history. */
    @Provides
    @Singleton
    CalendarExporter calendarExporter(IcalSettings icalSettings, EventHistory eventHistory, Clock clock) {
        return new CalendarExporter(icalSettings, eventHistory, clock);
    }

    @Provides
    @Singleton
    WebCalendarLinks calendarLinks(IcalSettings icalSettings) {
        return new WebCalendarLinks(icalSettings);
    }

    @Provides
    @Singleton
    CalendarImporter calendarImporter(IcalSettings icalSettings, Clock clock, AddressPolicy addresses) {
        return new CalendarImporter(icalSettings, clock, addresses);
    }
}
