package org.jqsi.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.program.ProgramData;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.json.ProgramReader;

/**
 * A program file published at an http(s) address, polled with conditional GETs ({@code If-None-Match},
 * {@code If-Modified-Since}) so that an unchanged file costs a 304. Every request has a connect and a total timeout
 * and a size limit: a stuck or endless server cannot hold the watcher.
 */
public final class ProgramUrl implements ChangingSource {

    /** The largest program file accepted from a URL. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final URI uri;
    private final ProgramReader reader;
    private final HttpClient client;
    private final Duration timeout;
    private String etag;
    private String lastModified;
    private byte[] fetched;

    public ProgramUrl(URI uri, ProgramReader reader, Duration timeout) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.reader = reader;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public synchronized ProgramData read() throws ProgramLoadException {
        byte[] body = fetched;
        fetched = null;
        if (body == null) {
            body = fetch(false);
            if (body == null) {
                throw failure("no content");
            }
        }
        return reader.read(new String(body, StandardCharsets.UTF_8), uri.toString());
    }

    @Override
    public synchronized boolean hasChanged() {
        try {
            fetched = fetch(true);
            return fetched != null;
        } catch (ProgramLoadException e) {
            // Unreachable now: nothing new to load; the next check tries again.
            return false;
        }
    }

    @Override
    public String describe() {
        return "URL " + uri;
    }

    /** The body, or {@code null} when the server says it has not changed. */
    private byte[] fetch(boolean conditional) throws ProgramLoadException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json");
        if (conditional && etag != null) {
            request.header("If-None-Match", etag);
        }
        if (conditional && lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() == 304) {
                    return null;
                }
                if (response.statusCode() != 200) {
                    throw failure("HTTP " + response.statusCode());
                }
                byte[] body = in.readNBytes((int) MAX_BYTES + 1);
                if (body.length > MAX_BYTES) {
                    throw failure("larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
                }
                etag = response.headers().firstValue("ETag").orElse(null);
                lastModified = response.headers().firstValue("Last-Modified").orElse(null);
                return body;
            }
        } catch (IOException e) {
            throw new ProgramLoadException(uri.toString(), ValidationReport.failure(uri.toString(), e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        }
    }

    private ProgramLoadException failure(String why) {
        return new ProgramLoadException(uri.toString(), ValidationReport.of(Problem.error(uri.toString(), "url.failed",
                LocalizedText.of("le programme n'a pas pu être téléchargé (" + why + ")",
                        "the program could not be downloaded (" + why + ")"))));
    }
}
