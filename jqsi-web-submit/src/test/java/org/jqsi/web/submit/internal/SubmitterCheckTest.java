package org.jqsi.web.submit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jqsi.core.model.Language;
import org.junit.jupiter.api.Test;

class SubmitterCheckTest {

    private static final SubmitterCheck CHECK = new SubmitterCheck();

    @Test
    void aValidSubmitterHasNoProblem() {
        assertThat(CHECK.check("Comité de solidarité/Trois-Rivières", "programme@example.org")).isEmpty();
    }

    @Test
    void reportsEachFieldAtItsPathInBothLanguages() {
        List<ApiProblem> problems = CHECK.check(" ", "not an address");
        assertThat(problems).extracting(ApiProblem::path, ApiProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("submitter.email", "Email"),
                org.assertj.core.groups.Tuple.tuple("submitter.organisation", "NotBlank"));
        ApiProblem email = problems.get(0);
        assertThat(email.message().in(Language.FR)).containsIgnoringCase("adresse");
        assertThat(email.message().in(Language.EN)).containsIgnoringCase("email");
        assertThat(CHECK.check(null, null)).extracting(ApiProblem::path)
                .containsExactly("submitter.email", "submitter.organisation");
    }
}
