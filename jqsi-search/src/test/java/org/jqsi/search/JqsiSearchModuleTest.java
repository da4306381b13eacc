package org.jqsi.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jqsi.core.JqsiCoreModule;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.program.TextSearch;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.Test;

class JqsiSearchModuleTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-11-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void theModuleGivesTheProgramItsSearch() {
        Injector injector = Guice.createInjector(
                new JqsiCoreModule(ProgramSource.of("sample", SampleProgram.data()), CLOCK), new JqsiSearchModule());
        assertThat(injector.getInstance(TextSearch.class)).isInstanceOf(WordFormSearch.class);
        Program program = injector.getInstance(Program.class);
        assertThat(program.query(ActivityQuery.builder().text("films").build()).total()).isEqualTo(3);
    }

    @Test
    void withoutItTheCoreFoldingSearchStays() {
        Injector injector = Guice.createInjector(
                new JqsiCoreModule(ProgramSource.of("sample", SampleProgram.data()), CLOCK));
        assertThat(injector.getInstance(TextSearch.class)).isSameAs(TextSearch.folding());
        Program program = injector.getInstance(Program.class);
        assertThat(program.query(ActivityQuery.builder().text("films").build()).total()).isEqualTo(1);
    }
}
