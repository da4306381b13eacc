package org.jqsi.web.submit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.Program;
import org.jqsi.json.ProgramFileSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The form's one table of fields: the places of problems, the words of every field and choice, the page made. */
class FormFieldsTest {

    private static Program sample() throws Exception {
        ProgramData data = ProgramFileSource.sample().read();
        return Program.of(data);
    }

    @Test
    void aProblemIsPlacedAtItsFieldOrTheNearestAboveIt() {
        FormFields fields = FormFields.standard();
        assertThat(fields.at("activity.schedule.start")).map(FormField::name).hasValue("schedule.start");
        assertThat(fields.at("activity.title")).map(FormField::name).hasValue("title.fr");
        assertThat(fields.at("activity.languages[1]")).map(FormField::name).hasValue("languages");
        assertThat(fields.at("activity.place.venue.address.municipality")).map(FormField::name)
                .hasValue("venue.municipality");
        assertThat(fields.at("activity.place.online.url")).map(FormField::name).hasValue("online.url");
        assertThat(fields.at("activity.place.geo.latitude")).map(FormField::name).hasValue("place.type");
        assertThat(fields.at("activity.partners[2].role")).map(FormField::name).hasValue("partners.2.role");
        assertThat(fields.at("activity.partners[7].role")).isEmpty();
        assertThat(fields.at("activity.admission.prices[0].amount")).map(FormField::name).hasValue("price.amount");
        assertThat(fields.at("submitter.email")).map(FormField::name).hasValue("submitter.email");
        assertThat(fields.at("activity.links[0].url")).isEmpty();
        assertThat(fields.at("changes")).isEmpty();
        assertThat(fields.at("")).isEmpty();
    }

    @Test
    void rowsThatMovedArePlacedInTheirFormRow() {
        FormValues values = FormValues.parse("partners.2.partnerId=aqoci&title.fr=x");
        FormSubmission.Written written = FormSubmission.write(FormFields.standard(), values);
        assertThat(written.json()).contains("\"partners\":[{\"partnerId\":\"aqoci\"}]");
        assertThat(written.formPath("activity.partners[0].role")).isEqualTo("activity.partners[2].role");
        assertThat(written.formPath("activity.partners[0]")).isEqualTo("activity.partners[2]");
        assertThat(written.formPath("activity.title.fr")).isEqualTo("activity.title.fr");
    }

    @Test
    void everyFieldGroupHintAndChoiceHasItsWordsInBothLanguages() throws Exception {
        Program program = sample();
        for (Language language : Language.values()) {
            SubmitMessages t = SubmitMessages.in(language);
            for (FormField field : FormFields.standard().all()) {
                assertThat(t.t(field.labelKey())).isNotBlank();
                if (field.hintKey() != null) {
                    assertThat(t.t(field.hintKey())).isNotBlank();
                }
                assertThat(t.t(field.group(), 1)).isNotBlank();
                assertThat(field.options().of(program, t)).allSatisfy(o -> assertThat(o.label()).isNotBlank());
            }
        }
    }

    @Test
    void theFormShowsItsProblemsBesideTheirFieldsAndInTheSummary() throws Exception {
        Program program = sample();
        SubmitMessages t = SubmitMessages.in(Language.FR);
        FormValues values = FormValues.parse("title.en=Hello&partners.1.partnerId=cs3r");
        FormSubmission.Written written = FormSubmission.write(FormFields.standard(), values);
        List<ApiProblem> problems = List.of(
                ApiProblem.at("activity.title.fr", "json.missing", LocalizedText.of("manque", "missing")),
                ApiProblem.at("activity.partners[0].role", "json.bad-value", LocalizedText.of("rôle", "role")),
                ApiProblem.at("", "x", LocalizedText.of("tout", "all")));
        FormView view = FormPage.view(FormFields.standard(), values, problems, written, program, t,
                "http://x/submit/?lang=fr", "1.abc", 0, false);
        PageFrame frame = new PageFrame(t, "t", "?lang=en");
        Document page = Jsoup.parse(new Templates().form(new FormPageView(frame, view, "api")));
        assertThat(page.select("#problems li")).hasSize(3);
        assertThat(page.select("#problems a").eachAttr("href")).containsExactly("#f-title-fr", "#f-partners-1-role");
        assertThat(page.getElementById("f-partners-1-role").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("e-f-partners-1-role").text()).isEqualTo("rôle");
        assertThat(page.getElementById("f-title-en").val()).isEqualTo("Hello");
        // Beside a field, "missing" is said in the form's words, not the reader's.
        assertThat(page.getElementById("e-f-title-fr").text()).isEqualTo("Remplissez ce champ : il est obligatoire.");
        assertThat(page.select("#problems li").get(2).text()).isEqualTo("tout");
    }
}
