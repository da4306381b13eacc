package org.jqsi.server.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.Failures;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.fetch.AddressPolicy;
import org.jqsi.fetch.BoundedDownload;
import org.jqsi.fetch.FetchException;
import org.jqsi.fetch.Fetched;
import org.jqsi.fetch.HttpValidators;
import org.jqsi.json.ProgramReader;

/**
 * A program file published at an http(s) address, polled with conditional GETs ({@code If-None-Match},
 * {@code If-Modified-Since}) so that an unchanged file costs a 304. Every request is a {@link BoundedDownload}: a
 * connect timeout, a deadline for the whole answer and a size limit, so that a stuck or endless server cannot hold the
 * watcher, and the {@link AddressPolicy} the operator chose (public addresses only, unless
 * {@code --allow-private-addresses}). A failure is a {@link ProgramLoadException} whose problem names the address.
 */
public final class ProgramUrl implements ChangingSource {

    private final URI uri;
    private final ProgramReader reader;
    private final BoundedDownload download;
    private HttpValidators validators = HttpValidators.NONE;
    private byte[] fetched;

    /**
     * A program file at an address.
     *
     * @param timeout the connect timeout and the deadline of each whole download
     * @param addresses the addresses the program may be fetched from
     */
    public ProgramUrl(URI uri, ProgramReader reader, Duration timeout, AddressPolicy addresses) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.download = new BoundedDownload(ServerMessages.text("url.what"), timeout, MAX_PROGRAM_BYTES, addresses);
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
        Fetched answer;
        try {
            answer = download.get(uri, "application/json", conditional ? validators : HttpValidators.NONE);
        } catch (FetchException e) {
            throw failure(e.kind() == FetchException.Kind.TOO_LARGE
                    ? ServerMessages.text("url.too-large", MAX_PROGRAM_BYTES / (1024 * 1024)) : e.reason(), e);
        } catch (IOException e) {
            throw failure(Failures.describe(e), e);
        }
        validators = answer.validators();
        return answer instanceof Fetched.Document document ? document.body() : null;
    }

    private ProgramLoadException failure(LocalizedText why, IOException cause) {
        return new ProgramLoadException(uri.toString(), ValidationReport.of(Problem.error(uri.toString(), "url.failed",
                ServerMessages.text("url.failed", why))), cause);
    }
}
