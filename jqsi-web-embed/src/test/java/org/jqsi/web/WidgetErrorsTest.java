package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wrong or hostile requests get a 400 page that names the parameter, in the request's language. */
class WidgetErrorsTest {

    private static WidgetServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WidgetServer.start(WidgetSettings.defaults());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            region=99                      | Paramètre « region » : région inconnue « 99 » : utilisez un code de 01 à 17 ou le nom d’une région du Québec.
            region=Atlantis                | Paramètre « region » : région inconnue « Atlantis » : utilisez un code de 01 à 17 ou le nom d’une région du Québec.
            kind=rave                      | Paramètre « kind » : type d’activité inconnu « rave ».
            mode=telepathy                 | Paramètre « mode » : mode de participation inconnu « telepathy » : utilisez in-person, online ou mixed.
            from=2020-13-01                | Paramètre « from » : date invalide « 2020-13-01 » : utilisez le format AAAA-MM-JJ.
            to=tomorrow                    | Paramètre « to » : date invalide « tomorrow » : utilisez le format AAAA-MM-JJ.
            from=2020-11-12&to=2020-11-10  | Paramètre « to » : la date de fin 2020-11-10 précède la date de début 2020-11-12.
            free=maybe                     | Paramètre « free » : valeur invalide « maybe » : utilisez true ou false.
            edition=jqsi-1999              | Paramètre « edition » : édition inconnue « jqsi-1999 ».
            partner=nobody                 | Paramètre « partner » : partenaire inconnu « nobody ».
            theme=nope                     | Paramètre « theme » : thème inconnu « nope » : les thèmes du programme sont gender-equality, migration-justice.
            language=xx                    | Paramètre « language » : langue d’activité inconnue « xx » : utilisez l’un de ces codes : en, fr.
            layout=wide                    | Paramètre « layout » : présentation inconnue « wide » : utilisez full ou compact.
            page=0                         | Paramètre « page » : page invalide « 0 ».
            page=two                       | Paramètre « page » : page invalide « two ».
            page=99999999999               | Paramètre « page » : page invalide « 99999999999 ».
            page=2                         | Paramètre « page » : la page 2 n’existe pas : il y a 1 page(s).
            lang=de                        | Paramètre « lang » : langue de l’interface inconnue « de » : utilisez fr ou en.
            """)
    void namesTheParameterAndWhy(String query, String message) throws Exception {
        HttpResponse<String> response = server.get("/widget/?" + query);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Cette demande ne peut pas être traitée");
        assertThat(page.select(".jqsi-problems li").eachText()).containsExactly(message);
    }

    @Test
    void listsEveryProblemAtOnce() throws Exception {
        Document page = Jsoup.parse(server.get("/widget/?region=99&kind=rave&from=x").body());
        assertThat(page.select(".jqsi-problems li")).hasSize(3);
    }

    @Test
    void speaksTheRequestsLanguage() throws Exception {
        HttpResponse<String> response = server.get("/widget/?region=99&lang=en");
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en-CA");
        assertThat(page.selectFirst("h1").text()).isEqualTo("This request cannot be processed");
        assertThat(page.select(".jqsi-problems li").text()).isEqualTo(
                "Parameter “region”: unknown region “99”: use a code from 01 to 17 or the name of a Quebec region.");
        HttpResponse<String> byHeader = server.get("/widget/?kind=rave", "Accept-Language", "en-CA");
        assertThat(Jsoup.parse(byHeader.body()).select(".jqsi-problems li").text())
                .isEqualTo("Parameter “kind”: unknown kind of activity “rave”.");
    }

    @Test
    void refusesMarkupInTheTextFilterWithoutEchoingIt() throws Exception {
        HttpResponse<String> response = server.get("/widget/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("<script>alert").doesNotContain("alert(1)");
        assertThat(Jsoup.parse(response.body()).select(".jqsi-problems li").text()).isEqualTo(
                "Paramètre « q » : la recherche ne peut pas contenir de balises ni de caractères de contrôle.");
    }

    @Test
    void refusesBidirectionalControlsInTheTextFilterAsControlCharacters() throws Exception {
        for (String query : List.of("%E2%80%AEabc", "abc%E2%80%AA", "%E2%81%A6abc%E2%81%A9", "abc%C2%85", "a%7Fb")) {
            HttpResponse<String> response = server.get("/widget/?q=" + query + "&edition=all");
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.body()).as(query).doesNotContain("\u202E", "\u202A", "\u2066", "\u0085", "\u007F");
            assertThat(Jsoup.parse(response.body()).select(".jqsi-problems li").text()).as(query).isEqualTo(
                    "Paramètre « q » : la recherche ne peut pas contenir de balises ni de caractères de contrôle.");
        }
        // The marks that Arabic and Hebrew searches may hold are no control.
        assertThat(server.get("/widget/?q=%E2%80%8Eabc&edition=all").statusCode()).isEqualTo(200);
    }

    @Test
    void escapesTheValuesItShowsBack() throws Exception {
        HttpResponse<String> response = server.get("/widget/?region=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("<img");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("img")).isEmpty();
        assertThat(page.select(".jqsi-problems li").text()).contains("« \"><img src=x onerror=alert(1)> »");
    }

    @Test
    void refusesOversizedValuesAndShowsOnlyTheStartOfValues() throws Exception {
        String longValue = "x".repeat(201);
        HttpResponse<String> response = server.get("/widget/?q=" + longValue);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.body()).select(".jqsi-problems li").text())
                .isEqualTo("Paramètre « q » : une valeur dépasse 200 caractères.");
        assertThat(response.body()).doesNotContain(longValue);

        HttpResponse<String> unknown = server.get("/widget/?tracking=" + longValue);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).doesNotContain("tracking");

        HttpResponse<String> region = server.get("/widget/?region=" + "y".repeat(150));
        assertThat(Jsoup.parse(region.body()).select(".jqsi-problems li").text())
                .contains("« " + "y".repeat(40) + "… »");
    }

    @Test
    void refusesTooManyParameters() throws Exception {
        String query = IntStream.range(0, 101).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));
        HttpResponse<String> response = server.get("/widget/?" + query);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.body()).select(".jqsi-problems li").text())
                .isEqualTo("la demande compte plus de 100 paramètres.");
        assertThat(server.get("/widget/?" + query.substring(0, query.lastIndexOf('&'))).statusCode())
                .isEqualTo(200);
    }

    @Test
    void unknownPathsGetANotFoundPageInTheRightLanguage() throws Exception {
        HttpResponse<String> response = server.get("/widget/nothing-here?lang=en");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(response.body()).selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(server.get("/widget/activities/no-such-activity").statusCode()).isEqualTo(404);
        assertThat(server.get("/widget/activities/Not_A_Slug").statusCode()).isEqualTo(404);
        // Jetty itself refuses encoded slashes as ambiguous, before the servlet.
        assertThat(server.get("/widget/activities/..%2F..%2Fetc").statusCode()).isIn(400, 404);
        assertThat(server.get("/widget/assets/widget.0000000000.css").statusCode()).isEqualTo(404);
    }

    @Test
    void anInlineWidgetGetsItsErrorAsAFragmentItMayRead() throws Exception {
        HttpResponse<String> response = server.get("/widget/?fragment=1&region=99",
                "Origin", "https://partner.example.org");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(response.body()).doesNotContain("<html").doesNotContain("<script");
        Document fragment = Jsoup.parseBodyFragment(response.body());
        assertThat(fragment.select(".jqsi .jqsi-problems li").text()).startsWith("Paramètre « region »");
        assertThat(fragment.selectFirst(".jqsi-back a").hasAttr("data-jqsi-nav")).isTrue();
    }

    @Test
    void errorPagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> response = server.get("/widget/?region=99");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
