package org.jqsi.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP/1.1 exchange over a raw socket, for requests that {@link java.net.http.HttpClient} refuses to send
 * (a malformed URI, an unknown method, a bad request line, a forged header) and for answers it would smooth over.
 * The request should ask for {@code Connection: close}: the response is what arrives until the server closes.
 */
record RawResponse(int status, Map<String, String> headers, byte[] body, Duration took) {

    /** Sends {@code request} as ISO-8859-1 bytes and reads everything until the server closes or {@code timeout}. */
    static RawResponse exchange(int port, String request, Duration timeout) throws IOException {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1), timeout);
    }

    static RawResponse exchange(int port, byte[] request, Duration timeout) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // The server may answer and close before taking a whole oversized request: read what it said.
            }
            byte[] raw = readUntilClosed(socket.getInputStream(), timeout, start);
            return parse(raw, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static byte[] readUntilClosed(InputStream in, Duration timeout, long start) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                if (System.nanoTime() - start > timeout.toNanos()) {
                    throw new SocketTimeoutException("still reading after " + timeout);
                }
            }
        } catch (java.net.SocketException e) {
            // A reset after the answer (the server closed with request bytes unread): keep what came.
            if (out.size() == 0) {
                throw e;
            }
        }
        return out.toByteArray();
    }

    static RawResponse parse(byte[] raw, Duration took) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            throw new IOException("not an HTTP response: "
                    + text.substring(0, Math.min(200, text.length())).replace("\r\n", "⏎"));
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        return new RawResponse(status, headers, body, took);
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Head and body as one text, for assertions about what the whole response shows. */
    String whole() {
        StringBuilder all = new StringBuilder().append(status).append('\n');
        headers.forEach((name, value) -> all.append(name).append(": ").append(value).append('\n'));
        return all.append('\n').append(text()).toString();
    }
}
