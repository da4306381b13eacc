package org.jqsi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Status;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.ProgramValidator;
import org.junit.jupiter.api.Test;

class JqsiCoreModuleTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-11-10T12:00:00Z"),
            org.jqsi.core.model.Region.EASTERN);

    @Test
    void wiresTheProgramFromItsSource() {
        Injector injector = Guice.createInjector(
                new JqsiCoreModule(ProgramSource.of("sample", SampleProgram.data()), CLOCK));

        Program program = injector.getInstance(Program.class);

        assertThat(program.activities()).hasSize(7);
        assertThat(injector.getInstance(Clock.class)).isSameAs(CLOCK);
        assertThat(injector.getInstance(ProgramValidator.class)).isSameAs(injector.getInstance(ProgramValidator.class));
        assertThat(injector.getInstance(Validator.class).validate(SampleProgram.data())).isEmpty();
        assertThat(program.featuredEdition(injector.getInstance(Clock.class)).orElseThrow().id())
                .isEqualTo(SampleProgram.EDITION_2020);
    }

    @Test
    void eachInjectionGetsTheProgramServedNow() {
        AtomicReference<ProgramData> content = new AtomicReference<>(SampleProgram.data());
        ProgramSource source = new ProgramSource() {
            @Override
            public ProgramData read() {
                return content.get();
            }

            @Override
            public String describe() {
                return "changing";
            }
        };
        Injector injector = Guice.createInjector(new JqsiCoreModule(source, CLOCK));
        Program before = injector.getInstance(Program.class);

        List<Activity> activities = new ArrayList<>(SampleProgram.activities());
        activities.set(1, SampleProgram.loinDeBachar().toBuilder().status(Status.CANCELLED).build());
        content.set(new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities));
        assertThat(injector.getInstance(CurrentProgram.class).reload().applied()).isTrue();

        Program after = injector.getInstance(Program.class);
        assertThat(after.version()).isNotEqualTo(before.version());
        assertThat(after.activity(SampleProgram.LOIN_DE_BACHAR).orElseThrow().status()).isEqualTo(Status.CANCELLED);
    }

    @Test
    void anInvalidProgramFailsWithEveryProblemNamed() {
        List<Activity> activities = new ArrayList<>(SampleProgram.activities());
        activities.add(SampleProgram.dheepan().toBuilder().id("x").edition("nowhere").build());
        ProgramSource broken = ProgramSource.of("broken.json",
                new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities));

        Injector injector = Guice.createInjector(new JqsiCoreModule(broken, CLOCK));

        assertThatThrownBy(() -> injector.getInstance(Program.class))
                .isInstanceOf(ProvisionException.class)
                .hasMessageContaining("broken.json: activities[7].editionId: there is no edition with id \"nowhere\"");
    }

    @Test
    void refusesToBeBuiltWithoutASource() {
        assertThatThrownBy(() -> new JqsiCoreModule(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("source");
        assertThat(CreationException.class).isNotNull();
    }
}
