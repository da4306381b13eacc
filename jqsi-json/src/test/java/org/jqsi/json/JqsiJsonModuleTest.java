package org.jqsi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jqsi.core.JqsiCoreModule;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.program.ReloadResult;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample program and program files load through Guice. */
class JqsiJsonModuleTest {

    @Test
    void theSampleProgramLoadsThroughGuice() {
        Injector injector = Guice.createInjector(JqsiJsonModule.servingSample());

        Program program = injector.getInstance(Program.class);

        assertThat(program.data()).isEqualTo(SampleProgram.data());
        assertThat(injector.getInstance(ProgramSource.class).describe())
                .isEqualTo("classpath resource " + ProgramFileSource.SAMPLE_RESOURCE);
    }

    @Test
    void theModuleCombinesWithTheCoreModuleAndGivesTheReaderAndWriter() throws Exception {
        Injector injector = Guice.createInjector(new JqsiCoreModule(ProgramFileSource.sample()), new JqsiJsonModule());

        ProgramReader reader = injector.getInstance(ProgramReader.class);
        ProgramWriter writer = injector.getInstance(ProgramWriter.class);

        assertThat(reader).isSameAs(injector.getInstance(ProgramReader.class));
        assertThat(reader.read(writer.toJson(SampleProgram.data()), "written.json")).isEqualTo(SampleProgram.data());
        assertThat(injector.getInstance(Program.class).activities()).hasSize(SampleProgram.activities().size());
    }

    @Test
    void aProgramFileIsReloadedAndABrokenOneKeepsThePreviousProgram(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("program.json");
        ProgramWriter.forFiles().write(SampleProgram.data(), file);
        Injector injector = Guice.createInjector(JqsiJsonModule.serving(ProgramFileSource.file(file)));
        CurrentProgram current = injector.getInstance(CurrentProgram.class);
        String before = current.get().version();

        Files.writeString(file, Files.readString(file).replace("\"kind\": \"panel\"", "\"kind\": \"table-ronde\""));
        ReloadResult broken = current.reload();

        assertThat(broken.applied()).isFalse();
        assertThat(broken.report().errors()).singleElement()
                .satisfies(p -> assertThat(p.where()).startsWith(file + ":").endsWith("(activities[3].kind)"));
        assertThat(current.get().version()).isEqualTo(before);
    }

    @Test
    void aBrokenProgramFileFailsTheInjectorWithItsProblems(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("program.json");
        Files.writeString(file, "{\"formatVersion\": 1, \"activities\": [{\"id\": 3}]}");
        Injector injector = Guice.createInjector(JqsiJsonModule.serving(ProgramFileSource.file(file)));

        assertThatThrownBy(() -> injector.getInstance(Program.class))
                .isInstanceOf(ProvisionException.class)
                .hasMessageContaining(file + ":1:38 (activities[0].id)");
    }
}
