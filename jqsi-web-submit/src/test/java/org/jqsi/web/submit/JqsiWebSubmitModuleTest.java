package org.jqsi.web.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import org.jqsi.core.JqsiCoreModule;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.jdbc.Database;
import org.jqsi.json.ProgramFileSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JqsiWebSubmitModuleTest {

    @Test
    void providesOneServletOnTheHostsStoreAndTheCoresProgram(@TempDir Path directory) {
        try (Database database = Database.embedded(directory.resolve("data"))) {
            Injector injector = Guice.createInjector(new JqsiCoreModule(ProgramFileSource.sample()),
                    new JqsiWebSubmitModule(SubmitSettings.builder().maxBodyBytes(8192).build()),
                    binder -> binder.bind(SubmissionStore.class).toInstance(database.submissions()));
            SubmissionServlet servlet = injector.getInstance(SubmissionServlet.class);
            assertThat(injector.getInstance(SubmissionServlet.class)).isSameAs(servlet);
            assertThat(injector.getInstance(SubmitSettings.class).maxBodyBytes()).isEqualTo(8192);
        }
    }
}
