package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that hold a connection without finishing with it: one that connects and sends nothing, one that sends its
 * request a byte at a time, one that asks for a lot and never reads it. While they hang, everyone else is answered;
 * and the server closes each of them once it has been idle for {@link ServerSettings#idleTimeout()} (2 s here, so
 * that the test sees it happen: with the default 30 s it would not, within the bounds below).
 *
 * <p>The times asserted are generous bounds against hanging, not performance figures.
 */
class SlowClientTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneId.of("America/Toronto"));
    private static final Duration IDLE = Duration.ofSeconds(2);
    /** Long enough for a loaded machine; far shorter than the default idle timeout of 30 s. */
    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(15);

    private JqsiServer server;
    private final List<Socket> stuck = new ArrayList<>();
    private final ExecutorService clients = Executors.newCachedThreadPool();

    @BeforeEach
    void start() throws Exception {
        server = JqsiServer.start(ServerSettings.defaults().withHost("127.0.0.1").withPort(0).withIdleTimeout(IDLE),
                CurrentProgram.load(ProgramFileSource.sample(), new ProgramValidator(), CLOCK), CLOCK);
    }

    @AfterEach
    void stop() throws Exception {
        clients.shutdownNow();
        for (Socket socket : stuck) {
            socket.close();
        }
        server.stop();
    }

    private Socket connect(int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        stuck.add(socket);
        return socket;
    }

    /** Twenty ordinary requests, four at a time: all answered 200 with the page, none waiting for the stuck ones. */
    private void othersAreServed() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI page = server.localUri().resolve("widget/");
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(clients.submit(() -> http.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString())));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
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

    @Test
    void connectionsThatSendNothingDoNotStallOthersAndAreClosedWhenIdle() throws Exception {
        List<Socket> silent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            silent.add(connect(0));
        }

        othersAreServed();

        for (Socket socket : silent) {
            assertThat(readUntilClosedBy(socket, CLOSED_WITHIN)).as("bytes sent to a silent client").isZero();
        }
    }

    @Test
    void requestsSentAByteAtATimeDoNotStallOthersAndAreClosedWhenTheyStop() throws Exception {
        byte[] request = "GET /widget/ HTTP/1.1\r\nHost: localhost\r\nUser-Agent: slow\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        List<Socket> slow = new ArrayList<>();
        List<Future<?>> trickling = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Socket socket = connect(0);
            slow.add(socket);
            OutputStream out = socket.getOutputStream();
            trickling.add(clients.submit(() -> {
                // Faster than the idle timeout: the connection stays open while it trickles.
                for (byte b : request) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(IDLE.toMillis() / 8);
                }
                return null;
            }));
        }

        othersAreServed();

        for (Future<?> client : trickling) {
            client.get(60, TimeUnit.SECONDS);
        }
        // The headers were never finished: once the bytes stop, the idle timeout ends the connection, unanswered.
        for (Socket socket : slow) {
            long received = readUntilClosedBy(socket, CLOSED_WITHIN);
            assertThat(received).as("bytes sent to a client that never finished its request").isZero();
        }
    }

    @Test
    void clientsThatNeverReadALargeResponseDoNotStallOthersAndAreClosedWhenIdle() throws Exception {
        // Hundreds of pipelined requests for the feed: far more than the sockets' buffers hold, so the server's
        // writes block on these connections (a thread each) until the idle timeout gives up on them.
        String one = "GET /widget/feed.ics HTTP/1.1\r\nHost: localhost\r\n\r\n";
        int pipelined = 1_000;
        byte[] requests = one.repeat(pipelined).getBytes(StandardCharsets.US_ASCII);
        long feedSize = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.localUri()
                .resolve("widget/feed.ics")).build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
        List<Socket> greedy = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Socket socket = connect(4_096);
            socket.getOutputStream().write(requests);
            socket.getOutputStream().flush();
            greedy.add(socket);
        }

        othersAreServed();

        // Wait past the idle timeout before reading anything, then read: the server must have given up, so fewer
        // bytes than all the answers arrive before the close.
        Thread.sleep(IDLE.toMillis() * 3);
        for (Socket socket : greedy) {
            long received = readUntilClosedBy(socket, CLOSED_WITHIN);
            assertThat(received).as("bytes received of %d answers of %d bytes", pipelined, feedSize)
                    .isLessThan(pipelined * feedSize);
        }
    }
}
