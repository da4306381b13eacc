package org.jqsi.sheets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ProgramValidator;

/** What the sheet tests share: one validator (it takes a while to set up), a fixed clock, the sample's editions. */
final class Sheets {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2021-10-20T12:00:00Z"), ZoneOffset.UTC);
    static final ProgramValidator VALIDATOR = new ProgramValidator();
    static final SheetImporter IMPORTER = new SheetImporter(VALIDATOR, CLOCK);

    private Sheets() {
    }

    static Edition edition(String id) {
        return SampleProgram.editions().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    static SheetTarget into2021(String partnerId, Region region) {
        return SheetTarget.of(edition(SampleProgram.EDITION_2021), partnerId, region);
    }

    static SheetImport importCsv(String text, SheetTarget target, ProgramData program) {
        return IMPORTER.importSheet(text.getBytes(StandardCharsets.UTF_8), "sheet.csv", target, program);
    }

    static SheetImport importCsv(String text) {
        return importCsv(text, into2021("cs3r", Region.MAURICIE), SampleProgram.data());
    }

    static byte[] resource(String name) {
        try (InputStream in = Sheets.class.getResourceAsStream("/sheets/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each problem as a person reads it, in a language. */
    static java.util.List<String> lines(SheetImport result, Language language) {
        return result.problems().stream().map(p -> p.format(language)).toList();
    }

    static java.util.List<String> codes(SheetImport result) {
        return result.problems().stream().map(Problem::code).toList();
    }
}
