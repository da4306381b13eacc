package org.jqsi.web.submit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.jqsi.json.internal.JsonProblems;
import org.jqsi.json.internal.MalformedText;
import org.jqsi.json.internal.StrictUtf8Input;
import org.jqsi.json.internal.TextSource;

/**
 * Reads the body of a submission: JSON in UTF-8, no larger than the limit. The limit is kept while reading: a body
 * whose {@code Content-Length} is over it is refused unread, and one sent in chunks is read up to one byte past the
 * limit and refused there, so that no more than the limit is ever held.
 */
final class RequestBody {

    private static final int CHUNK = 8 * 1024;

    private final int maxBytes;

    /** @param maxBytes the largest body read, in bytes */
    RequestBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The body as text.
     *
     * @throws Refusal {@code 415} when it is not {@code application/json} in UTF-8 (or is compressed), {@code 413}
     *     when it is over the limit, {@code 400} when its bytes are not UTF-8
     */
    String read(HttpServletRequest request) throws Refusal, IOException {
        checkType(request.getContentType(), request.getHeader("Content-Encoding"));
        return text(request);
    }

    /**
     * The body of a form ({@code application/x-www-form-urlencoded}, in UTF-8, the form's own encoding), with the
     * same limit.
     *
     * @throws Refusal {@code 415} when it is not a form in UTF-8 (or is compressed), {@code 413} when it is over the
     *     limit, {@code 400} when its bytes are not UTF-8
     */
    String readForm(HttpServletRequest request) throws Refusal, IOException {
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw new Refusal(415, ApiProblem.at("", "request.encoding",
                    SubmitMessages.text("request.encoding", encoding.strip())));
        }
        if (!isForm(request.getContentType())) {
            throw new Refusal(415, ApiProblem.at("", "request.content-type",
                    SubmitMessages.text("request.content-type", String.valueOf(request.getContentType()).strip())));
        }
        return text(request);
    }

    /** Whether a type is a form's: {@code application/x-www-form-urlencoded}, in UTF-8 if it says. */
    static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase("application/x-www-form-urlencoded")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")
                    && !parameter.equals("charset=utf8")) {
                return false;
            }
        }
        return true;
    }

    private String text(HttpServletRequest request) throws Refusal, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            if (declared <= drainLimit()) {
                try (InputStream in = request.getInputStream()) {
                    drain(in);
                }
            }
            throw tooLarge();
        }
        byte[] body = new byte[(int) Math.min(Math.max(declared, CHUNK), maxBytes + 1L)];
        int length = 0;
        try (InputStream in = request.getInputStream()) {
            while (true) {
                if (length == body.length) {
                    if (length > maxBytes) {
                        drain(in);
                        throw tooLarge();
                    }
                    body = Arrays.copyOf(body, (int) Math.min(body.length * 2L, maxBytes + 1L));
                }
                int read = in.read(body, length, body.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
            }
        }
        if (length > maxBytes) {
            throw tooLarge();
        }
        return utf8(body, length);
    }

    /** {@code application/json}, with no parameter but {@code charset=utf-8}; no {@code Content-Encoding}. */
    static void checkType(String contentType, String contentEncoding) throws Refusal {
        if (contentEncoding != null && !contentEncoding.isBlank()
                && !contentEncoding.strip().equalsIgnoreCase("identity")) {
            throw new Refusal(415, ApiProblem.at("", "request.encoding",
                    SubmitMessages.text("request.encoding", contentEncoding.strip())));
        }
        if (contentType == null || !acceptable(contentType)) {
            throw new Refusal(415, ApiProblem.at("", "request.content-type",
                    SubmitMessages.text("request.content-type", contentType == null ? "—" : contentType.strip())));
        }
    }

    private static boolean acceptable(String contentType) {
        String[] parts = contentType.split(";", -1);
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            if (equals < 0 || !parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
                return false;
            }
            String charset = parameter.substring(equals + 1).strip().replace("\"", "").toLowerCase(Locale.ROOT);
            if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads and drops what is left of a body over the limit, up to {@link #drainLimit()} in all: a client still
     * sending when the server closes the connection gets a reset, which can destroy the 413 before it reads it (the
     * form showed "connection reset" instead of its page; RFC 9112 §9.6 on tearing a connection down). A body larger
     * than that is cut off at once.
     */
    private void drain(InputStream in) throws IOException {
        byte[] dropped = new byte[CHUNK];
        long left = drainLimit();
        int read;
        while (left > 0 && (read = in.read(dropped, 0, (int) Math.min(dropped.length, left))) >= 0) {
            left -= read;
        }
    }

    /** At most this much of a body over the limit is read before the 413: eight times the limit (2 MiB by default). */
    private long drainLimit() {
        return 8L * maxBytes;
    }

    private Refusal tooLarge() {
        // The connection is closed after the answer, so that nothing more of the body is read.
        return new Refusal(413, java.util.List.of(ApiProblem.at("", "request.too-large",
                SubmitMessages.text("request.too-large", maxBytes))), Map.of("Connection", "close"));
    }

    /** Strict UTF-8: a malformed byte is refused, not replaced; a byte order mark is skipped. */
    static String utf8(byte[] body, int length) throws Refusal {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, 0, length));
            String text = chars.toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Refusal(400, notUtf8(body, length));
        }
    }

    /**
     * Where a body that is not UTF-8 stops being so, and what it looks like there (Windows-1252, UTF-16), as the
     * program file's reader says it of a file: it reads the bytes again, only once they are refused.
     */
    private static ApiProblem notUtf8(byte[] body, int length) {
        try (InputStream in = new StrictUtf8Input(new ByteArrayInputStream(body, 0, length))) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (MalformedText e) {
            if (e.code().equals(JsonProblems.NOT_UTF8)) {
                return ApiProblem.of(new JsonProblems(SubmissionRequest.ORIGIN, TextSource.REQUEST_BODY).malformed(e),
                        "");
            }
        } catch (IOException e) {
            // Bytes in memory: not met.
        }
        // The file's reader stopped earlier, at an escape it refuses, or let the bytes through: said without a place.
        return ApiProblem.at("", JsonProblems.NOT_UTF8, SubmitMessages.text("request.not-utf8"));
    }
}
