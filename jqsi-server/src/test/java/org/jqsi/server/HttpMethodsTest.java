package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.json.ProgramFileSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The methods the server answers, over a raw socket: TRACE echoes nothing anywhere, refusals say what is allowed. */
class HttpMethodsTest {

    private static final Duration HANG = Duration.ofMinutes(2);

    private static JqsiServer server;

    @BeforeAll
    static void start() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
        server = JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(0),
                CurrentProgram.load(ProgramFileSource.sample(), new ProgramValidator(), clock), clock);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private static RawResponse send(String method, String path, String... headers) throws Exception {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        return RawResponse.exchange(server.port(), request.toString(), HANG);
    }

    @Test
    void traceIsRefusedEverywhereAndEchoesNoCredential() throws Exception {
        for (String path : List.of("/", "/widget/", "/widget/feed.ics", "/healthz", "/nope")) {
            for (String method : List.of("TRACE", "TRACK")) {
                RawResponse response = send(method, path, "Cookie: session=secret-cookie",
                        "Authorization: Bearer secret-token");
                assertThat(response.status()).as(method + " " + path).isEqualTo(501);
                String body = new String(response.body(), StandardCharsets.UTF_8);
                assertThat(body).as(method + " " + path).doesNotContain("secret");
                assertThat(response.headers().toString()).doesNotContain("secret");
            }
        }
    }

    @Test
    void theWidgetsRefusalsSayWhatItAllows() throws Exception {
        RawResponse post = send("POST", "/widget/feed.json", "Content-Length: 0");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).hasValue("GET, HEAD, OPTIONS");
        RawResponse options = send("OPTIONS", "/widget/feed.json", "Origin: https://partner.example.org",
                "Access-Control-Request-Method: GET", "Access-Control-Request-Headers: if-none-match");
        assertThat(options.status()).isEqualTo(204);
        assertThat(options.header("Allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(options.header("Access-Control-Allow-Headers").orElseThrow()).containsIgnoringCase("if-none-match");
    }
}
