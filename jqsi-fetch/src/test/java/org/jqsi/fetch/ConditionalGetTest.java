package org.jqsi.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.fetch.FetchException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The conditional GET that sources use: the validators of the copy held go with the request, and the answer is
 * "not modified" or the new document with its new validators, within the same bounds as any download.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ConditionalGetTest {

    private static final String MONDAY = "Mon, 01 Nov 2021 10:00:00 GMT";
    private static final String TUESDAY = "Tue, 02 Nov 2021 10:00:00 GMT";

    private LoopbackServer server;
    private volatile String body = "BEGIN:VCALENDAR v1";
    private volatile String etag = "\"v1\"";
    private volatile String lastModified = MONDAY;
    /** The conditional headers of every request: If-None-Match, If-Modified-Since. */
    private final List<List<String>> conditions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer()
                // As most servers do: If-None-Match decides when given, else If-Modified-Since; a 304 repeats the ETag.
                .on("/feed.ics", this::feed)
                .on("/dated.ics", exchange -> {
                    String since = exchange.getRequestHeaders().getFirst("If-Modified-Since");
                    conditions.add(List.of(String.valueOf(exchange.getRequestHeaders().getFirst("If-None-Match")),
                            String.valueOf(since)));
                    if (lastModified.equals(since)) {
                        // A 304 that repeats no validator.
                        LoopbackServer.send(exchange, 304, "");
                        return;
                    }
                    exchange.getResponseHeaders().add("Last-Modified", lastModified);
                    LoopbackServer.send(exchange, 200, body);
                })
                .on("/large.ics", exchange -> LoopbackServer.send(exchange, 200, "x".repeat(2000)));
    }

    private void feed(HttpExchange exchange) throws IOException {
        String match = exchange.getRequestHeaders().getFirst("If-None-Match");
        String since = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        conditions.add(List.of(String.valueOf(match), String.valueOf(since)));
        exchange.getResponseHeaders().add("ETag", etag);
        if (match != null ? match.equals(etag) : lastModified.equals(since)) {
            LoopbackServer.send(exchange, 304, "");
            return;
        }
        exchange.getResponseHeaders().add("Last-Modified", lastModified);
        exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=UTF-8");
        LoopbackServer.send(exchange, 200, body);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private BoundedDownload download() {
        return new BoundedDownload(LocalizedText.of("le flux", "the feed"), Duration.ofHours(1), 1000,
                AddressPolicy.ANY_ADDRESS);
    }

    @Test
    void theFirstFetchBringsTheDocumentAndItsValidators() throws IOException {
        Fetched first = download().get(server.url("/feed.ics"), "text/calendar", HttpValidators.NONE);
        assertThat(first).isInstanceOf(Fetched.Document.class);
        Fetched.Document document = (Fetched.Document) first;
        assertThat(new String(document.body(), StandardCharsets.UTF_8)).isEqualTo("BEGIN:VCALENDAR v1");
        assertThat(document.contentType()).isEqualTo("text/calendar; charset=UTF-8");
        assertThat(document.validators()).isEqualTo(new HttpValidators("\"v1\"", MONDAY));
        // No validators, no conditional header.
        assertThat(conditions).containsExactly(List.of("null", "null"));
    }

    @Test
    void anUnchangedDocumentIsNotModifiedAndAChangedOneComesWithItsNewValidators() throws IOException {
        HttpValidators held = download().get(server.url("/feed.ics"), "text/calendar", HttpValidators.NONE)
                .validators();

        Fetched again = download().get(server.url("/feed.ics"), "text/calendar", held);
        assertThat(again).isEqualTo(new Fetched.NotModified(server.url("/feed.ics"), held));

        body = "BEGIN:VCALENDAR v2";
        etag = "\"v2\"";
        lastModified = TUESDAY;
        Fetched changed = download().get(server.url("/feed.ics"), "text/calendar", held);
        assertThat(changed).isInstanceOf(Fetched.Document.class);
        assertThat(new String(((Fetched.Document) changed).body(), StandardCharsets.UTF_8))
                .isEqualTo("BEGIN:VCALENDAR v2");
        assertThat(changed.validators()).isEqualTo(new HttpValidators("\"v2\"", TUESDAY));

        // Both validators went with each conditional request, as held.
        assertThat(conditions).containsExactly(List.of("null", "null"), List.of("\"v1\"", MONDAY),
                List.of("\"v1\"", MONDAY));
    }

    @Test
    void aDateAloneIsEnoughAndA304ThatRepeatsNothingKeepsTheValidatorsHeld() throws IOException {
        HttpValidators held = new HttpValidators(null, MONDAY);
        Fetched again = download().get(server.url("/dated.ics"), "text/calendar", held);
        assertThat(again).isEqualTo(new Fetched.NotModified(server.url("/dated.ics"), held));
        assertThat(conditions).containsExactly(List.of("null", MONDAY));

        lastModified = TUESDAY;
        Fetched changed = download().get(server.url("/dated.ics"), "text/calendar", held);
        assertThat(changed.validators()).isEqualTo(new HttpValidators(null, TUESDAY));
    }

    @Test
    void aNotModifiedToARequestWithoutValidatorsIsNoAnswer() {
        server.on("/always-304", exchange -> LoopbackServer.send(exchange, 304, ""));
        FetchException e = catchThrowableOfType(FetchException.class,
                () -> download().get(server.url("/always-304"), "*/*", HttpValidators.NONE));
        assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
        assertThat(e.statusCode()).isEqualTo(304);
    }

    @Test
    void aChangedDocumentIsBoundedAsAnyDownload() {
        FetchException e = catchThrowableOfType(FetchException.class, () -> download().get(server.url("/large.ics"),
                "*/*", new HttpValidators("\"old\"", null)));
        assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
        assertThat(e).hasMessage(server.url("/large.ics") + ": the feed is larger than 1000 bytes");
    }

    @Test
    void blankValidatorsAreNone() {
        assertThat(new HttpValidators(" ", "")).isEqualTo(HttpValidators.NONE);
        assertThat(HttpValidators.NONE.isEmpty()).isTrue();
    }
}
