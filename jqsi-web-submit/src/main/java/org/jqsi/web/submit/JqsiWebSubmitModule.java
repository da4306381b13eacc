package org.jqsi.web.submit;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.core.validation.ProgramValidator;

/**
 * Guice wiring for the submission API: binds its {@link SubmitSettings} and provides a {@link SubmissionServlet} on
 * the {@link SubmissionStore} the host binds ({@code jqsi-jdbc}'s), the {@link CurrentProgram}, validator and
 * {@link Clock} of {@link org.jqsi.core.JqsiCoreModule}.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new JqsiCoreModule(source), new JqsiWebSubmitModule(),
 *         binder -> binder.bind(SubmissionStore.class).toInstance(store));
 * context.addServlet(new ServletHolder(injector.getInstance(SubmissionServlet.class)), "/submit/*");
 * }</pre>
 */
// Guice is optional (requires static): an application that uses this module requires com.google.guice itself.
@SuppressWarnings("exports")
public final class JqsiWebSubmitModule extends AbstractModule {

    private final SubmitSettings settings;

    /** With the default settings. */
    public JqsiWebSubmitModule() {
        this(SubmitSettings.defaults());
    }

    public JqsiWebSubmitModule(SubmitSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected void configure() {
        bind(SubmitSettings.class).toInstance(settings);
    }

    @Provides
    @Singleton
    SubmissionServlet submissionServlet(SubmissionStore store, CurrentProgram program, ProgramValidator validator,
            SubmitSettings submitSettings, Clock clock) {
        return new SubmissionServlet(store, program, validator, submitSettings, clock);
    }
}
