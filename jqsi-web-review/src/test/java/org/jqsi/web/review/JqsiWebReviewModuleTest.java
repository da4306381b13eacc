package org.jqsi.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import org.jqsi.core.JqsiCoreModule;
import org.jqsi.core.account.AccountStore;
import org.jqsi.core.model.Language;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.jdbc.Database;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.password.JqsiPasswordModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JqsiWebReviewModuleTest {

    @Test
    void providesOneServletAndOneCleanupOnTheHostsStoresAndTheCoresProgram(@TempDir Path directory) {
        try (Database database = Database.embedded(directory.resolve("data"))) {
            Injector injector = Guice.createInjector(new JqsiCoreModule(ProgramFileSource.sample()),
                    new JqsiPasswordModule(),
                    new JqsiWebReviewModule(ReviewSettings.defaults().withDefaultLanguage(Language.EN)),
                    binder -> {
                        binder.bind(AccountStore.class).toInstance(database.accounts());
                        binder.bind(SubmissionStore.class).toInstance(database.submissions());
                    });
            ReviewServlet servlet = injector.getInstance(ReviewServlet.class);
            assertThat(injector.getInstance(ReviewServlet.class)).isSameAs(servlet);
            assertThat(injector.getInstance(ReviewSettings.class).defaultLanguage()).isEqualTo(Language.EN);
            assertThat(injector.getInstance(AccountsCleanup.class).cleanUp()).isEqualTo(
                    new AccountsCleanup.Removed(0, 0));
        }
    }
}
