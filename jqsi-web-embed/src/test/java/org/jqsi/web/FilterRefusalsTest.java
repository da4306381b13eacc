package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A theme or an activity language the program does not have, and a date that is not {@code YYYY-MM-DD}, are refused
 * by the list and by every feed alike, as an unknown partner is: a partner's typo must not give an empty widget.
 */
class FilterRefusalsTest {

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
            theme=nope        | theme    | thème inconnu « nope » : les thèmes du programme sont gender-equality, migration-justice.                                | unknown theme “nope”: the program’s themes are gender-equality, migration-justice.
            theme=Not+A+Slug  | theme    | thème inconnu « Not A Slug » : les thèmes du programme sont gender-equality, migration-justice.                          | unknown theme “Not A Slug”: the program’s themes are gender-equality, migration-justice.
            language=xx       | language | langue d’activité inconnue « xx » : utilisez l’un de ces codes : en, fr.                                                 | unknown activity language “xx”: use one of these codes: en, fr.
            language=de       | language | langue d’activité inconnue « de » : utilisez l’un de ces codes : en, fr.                                                 | unknown activity language “de”: use one of these codes: en, fr.
            language=123      | language | langue d’activité inconnue « 123 » : utilisez l’un de ces codes : en, fr.                                                | unknown activity language “123”: use one of these codes: en, fr.
            """)
    void theListRefusesWhatTheProgramDoesNotHaveInBothLanguages(String query, String parameter, String french,
            String english) throws Exception {
        assertThat(pageProblem("/widget/?" + query)).isEqualTo("Paramètre « " + parameter + " » : " + french);
        assertThat(pageProblem("/widget/?lang=en&" + query))
                .isEqualTo("Parameter “" + parameter + "”: " + english);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            feed.ics     | theme=nope   | theme    | thème inconnu « nope » : les thèmes du programme sont gender-equality, migration-justice.  | unknown theme “nope”: the program’s themes are gender-equality, migration-justice.
            feed.json    | theme=nope   | theme    | thème inconnu « nope » : les thèmes du programme sont gender-equality, migration-justice.  | unknown theme “nope”: the program’s themes are gender-equality, migration-justice.
            feed.jsonld  | theme=nope   | theme    | thème inconnu « nope » : les thèmes du programme sont gender-equality, migration-justice.  | unknown theme “nope”: the program’s themes are gender-equality, migration-justice.
            feed.ics     | language=xx  | language | langue d’activité inconnue « xx » : utilisez l’un de ces codes : en, fr.                   | unknown activity language “xx”: use one of these codes: en, fr.
            feed.json    | language=xx  | language | langue d’activité inconnue « xx » : utilisez l’un de ces codes : en, fr.                   | unknown activity language “xx”: use one of these codes: en, fr.
            feed.jsonld  | language=xx  | language | langue d’activité inconnue « xx » : utilisez l’un de ces codes : en, fr.                   | unknown activity language “xx”: use one of these codes: en, fr.
            """)
    void everyFeedRefusesThemInBothLanguages(String feed, String query, String parameter, String french,
            String english) throws Exception {
        assertThat(feedProblems("/widget/" + feed + "?" + query)).isEqualTo(
                "[{\"parameter\":\"" + parameter + "\",\"message\":\"" + french + "\"}]");
        assertThat(feedProblems("/widget/" + feed + "?lang=en&" + query)).isEqualTo(
                "[{\"parameter\":\"" + parameter + "\",\"message\":\"" + english + "\"}]");
    }

    // A sign is %2B: a bare + in a query is a space, which the widget strips from every value.
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"from=-999999999-01-01", "from=99999-01-01", "from=%2B2020-01-01", "to=%2B2020-12-31",
            "to=-0001-12-31", "from=2020-1-01", "from=2020-11-1", "from=20201101", "from=2020-11-01T00:00",
            "to=2020-02-30", "from=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%90-11-01"})
    void everyDateThatIsNotYyyyMmDdIsRefusedAlike(String query) throws Exception {
        String parameter = query.substring(0, query.indexOf('='));
        String value = java.net.URLDecoder.decode(query.substring(query.indexOf('=') + 1),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(pageProblem("/widget/?" + query)).isEqualTo("Paramètre « " + parameter + " » : date invalide « "
                + value + " » : utilisez le format AAAA-MM-JJ.");
        assertThat(pageProblem("/widget/?lang=en&" + query)).isEqualTo("Parameter “" + parameter
                + "”: invalid date “" + value + "”: use the format YYYY-MM-DD.");
        for (String feed : new String[] {"feed.ics", "feed.json", "feed.jsonld"}) {
            assertThat(feedProblems("/widget/" + feed + "?" + query)).as(feed).isEqualTo("[{\"parameter\":\""
                    + parameter + "\",\"message\":\"date invalide « " + value
                    + " » : utilisez le format AAAA-MM-JJ.\"}]");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"theme=gender-equality", "theme=migration-justice", "language=fr", "language=en",
            "language=fr-CA", "language=EN", "from=2020-11-01", "to=2020-11-01", "from=2020-11-01&to=2020-11-30",
            "to=0999-12-31", "from=0000-01-01", "from=9999-12-31"})
    void whatTheProgramHasAndPlainDatesAreAnsweredEverywhere(String query) throws Exception {
        for (String path : new String[] {"/widget/", "/widget/feed.ics", "/widget/feed.json", "/widget/feed.jsonld"}) {
            assertThat(server.get(path + "?" + query).statusCode()).as(path).isEqualTo(200);
        }
    }

    /** The one problem a refused list names, as the page says it. */
    private static String pageProblem(String pathAndQuery) throws Exception {
        HttpResponse<String> response = server.get(pathAndQuery);
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(400);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select(".jqsi-problems li")).as(pathAndQuery).hasSize(1);
        return page.selectFirst(".jqsi-problems li").text();
    }

    /** The problems of a refused feed, as its JSON lists them. */
    private static String feedProblems(String pathAndQuery) throws Exception {
        HttpResponse<String> response = server.get(pathAndQuery);
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(pathAndQuery)
                .startsWithIgnoringCase("application/json");
        String body = response.body();
        return body.substring(body.indexOf("\"problems\":") + "\"problems\":".length(), body.length() - 1);
    }
}
