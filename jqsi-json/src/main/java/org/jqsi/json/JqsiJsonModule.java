package org.jqsi.json;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;
import org.jqsi.core.JqsiCoreModule;
import org.jqsi.core.validation.ProgramValidator;

/**
 * Guice wiring for jqsi-json: the {@link ProgramReader} (on the injector's {@link ProgramValidator}), the
 * {@link ProgramWriter} for files, and the {@link ProgramSchema}. Combine it with the core's module, whose program
 * source is usually a {@link ProgramFileSource}:
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(
 *         new JqsiCoreModule(ProgramFileSource.file(Path.of("program.json"))), new JqsiJsonModule());
 * }</pre>
 *
 * <p>or let {@link #serving(ProgramFileSource)} bind the source and install both.
 */
// Guice is optional (requires static): an application that uses this module requires com.google.guice itself.
@SuppressWarnings("exports")
public final class JqsiJsonModule extends AbstractModule {

    /**
     * jqsi-core serving the program of a JSON file or resource, with jqsi-json: binds the {@link
     * org.jqsi.core.program.ProgramSource} to {@code source}.
     */
    public static Module serving(ProgramFileSource source) {
        return Modules.combine(new JqsiCoreModule(source), new JqsiJsonModule());
    }

    /** jqsi-core serving the sample program, with jqsi-json: for demos and tests. */
    public static Module servingSample() {
        return serving(ProgramFileSource.sample());
    }

    @Provides
    @Singleton
    ProgramReader programReader(ProgramValidator validator) {
        return new ProgramReader(validator);
    }

    /** Files are written for people: indented. Web responses use {@link ProgramWriter#forWeb()}. */
    @Provides
    @Singleton
    ProgramWriter programWriter() {
        return ProgramWriter.forFiles();
    }
}
