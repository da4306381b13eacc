package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.GeneratedProgram;
import org.jqsi.json.ProgramReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 item 3: a feed larger than {@link JqsiWidgetServlet#KEPT_FEED_BYTES} is sent as it is written (no
 * {@code Content-Length}, not kept), whole and valid, so that its memory does not grow with the program; a smaller one
 * is kept and sent with its length, as before.
 */
class LargeFeedsTest {

    private static final int ACTIVITIES = 3_000;
    private static WidgetServer server;
    private static Program program;

    @BeforeAll
    static void start() throws Exception {
        server = WidgetServer.start(WidgetSettings.defaults());
        program = Program.of(GeneratedProgram.of(ACTIVITIES, 2021));
        server.serve(program);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long dated() {
        return program.activities().stream().filter(a -> a.schedule().isDated()).count();
    }

    @Test
    void aLargeCalendarIsStreamedWholeAndTheSameEachTime() throws Exception {
        HttpResponse<String> first = server.get("/widget/feed.ics?edition=all&lang=fr");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Length")).isEmpty();
        assertThat(first.headers().firstValue("ETag")).isPresent();
        assertThat(first.body().length()).isGreaterThan(JqsiWidgetServlet.KEPT_FEED_BYTES);
        assertThat(first.body()).endsWith("END:VCALENDAR\r\n");
        ICalendar calendar = Biweekly.parse(first.body()).first();
        assertThat((long) calendar.getEvents().size()).isEqualTo(dated());
        HttpResponse<String> again = server.get("/widget/feed.ics?edition=all&lang=fr");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(server.get("/widget/feed.ics?edition=all&lang=fr", "If-None-Match",
                first.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
    }

    @Test
    void aLargeProgramFileIsStreamedWholeAndReadsBack() throws Exception {
        HttpResponse<String> response = server.get("/widget/feed.json?edition=all");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        ProgramData data = new ProgramReader().read(response.body(), "feed.json");
        assertThat(data.activities()).extracting(Activity::id)
                .containsExactlyInAnyOrderElementsOf(program.activities().stream().map(Activity::id).toList());
    }

    @Test
    void aLargeJsonLdListIsStreamedWhole() throws Exception {
        HttpResponse<String> response = server.get("/widget/feed.jsonld?edition=all&lang=en");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        JsonNode list = new ObjectMapper().readTree(response.body());
        assertThat(list.get("numberOfItems").asLong()).isEqualTo(dated());
        assertThat((long) list.get("itemListElement").size()).isEqualTo(dated());
    }

    @Test
    void aHeadOfALargeFeedHasItsHeadersAndNoBody() throws Exception {
        HttpResponse<String> head = server.send("HEAD", "/widget/feed.ics?edition=all&lang=en");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("ETag")).isPresent();
        assertThat(head.headers().firstValue("Content-Type").orElseThrow()).startsWithIgnoringCase("text/calendar");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void aSmallFeedIsSentWithItsLength() throws Exception {
        HttpResponse<String> response = server.get("/widget/feed.ics?edition=all&region=01&kind=screening");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().length()).isLessThan(JqsiWidgetServlet.KEPT_FEED_BYTES);
        assertThat(response.headers().firstValue("Content-Length")).hasValue(
                String.valueOf(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    }
}
