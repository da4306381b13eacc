package org.jqsi.server.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jqsi.core.internal.download.BodyTooLargeException;
import org.jqsi.core.internal.download.BoundedDownload;
import org.jqsi.core.internal.download.HttpStatusException;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.program.ProgramData;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.Failures;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.json.ProgramReader;

/**
 * A program file published at an http(s) address, polled with conditional GETs ({@code If-None-Match},
 * {@code If-Modified-Since}) so that an unchanged file costs a 304. Every request is a {@link BoundedDownload}: a
 * connect timeout, a deadline for the whole answer and a size limit, so that a stuck or endless server cannot hold the
 * watcher. A failure is a {@link ProgramLoadException} whose problem names the address.
 */
public final class ProgramUrl implements ChangingSource {

    private final URI uri;
    private final ProgramReader reader;
    private final Duration timeout;
    private final BoundedDownload download;
    private String etag;
    private String lastModified;
    private byte[] fetched;

    /**
     * A program file at an address.
     *
     * @param timeout the connect timeout and the deadline of each whole download
     */
    public ProgramUrl(URI uri, ProgramReader reader, Duration timeout) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.download = new BoundedDownload("program file", timeout, MAX_PROGRAM_BYTES);
    }

    @Override
    public synchronized ProgramData read() throws ProgramLoadException {
        byte[] body = fetched;
        fetched = null;
        if (body == null) {
            body = fetch(false);
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

    /** The body, or {@code null} when a conditional request hears that it has not changed. */
    private byte[] fetch(boolean conditional) throws ProgramLoadException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (conditional && etag != null) {
            headers.put("If-None-Match", etag);
        }
        if (conditional && lastModified != null) {
            headers.put("If-Modified-Since", lastModified);
        }
        HttpResponse<byte[]> response;
        try {
            response = download.get(uri, headers);
        } catch (HttpTimeoutException e) {
            throw failure(LocalizedText.of("pas de réponse complète en " + timeout.toSeconds() + " s",
                    "no complete answer within " + timeout.toSeconds() + " s"), e);
        } catch (BodyTooLargeException e) {
            throw failure(LocalizedText.of("plus de " + MAX_PROGRAM_BYTES / (1024 * 1024) + " Mio",
                    "larger than " + MAX_PROGRAM_BYTES / (1024 * 1024) + " MiB"), e);
        } catch (HttpStatusException e) {
            throw failure(LocalizedText.of("HTTP " + e.statusCode(), "HTTP " + e.statusCode()), e);
        } catch (IOException e) {
            throw failure(Failures.describe(e), e);
        }
        if (response.statusCode() == 304) {
            return null;
        }
        etag = response.headers().firstValue("ETag").orElse(null);
        lastModified = response.headers().firstValue("Last-Modified").orElse(null);
        return response.body();
    }

    private ProgramLoadException failure(LocalizedText why, IOException cause) {
        return new ProgramLoadException(uri.toString(), ValidationReport.of(Problem.error(uri.toString(), "url.failed",
                LocalizedText.of("le programme n'a pas pu être téléchargé (" + why.fr() + ")",
                        "the program could not be downloaded (" + why.in(Language.EN) + ")"))), cause);
    }
}
