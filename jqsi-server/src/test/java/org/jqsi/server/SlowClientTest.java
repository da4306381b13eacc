package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.json.ProgramFileSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that hold a connection without finishing with it: one that connects and sends nothing, one that sends its
 * request a byte at a time, one that asks for a lot and never reads it. Each kind is tried twice, on two servers:
 *
 * <ul>
 *   <li>while they hang, everyone else is answered: on a server whose idle timeout ({@link #NEVER_IDLE}) is longer
 *       than the test, so that nothing but the server's handling of them can let the others through;</li>
 *   <li>the server closes each of them once it has been idle for {@link ServerSettings#idleTimeout()} ({@link #IDLE}
 *       here).</li>
 * </ul>
 *
 * <p>No assertion depends on the machine's speed: every wait is bounded by {@link #HANG}, which only catches a server
 * that never does what it must, even on a machine loaded far beyond its cores.
 */
class SlowClientTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneId.of("America/Toronto"));
    /** The idle timeout of the servers that must close stuck clients: short, so that the tests see it happen. */
    private static final Duration IDLE = Duration.ofSeconds(2);
    /** The idle timeout of the servers that must serve others meanwhile: no stuck client is let go while tested. */
    private static final Duration NEVER_IDLE = Duration.ofMinutes(10);
    /** How long a test waits for what must happen before it calls it a hang; far below {@link #NEVER_IDLE}. */
    private static final Duration HANG = Duration.ofMinutes(2);

    private JqsiServer server;
    /** Every client socket, closed after each test. */
    private final List<Socket> stuck = new ArrayList<>();
    private final ExecutorService clients = Executors.newCachedThreadPool();
    /** The clients that send their requests a byte at a time, if the test has any. */
    private final List<Future<?>> trickling = new ArrayList<>();
    /** Jetty warns of each response it gives up on: what these tests ask for, so kept off the console. */
    private final CapturedLog jettyLog = CapturedLog.of("org.eclipse.jetty");

    private void start(Duration idleTimeout) throws Exception {
        server = JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(0)
                        .withIdleTimeout(idleTimeout),
                CurrentProgram.load(ProgramFileSource.sample(), new ProgramValidator(), CLOCK), CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        clients.shutdownNow();
        // Closed before the server stops: a write blocked on one of them then fails at once instead of holding up
        // the graceful stop.
        for (Socket socket : stuck) {
            socket.close();
        }
        try {
            if (server != null) {
                server.stop();
            }
        } finally {
            jettyLog.close();
        }
    }

    private Socket connect(int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), (int) HANG.toMillis());
        stuck.add(socket);
        return socket;
    }

    /** Twenty ordinary requests, four at a time: all answered 200 with the page, none waiting for the stuck ones. */
    private void othersAreServed() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(HANG).build();
        URI page = server.localUri().resolve("widget/");
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(clients.submit(() -> http.send(HttpRequest.newBuilder(page).timeout(HANG)
                    .build(), HttpResponse.BodyHandlers.ofString())));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(HANG.toMillis() * 2, TimeUnit.MILLISECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("Loin de Bachar");
        }
    }

    /**
     * Reads what the server sent until it closes; fails if the server still holds the connection open after
     * {@code within}.
     *
     * @return the bytes received before the close
     */
    private static long readUntilClosedBy(Socket socket, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        socket.setSoTimeout((int) within.toMillis());
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[65_536];
        long total = 0;
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                total += n;
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("still receiving after " + within + ": " + total + " bytes");
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept an idle connection open for more than " + within
                    + " (idle timeout " + IDLE + "), after sending " + total + " bytes", e);
        } catch (SocketException reset) {
            // Closed with unread request bytes on its side: a reset is a close too.
        }
        return total;
    }

    /** Waits until the server holds no connection at all: it has let every stuck client go, without their help. */
    private void awaitNoOpenConnection() throws InterruptedException {
        long deadline = System.nanoTime() + HANG.toNanos();
        while (server.openConnections() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server still holds " + server.openConnections()
                        + " connections after " + HANG + " (idle timeout " + IDLE + ")");
            }
            Thread.sleep(50);
        }
    }

    private List<Socket> silentClients() throws IOException {
        List<Socket> silent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            silent.add(connect(0));
        }
        return silent;
    }

    @Test
    void connectionsThatSendNothingDoNotStallOthers() throws Exception {
        start(NEVER_IDLE);
        silentClients();

        othersAreServed();
    }

    @Test
    void connectionsThatSendNothingAreClosedWhenIdle() throws Exception {
        start(IDLE);
        for (Socket socket : silentClients()) {
            assertThat(readUntilClosedBy(socket, HANG)).as("bytes sent to a silent client").isZero();
        }
    }

    /**
     * Starts twenty clients that send the start of a request a byte at a time, far faster than {@link #IDLE}, and
     * never the blank line that ends it; {@link #trickling} holds them.
     *
     * @param closedMeanwhile whether the server may close a connection before its bytes are all sent: on a loaded
     *     machine a pause between two bytes can outlast the idle timeout
     */
    private List<Socket> startTrickling(boolean closedMeanwhile) throws IOException {
        byte[] request = "GET /widget/ HTTP/1.1\r\nHost: localhost\r\nUser-Agent: slow\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Socket socket = connect(0);
            slow.add(socket);
            OutputStream out = socket.getOutputStream();
            trickling.add(clients.submit(() -> {
                try {
                    for (byte b : request) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(IDLE.toMillis() / 20);
                    }
                } catch (SocketException closed) {
                    if (!closedMeanwhile) {
                        throw closed;
                    }
                }
                return null;
            }));
        }
        return slow;
    }

    @Test
    void requestsSentAByteAtATimeDoNotStallOthers() throws Exception {
        start(NEVER_IDLE);
        List<Socket> slow = startTrickling(false);

        othersAreServed();

        // Nothing closed them (a client that found its connection closed failed), and they stay unanswered: the
        // request was never finished.
        for (Future<?> client : trickling) {
            if (client.isDone()) {
                client.get();
            }
        }
        for (Socket socket : slow) {
            socket.setSoTimeout(100);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void requestsSentAByteAtATimeAreClosedWhenTheyStop() throws Exception {
        start(IDLE);
        List<Socket> slow = startTrickling(true);
        for (Future<?> client : trickling) {
            client.get(HANG.toMillis(), TimeUnit.MILLISECONDS);
        }

        // The headers were never finished: once the bytes stop, the idle timeout ends the connection, unanswered.
        for (Socket socket : slow) {
            long received = readUntilClosedBy(socket, HANG);
            assertThat(received).as("bytes sent to a client that never finished its request").isZero();
        }
    }

    /** Hundreds of pipelined requests for the feed: far more than the sockets' buffers hold. */
    private static final int PIPELINED = 1_000;

    /**
     * Eight clients that send {@link #PIPELINED} requests for the feed and read nothing: the server's writes block
     * on these connections (a thread each).
     */
    private List<Socket> greedyClients() throws IOException {
        byte[] requests = "GET /widget/feed.ics HTTP/1.1\r\nHost: localhost\r\n\r\n".repeat(PIPELINED)
                .getBytes(StandardCharsets.US_ASCII);
        List<Socket> greedy = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Socket socket = connect(4_096);
            socket.getOutputStream().write(requests);
            socket.getOutputStream().flush();
            greedy.add(socket);
        }
        return greedy;
    }

    @Test
    void clientsThatNeverReadALargeResponseDoNotStallOthers() throws Exception {
        start(NEVER_IDLE);
        greedyClients();

        othersAreServed();
    }

    @Test
    void clientsThatNeverReadALargeResponseAreClosedWhenIdle() throws Exception {
        start(IDLE);
        long feedSize = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.localUri()
                .resolve("widget/feed.ics")).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        List<Socket> greedy = greedyClients();

        // Read nothing until the server has given up on every connection (the one that fetched the feed too):
        // then fewer bytes than all the answers can arrive before the close, however fast the server wrote.
        awaitNoOpenConnection();
        for (Socket socket : greedy) {
            long received = readUntilClosedBy(socket, HANG);
            assertThat(received).as("bytes received of %d answers of %d bytes", PIPELINED, feedSize)
                    .isLessThan(PIPELINED * feedSize);
        }
    }
}
