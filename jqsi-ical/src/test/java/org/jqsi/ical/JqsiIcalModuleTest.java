package org.jqsi.ical;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.time.Duration;
import org.jqsi.core.JqsiCoreModule;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.fetch.AddressPolicy;
import org.jqsi.fetch.JqsiFetchModule;
import org.junit.jupiter.api.Test;

class JqsiIcalModuleTest {

    @Test
    void binds_the_settings_the_exporter_the_links_and_the_importer() {
        IcalSettings settings = IcalSettings.defaults().withDefaultLanguage(Language.EN)
                .withRefreshInterval(Duration.ofHours(6)).withProductId("-//Test//Test//EN");
        Injector injector = Guice.createInjector(
                new JqsiCoreModule(ProgramSource.of("sample", SampleProgram.data())), new JqsiIcalModule(settings));
        CalendarExporter exporter = injector.getInstance(CalendarExporter.class);
        assertThat(injector.getInstance(IcalSettings.class)).isEqualTo(settings);
        assertThat(exporter.settings()).isSameAs(settings);
        assertThat(injector.getInstance(CalendarExporter.class)).isSameAs(exporter);
        assertThat(injector.getInstance(WebCalendarLinks.class)).isNotNull();
        assertThat(injector.getInstance(CalendarImporter.class)).isNotNull();

        String ics = exporter.feed(injector.getInstance(Program.class), ActivityQuery.all(), FeedOptions.defaults());
        assertThat(IcsAssertions.contentLines(ics)).contains("PRODID:-//Test//Test//EN",
                "REFRESH-INTERVAL;VALUE=DURATION:PT6H", "X-PUBLISHED-TTL:PT6H",
                "SUMMARY;LANGUAGE=en:Far from Bashar");
    }

    @Test
    void the_importer_fetches_from_public_addresses_only_unless_jqsi_fetch_binds_the_operators_policy() {
        JqsiCoreModule core = new JqsiCoreModule(ProgramSource.of("sample", SampleProgram.data()));
        assertThat(Guice.createInjector(core, new JqsiIcalModule()).getInstance(AddressPolicy.class))
                .isEqualTo(AddressPolicy.PUBLIC_ONLY);
        AddressPolicy allowed = AddressPolicy.of(true, "--allow-private-addresses");
        Injector injector = Guice.createInjector(core, new JqsiIcalModule(), new JqsiFetchModule(allowed));
        assertThat(injector.getInstance(AddressPolicy.class)).isEqualTo(allowed);
        assertThat(injector.getInstance(CalendarImporter.class)).isNotNull();
    }
}
