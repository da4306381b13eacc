package org.jqsi.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP "server" that misbehaves on purpose, on raw sockets so that nothing smooths its behaviour over:
 * it can answer normally, never answer, send its headers and then trickle the body, send a body that never ends,
 * or send garbage. The behaviour can change between requests. Each connection has its own daemon thread; closing
 * the server closes every socket.
 */
public final class MisbehavingServer implements AutoCloseable {

    /** What to do with the next requests. */
    public enum Mode {
        /** 200 with the current body. */
        NORMAL,
        /** Reads the request and never answers. */
        SILENT,
        /** Sends the headers (a long Content-Length) and then one byte every 200 ms, forever. */
        TRICKLE,
        /** A chunked body that never ends, as fast as it can. */
        ENDLESS,
        /** Bytes that are not HTTP at all. */
        GARBAGE_PROTOCOL
    }

    private final ServerSocket socket;
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.NORMAL);
    private final AtomicReference<byte[]> body = new AtomicReference<>(new byte[0]);
    private final AtomicReference<String> contentType = new AtomicReference<>("application/json");
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    public MisbehavingServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "misbehaving-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    public MisbehavingServer mode(Mode next) {
        mode.set(next);
        return this;
    }

    public MisbehavingServer body(String text, String type) {
        body.set(text.getBytes(StandardCharsets.UTF_8));
        contentType.set(type);
        return this;
    }

    public int requests() {
        return requests.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                Thread handler = new Thread(() -> handle(client), "misbehaving-handler");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            readHead(in);
            requests.incrementAndGet();
            switch (mode.get()) {
                case NORMAL -> {
                    byte[] content = body.get();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType.get() + "\r\nContent-Length: "
                            + content.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(content);
                    out.flush();
                }
                case SILENT -> in.read();
                case TRICKLE -> {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType.get()
                            + "\r\nContent-Length: 100000000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    while (!client.isClosed()) {
                        Thread.sleep(200);
                        out.write(' ');
                        out.flush();
                    }
                }
                case ENDLESS -> {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType.get()
                            + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    while (!client.isClosed()) {
                        out.write(chunk);
                    }
                }
                case GARBAGE_PROTOCOL -> {
                    out.write("\u0000\u00ff garbage \r\n\r\n not http at all".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client went away: that is the point.
        } finally {
            open.remove(client);
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int state = 0;
        int c;
        while (state < 4 && (c = in.read()) >= 0) {
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3))
                    ? state + 1 : 0;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : open) {
            client.close();
        }
    }
}
