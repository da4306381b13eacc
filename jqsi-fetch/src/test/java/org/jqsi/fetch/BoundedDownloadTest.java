package org.jqsi.fetch;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.fetch.FetchException.Kind;
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
 * <p>The server is on the loopback interface, which the address rule refuses: these downloads allow every address
 * ({@code AddressRuleTest} and {@code RedirectTest} test the rule).
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
    private static final LocalizedText DOCUMENT = LocalizedText.of("le document", "the document");
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
        return new BoundedDownload(DOCUMENT, UNREACHED, LIMIT, AddressPolicy.ANY_ADDRESS);
    }

    @Test
    void aDocumentArrivesWholeWithTheCallersHeadersAndNoCompression() throws IOException {
        Fetched.Document response = download().get(url("/doc"), "text/plain");
        assertThat(response.url()).isEqualTo(url("/doc"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(response.validators()).isEqualTo(new HttpValidators("\"v1\"", null));
        assertThat(lastRequest).containsEntry("Accept", "text/plain").containsEntry("Accept-Encoding", "identity");
    }

    @Test
    void aRedirectIsFollowed() throws IOException {
        Fetched.Document response = download().get(url("/moved"), "*/*");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(response.url()).isEqualTo(url("/doc"));
    }

    @Test
    void notModifiedAnswersAConditionalRequestOnly() throws IOException {
        Fetched unchanged = download().get(url("/doc"), "*/*", new HttpValidators("\"v1\"", null));
        assertThat(unchanged).isInstanceOf(Fetched.NotModified.class);
        assertThat(unchanged.validators()).isEqualTo(new HttpValidators("\"v1\"", null));

        // The same 304 to a request that asked for no condition is no document at all.
        server.createContext("/not-modified", exchange -> {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
        });
        FetchException e = catchThrowableOfType(FetchException.class,
                () -> download().get(url("/not-modified"), "*/*"));
        assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
        assertThat(e.statusCode()).isEqualTo(304);
    }

    @Test
    void anErrorStatusNamesTheAddressAndTheStatus() {
        FetchException e = catchThrowableOfType(FetchException.class,
                () -> download().get(url("/missing"), "*/*"));
        assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e).hasMessage(url("/missing") + ": the server answered HTTP 404");
        assertThat(e.describe().in(Language.FR)).isEqualTo(url("/missing") + " : le serveur a répondu HTTP 404");
    }

    @Test
    void anErrorWhoseBodyNeverEndsIsReportedAtOnceAsTheError() {
        // With a deadline that never comes, only giving up on the body at the status can end this.
        FetchException e = catchThrowableOfType(FetchException.class,
                () -> download().get(url("/endless-error"), "*/*"));
        assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
        assertThat(e.statusCode()).isEqualTo(500);
    }

    @Test
    void aBodyOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot() throws IOException {
        assertThat(download().get(url("/sized?" + LIMIT), "*/*").body()).hasSize(LIMIT);
        FetchException e = catchThrowableOfType(FetchException.class,
                () -> download().get(url("/sized?" + (LIMIT + 1)), "*/*"));
        assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
        assertThat(e).hasMessage(url("/sized?" + (LIMIT + 1)) + ": the document is larger than 1000 bytes");
        assertThat(e.describe().in(Language.FR))
                .isEqualTo(url("/sized?" + (LIMIT + 1)) + " : le document fait plus de 1000 octets");
    }

    @Test
    void anEndlessBodyStopsAtTheLimitLongBeforeTheDeadline() {
        // The deadline never comes: the size limit is what stops it.
        FetchException e = catchThrowableOfType(FetchException.class, () -> download().get(url("/endless"), "*/*"));
        assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
        assertThat(e).hasMessageContaining(url("/endless").toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/silent", "/trickle"})
    void aServerThatNeverFinishesIsCutOffAtTheDeadline(String path) {
        long start = System.nanoTime();
        FetchException e = catchThrowableOfType(FetchException.class,
                () -> new BoundedDownload(DOCUMENT, TIMEOUT, LIMIT, AddressPolicy.ANY_ADDRESS).get(url(path), "*/*"));
        assertThat(e.kind()).isEqualTo(Kind.TIMED_OUT);
        assertThat(e).hasMessage(url(path) + ": no complete answer within 1 s");
        assertThat(e.describe().in(Language.FR)).isEqualTo(url(path) + " : pas de réponse complète en 1 s");
        // Not before the deadline either (a slow machine can only make it later).
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(TIMEOUT);
    }

    @Test
    void aCompressedBodyThatWasNotAskedForIsRefused() {
        FetchException e = catchThrowableOfType(FetchException.class, () -> download().get(url("/gzip"), "*/*"));
        assertThat(e.kind()).isEqualTo(Kind.UNWANTED_ENCODING);
        assertThat(e).hasMessage(url("/gzip")
                + ": the server sent the document with Content-Encoding gzip, which was not asked for");
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
            FetchException e = catchThrowableOfType(FetchException.class, () -> download().get(address, "*/*"));
            assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
            // In words, never as a Java type.
            assertThat(e).hasMessageStartingWith(address + ": ").hasMessageNotContaining("Exception");
        }
    }

    @Test
    void aRefusedConnectionNamesTheAddress() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        URI address = URI.create("http://127.0.0.1:" + port + "/doc");
        FetchException e = catchThrowableOfType(FetchException.class, () -> download().get(address, "*/*"));
        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e).hasMessage(address + ": the server refuses the connection");
        assertThat(e.describe().in(Language.FR)).isEqualTo(address + " : le serveur refuse la connexion");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/doc", "webcal://example.org/feed.ics", "doc"})
    void onlyHttpAndHttpsAreDownloaded(String address) {
        assertThatThrownBy(() -> download().get(URI.create(address), "*/*"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(address);
    }

    @Test
    void theBoundsMustBePositive() {
        assertThatThrownBy(() -> new BoundedDownload(DOCUMENT, Duration.ZERO, LIMIT, AddressPolicy.ANY_ADDRESS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> new BoundedDownload(DOCUMENT, TIMEOUT, 0, AddressPolicy.ANY_ADDRESS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytes");
    }
}
