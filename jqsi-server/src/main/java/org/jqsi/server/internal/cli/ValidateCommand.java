package org.jqsi.server.internal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramScan;
import org.jqsi.json.SourcesReader;
import org.jqsi.server.internal.ServerMessages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jqsi validate}: checks program files before they are published, and says every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks program files, and sources files (serve --sources), recognised by their content, and "
                + "prints every problem with its place. Exit status: 0 valid, 1 not valid, 2 bad usage.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LanguageOption lang = new LanguageOption();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Program or sources files to check.")
    List<Path> files;

    private final ProgramTools tools;

    ValidateCommand(ProgramTools tools) {
        this.tools = tools;
    }

    @Override
    public Integer call() {
        Language language = lang.language;
        ProgramReader reader = tools.reader();
        PrintWriter out = spec.commandLine().getOut();
        boolean allValid = true;
        for (Path file : files) {
            if (SourcesReader.isSourcesFile(file)) {
                allValid &= validSources(file);
                continue;
            }
            try {
                // Read one activity at a time, kept by none: a file of a million activities is checked in the memory
                // of a few. The reader refuses errors only; the warnings are worth showing too.
                ProgramScan scan = reader.scan(file, (index, activity, span) -> { });
                ValidationReport report = scan.report();
                out.println(valid(file, scan.activityCount(), report.warnings().size()));
                report.warnings().forEach(w -> out.println("  " + w.format(language)));
            } catch (ProgramLoadException e) {
                allValid = false;
                out.println(invalid(file, e.report().errors().size()));
                e.report().problems().forEach(p -> out.println("  " + p.format(language)));
            }
        }
        return allValid ? 0 : 1;
    }

    /** A sources file ({@code serve --sources}), recognised by its content: its own format, said the same way. */
    private boolean validSources(Path file) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            int count = new SourcesReader().read(file).size();
            out.println(ServerMessages.message(lang.language, "validate.valid-sources", file, count));
            return true;
        } catch (ProgramLoadException e) {
            out.println(ServerMessages.message(lang.language, "validate.invalid-sources", file,
                    e.report().errors().size()));
            e.report().problems().forEach(p -> out.println("  " + p.format(lang.language)));
            return false;
        }
    }

    private String valid(Path file, int activities, int warnings) {
        return ServerMessages.message(lang.language, "validate.valid", file, activities, warnings);
    }

    private String invalid(Path file, int errors) {
        return ServerMessages.message(lang.language, "validate.invalid", file, errors);
    }
}
