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

    @Test
    void aControlCharacterInTheOrganisationIsRefusedAsInAnyTextOfAProgram() {
        List<ApiProblem> problems = CHECK.check("Org\u001b]0;PWNED\u0007\u001b[2K\rFAKE", "a@b.org");

        assertThat(problems).extracting(ApiProblem::path, ApiProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("submitter.organisation", "text.control-character"));
        assertThat(problems.get(0).message().in(Language.EN))
                .isEqualTo("character 4 is U+001B, a control character, which a text cannot hold: remove it");
        assertThat(problems.get(0).message().in(Language.FR)).isEqualTo(
                "le caractère 4 est U+001B, un caractère de contrôle, qu'un texte ne peut pas contenir : retirez-le");
        assertThat(CHECK.check("Comité \u202Eabc", "a@b.org")).extracting(ApiProblem::code)
                .containsExactly("text.control-character");
        assertThat(CHECK.check("جمعية\u200E CS3R", "a@b.org")).isEmpty();
    }
}
