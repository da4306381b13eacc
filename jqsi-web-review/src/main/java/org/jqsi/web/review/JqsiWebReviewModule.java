package org.jqsi.web.review;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import org.jqsi.core.account.AccountStore;
import org.jqsi.core.account.PasswordHash;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.core.validation.ProgramValidator;

/**
 * Guice wiring for the reviewers' pages: binds its {@link ReviewSettings} and provides a {@link ReviewServlet} and an
 * {@link AccountsCleanup} on what the host binds: the {@link AccountStore} and {@link SubmissionStore}
 * ({@code jqsi-jdbc}'s), the {@link PasswordHash} ({@code jqsi-password}'s module), the {@link ProgramSource} of the
 * program file, and the {@link CurrentProgram}, validator and {@link Clock} of {@link org.jqsi.core.JqsiCoreModule}.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new JqsiCoreModule(source), new JqsiPasswordModule(),
 *         new JqsiWebReviewModule(), binder -> {
 *             binder.bind(AccountStore.class).toInstance(db.accounts());
 *             binder.bind(SubmissionStore.class).toInstance(db.submissions());
 *         });
 * context.addServlet(new ServletHolder(injector.getInstance(ReviewServlet.class)), "/review/*");
 * }</pre>
 */
// Guice is optional (requires static): an application that uses this module requires com.google.guice itself.
@SuppressWarnings("exports")
public final class JqsiWebReviewModule extends AbstractModule {

    private final ReviewSettings settings;

    /** With the default settings. */
    public JqsiWebReviewModule() {
        this(ReviewSettings.defaults());
    }

    public JqsiWebReviewModule(ReviewSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    protected void configure() {
        bind(ReviewSettings.class).toInstance(settings);
    }

    @Provides
    @Singleton
    ReviewServlet reviewServlet(AccountStore accounts, PasswordHash passwords, SubmissionStore submissions,
            CurrentProgram program, ProgramSource base, ProgramValidator validator, ReviewSettings reviewSettings,
            Clock clock) {
        return new ReviewServlet(accounts, passwords, submissions, program, base, validator, reviewSettings, clock);
    }

    @Provides
    @Singleton
    AccountsCleanup accountsCleanup(AccountStore accounts, Clock clock) {
        return new AccountsCleanup(accounts, clock);
    }
}
