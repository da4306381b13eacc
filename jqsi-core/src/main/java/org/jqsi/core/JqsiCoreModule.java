package org.jqsi.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.util.Objects;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.program.TextSearch;
import org.jqsi.core.validation.ProgramValidator;

/**
 * Guice wiring for jqsi-core: the {@link Clock}, the Jakarta {@link Validator}, the {@link ProgramValidator}, the
 * {@link ProgramSource} given here, the {@link CurrentProgram} loaded from it, and the {@link Program} it serves now.
 * Text queries use the {@link TextSearch} bound in the injector: {@link TextSearch#folding()} unless another module
 * sets one (jqsi-search's {@code JqsiSearchModule} does, through an {@code OptionalBinder}).
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new JqsiCoreModule(source));
 * Program program = injector.getInstance(Program.class);
 * }</pre>
 *
 * <p>{@link Program} is not a singleton: each injection gets the program being served at that moment, so a reload
 * shows up on the next request. Inject {@link CurrentProgram} to reload it.
 *
 * <p>jqsi does not bring Guice (an optional dependency): an application that uses this class depends on
 * {@code com.google.inject:guice} itself.
 */
// Guice is optional (requires static): an application that uses this module requires com.google.guice itself.
@SuppressWarnings("exports")
public final class JqsiCoreModule extends AbstractModule {

    private final ProgramSource source;
    private final Clock clock;

    /** With the system clock in Eastern time. */
    public JqsiCoreModule(ProgramSource source) {
        this(source, Clock.system(Region.EASTERN));
    }

    /** With a given clock, for tests and for replaying a day of the festival. */
    public JqsiCoreModule(ProgramSource source, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected void configure() {
        bind(ProgramSource.class).toInstance(source);
        bind(Clock.class).toInstance(clock);
        OptionalBinder.newOptionalBinder(binder(), TextSearch.class).setDefault().toInstance(TextSearch.folding());
    }

    @Provides
    @Singleton
    ValidatorFactory validatorFactory() {
        return ProgramValidator.defaultFactory();
    }

    @Provides
    @Singleton
    Validator validator(ValidatorFactory factory) {
        return factory.getValidator();
    }

    @Provides
    @Singleton
    ProgramValidator programValidator(ValidatorFactory factory) {
        return new ProgramValidator(factory);
    }

    /** Loads the program once; an invalid program fails the injector with every problem in the message. */
    @Provides
    @Singleton
    CurrentProgram currentProgram(ProgramSource programSource, ProgramValidator validator, TextSearch search,
            Clock programClock) throws ProgramLoadException {
        return CurrentProgram.load(programSource, validator, search, programClock);
    }

    @Provides
    Program program(CurrentProgram current) {
        return current.get();
    }
}
