package org.jqsi.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.charset.StandardCharsets;
import org.jqsi.core.JqsiCoreModule;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.Test;

/** Guice wires the importer on the core's validator and clock, and the template. */
class JqsiSheetsModuleTest {

    @Test
    void theImporterAndTheTemplateComeFromTheInjector() {
        Injector injector = Guice.createInjector(new JqsiCoreModule(ProgramSource.of("sample", SampleProgram.data()),
                Sheets.CLOCK), new JqsiSheetsModule());

        SheetImporter importer = injector.getInstance(SheetImporter.class);
        SheetImport result = importer.importSheet("Titre,Début,Fin\nQuiz,2021-11-09 19:00,21:00\n"
                .getBytes(StandardCharsets.UTF_8), "quiz.csv", Sheets.into2021("cs3r", null), SampleProgram.data());

        assertThat(result.accepted()).isTrue();
        assertThat(result.added()).singleElement().satisfies(a -> assertThat(a.lastModified())
                .isEqualTo(Sheets.CLOCK.instant()));
        assertThat(injector.getInstance(SheetImporter.class)).isSameAs(importer);
        assertThat(injector.getInstance(SheetTemplate.class)).isNotNull();
    }
}
