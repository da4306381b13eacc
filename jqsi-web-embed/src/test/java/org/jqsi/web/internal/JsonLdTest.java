package org.jqsi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.ical.CalendarExporter;
import org.jqsi.ical.EventHistory;
import org.jqsi.ical.IcalSettings;
import org.junit.jupiter.api.Test;

class JsonLdTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE = "</script><script>alert(1)</script> \"guillemets\" & l\u2028igne\u2029 fin";

    @Test
    void nothingInItCanEndTheScriptElement() throws Exception {
        Activity film = SampleProgram.activities().stream()
                .filter(a -> a.id().equals(SampleProgram.LOIN_DE_BACHAR)).findFirst().orElseThrow();
        Activity hostile = film.toBuilder().title(LocalizedText.fr(HOSTILE)).build();
        List<Activity> activities = SampleProgram.activities().stream().map(a -> a == film ? hostile : a).toList();
        Program program = Program.of(new ProgramData(SampleProgram.editions(), SampleProgram.partners(), activities));
        Feeds feeds = new Feeds(new CalendarExporter(IcalSettings.defaults(), EventHistory.inMemory(),
                Clock.systemUTC()));
        WidgetAddresses addresses = new WidgetAddresses("https://jqsi.example.org/widget/", new Assets());

        JsonLd jsonLd = feeds.event(program, hostile, addresses, Language.FR);

        // Escaped once, by jqsi-json's generator: no escape of an escape (\u005Cu003C) anywhere.
        assertThat(jsonLd.text()).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .doesNotContain("\u2028").doesNotContain("\u2029").doesNotContain("\\\\")
                .contains("\"name\":\"\\u003C/script\\u003E\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E "
                        + "\\\"guillemets\\\" \\u0026 l\\u2028igne\\u2029 fin\"");
        assertThat(JSON.readTree(jsonLd.text()).get("name").asText()).isEqualTo(HOSTILE);
    }

    @Test
    void refusesTextThatWasNotEscapedForAScriptElement() {
        for (String json : List.of("{\"name\":\"</script>\"}", "{\"name\":\"a & b\"}", "{\"name\":\"\u2028\"}")) {
            assertThatThrownBy(() -> new JsonLd(json)).as(json).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new JsonLd("{\"name\":\"\\u003C/script\\u003E\"}").text()).isNotEmpty();
    }

    @Test
    void jsonErrorsAreEscapedToo() {
        String json = JsonError.of(400, "Bad \"request\"", java.util.List.of(
                new ErrorView.Explanation("q", "<b>\n"), new ErrorView.Explanation(null, "x")));
        assertThat(json).isEqualTo("{\"status\":400,\"error\":\"Bad \\\"request\\\"\",\"problems\":["
                + "{\"parameter\":\"q\",\"message\":\"\\u003cb\\u003e\\n\"},{\"parameter\":null,\"message\":\"x\"}]}");
    }

    @Test
    void jsonErrorsReadBackToTheirText() throws Exception {
        String json = JsonError.of(400, HOSTILE, List.of(new ErrorView.Explanation("q", HOSTILE)));

        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
        JsonNode read = JSON.readTree(json);
        assertThat(read.get("error").asText()).isEqualTo(HOSTILE);
        assertThat(read.get("problems").get(0).get("message").asText()).isEqualTo(HOSTILE);
    }
}
