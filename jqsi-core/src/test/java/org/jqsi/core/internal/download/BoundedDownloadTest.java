package org.jqsi.core.internal.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bounds of a download, against a loopback server that answers well, with errors, or not at all: every way out
 * is a clear error that names the address, in bounded time and memory.
 *
 * <p>What is asserted is which bound stopped a download, never how fast: the servers that misbehave do so for as
 * long as the test runs, so that only the bound under test can end the exchange; the timeout on each test only
 * catches a hang, even on a machine loaded far beyond its cores.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BoundedDownloadTest {

    /** The deadline under test, where one is. */
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final int LIMIT = 1000;
    /**
     * The deadline where none is under test, which no test reaches: a loaded machine can take longer than
     * {@link #TIMEOUT} for a good answer too, and what stops a bad one is then something else, which the test names.
     */
    private static final Duration UNREACHED = Duration.ofHours(1);

    private HttpServer server;
    private ExecutorService threads;
    private volatile Map<String, String> lastRequest;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/doc", exchange -> {
            lastRequest = Map.of(
                    "Accept", String.valueOf(exchange.getRequestHeaders().getFirst("Accept")),
                    "Accept-Encoding", String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Encoding")));
            String etag = exchange.getRequestHeaders().getFirst("If-None-Match");
            if ("\"v1\"".equals(etag)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            send(exchange, 200, "hello");
        });
        server.createContext("/sized", exchange -> {
            int size = Integer.parseInt(exchange.getRequestURI().getQuery());
            send(exchange, 200, "x".repeat(size));
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/doc");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/missing", exchange -> send(exchange, 404, "not here"));
        server.createContext("/gzip", exchange -> {
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            send(exchange, 200, "\u001f\u008b not really gzip");
        });
        // Until the test ends (threads.shutdownNow() interrupts them): only the client's deadline can end these.
        server.createContext("/silent", exchange -> {
            sleep(Long.MAX_VALUE);
            exchange.close();
        });
        server.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                while (!Thread.currentThread().isInterrupted()) {
                    out.write(' ');
                    out.flush();
                    sleep(100);
                }
            } catch (IOException e) {
                // The client hung up: expected.
            }
        });
        server.createContext("/endless", exchange -> endless(exchange, 200));
        server.createContext("/endless-error", exchange -> endless(exchange, 500));
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void endless(HttpExchange exchange, int status) {
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(status, 0);
            byte[] chunk = new byte[65536];
            while (true) {
                out.write(chunk);
            }
        } catch (IOException e) {
            // The client hung up: expected.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static BoundedDownload download() {
        return new BoundedDownload("document", UNREACHED, LIMIT);
    }

    @Test
    void aDocumentArrivesWholeWithTheCallersHeadersAndNoCompression() throws IOException {
        HttpResponse<byte[]> response = download().get(url("/doc"), Map.of("Accept", "text/plain"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(response.headers().firstValue("ETag")).hasValue("\"v1\"");
        assertThat(lastRequest).containsEntry("Accept", "text/plain").containsEntry("Accept-Encoding", "identity");
    }

    @Test
    void aRedirectIsFollowed() throws IOException {
        HttpResponse<byte[]> response = download().get(url("/moved"), Map.of());
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(response.uri()).isEqualTo(url("/doc"));
    }

    @Test
    void notModifiedAnswersAConditionalRequestOnly() throws IOException {
        HttpResponse<byte[]> unchanged = download().get(url("/doc"), Map.of("If-None-Match", "\"v1\""));
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        // The same 304 to a request that asked for no condition is no document at all.
        server.createContext("/not-modified", exchange -> {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
        });
        HttpStatusException e = catchThrowableOfType(HttpStatusException.class,
                () -> download().get(url("/not-modified"), Map.of()));
        assertThat(e.statusCode()).isEqualTo(304);
    }

    @Test
    void anErrorStatusNamesTheAddressAndTheStatus() {
        HttpStatusException e = catchThrowableOfType(HttpStatusException.class,
                () -> download().get(url("/missing"), Map.of()));
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e).hasMessage(url("/missing") + " answered HTTP 404");
    }

    @Test
    void anErrorWhoseBodyNeverEndsIsReportedAtOnceAsTheError() {
        // With a deadline that never comes, only giving up on the body at the status can end this.
        HttpStatusException e = catchThrowableOfType(HttpStatusException.class,
                () -> download().get(url("/endless-error"), Map.of()));
        assertThat(e.statusCode()).isEqualTo(500);
    }

    @Test
    void aBodyOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot() throws IOException {
        assertThat(download().get(url("/sized?" + LIMIT), Map.of()).body()).hasSize(LIMIT);
        BodyTooLargeException e = catchThrowableOfType(BodyTooLargeException.class,
                () -> download().get(url("/sized?" + (LIMIT + 1)), Map.of()));
        assertThat(e.limit()).isEqualTo(LIMIT);
        assertThat(e).hasMessage(url("/sized?" + (LIMIT + 1)) + ": the document is larger than 1000 bytes");
    }

    @Test
    void anEndlessBodyStopsAtTheLimitLongBeforeTheDeadline() {
        // The deadline never comes: the size limit is what stops it.
        assertThatThrownBy(() -> download().get(url("/endless"), Map.of()))
                .isInstanceOf(BodyTooLargeException.class).hasMessageContaining(url("/endless").toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/silent", "/trickle"})
    void aServerThatNeverFinishesIsCutOffAtTheDeadline(String path) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> new BoundedDownload("document", TIMEOUT, LIMIT).get(url(path), Map.of()))
                .isInstanceOf(HttpTimeoutException.class)
                .hasMessage(url(path) + " did not send the whole document within 1000 ms");
        // Not before the deadline either (a slow machine can only make it later).
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(TIMEOUT);
    }

    @Test
    void aCompressedBodyThatWasNotAskedForIsRefused() {
        assertThatThrownBy(() -> download().get(url("/gzip"), Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessage(url("/gzip") + " sent the document with Content-Encoding gzip, which was not asked for");
    }

    @Test
    void anAnswerThatIsNotHttpNamesTheAddress() throws IOException {
        try (ServerSocket garbage = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (Socket client = garbage.accept(); OutputStream out = client.getOutputStream()) {
                    out.write("\u0000\u00ff not http at all\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    // The test has its answer or failed on its own.
                }
            });
            answer.setDaemon(true);
            answer.start();
            URI address = URI.create("http://127.0.0.1:" + garbage.getLocalPort() + "/doc");
            assertThatThrownBy(() -> download().get(address, Map.of()))
                    .isInstanceOf(IOException.class).hasMessageStartingWith("could not fetch " + address);
        }
    }

    @Test
    void aRefusedConnectionNamesTheAddress() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        URI address = URI.create("http://127.0.0.1:" + port + "/doc");
        assertThatThrownBy(() -> download().get(address, Map.of()))
                .isInstanceOf(IOException.class).hasMessageStartingWith("could not fetch " + address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/doc", "webcal://example.org/feed.ics", "doc"})
    void onlyHttpAndHttpsAreDownloaded(String address) {
        assertThatThrownBy(() -> download().get(URI.create(address), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(address);
    }

    @Test
    void theBoundsMustBePositive() {
        assertThatThrownBy(() -> new BoundedDownload("document", Duration.ZERO, LIMIT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> new BoundedDownload("document", TIMEOUT, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytes");
    }
}
