package org.jqsi.server.internal.sources;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jqsi.core.internal.download.BodyTooLargeException;
import org.jqsi.core.internal.download.BoundedDownload;
import org.jqsi.core.internal.download.HttpStatusException;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.validation.Failures;

/**
 * {@link SourceFetch} with the JDK's HTTP client through the {@link BoundedDownload} that program URLs use: a connect
 * timeout, a deadline for the whole answer and a size limit. It does not check addresses yet: the {@code jqsi-fetch}
 * module, which refuses private addresses unless allowed, takes its place.
 */
public final class JdkSourceFetch implements SourceFetch {

    /** The largest copy of a source read: what {@code import-ics} reads at most. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final Duration timeout;
    private final long maxBytes;
    private final BoundedDownload download;

    public JdkSourceFetch(Duration timeout, long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.download = new BoundedDownload("source", timeout, maxBytes);
    }

    @Override
    public Result fetch(URI url, Validators previous, boolean allowPrivateAddress) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "text/calendar, text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml"
                + ".sheet, */*;q=0.5");
        if (previous.etag() != null) {
            headers.put("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            headers.put("If-Modified-Since", previous.lastModified());
        }
        HttpResponse<byte[]> response;
        try {
            response = download.get(url, headers);
        } catch (HttpTimeoutException e) {
            return failed(url, LocalizedText.of("pas de réponse complète en " + timeout.toSeconds() + " s",
                    "no complete answer within " + timeout.toSeconds() + " s"));
        } catch (BodyTooLargeException e) {
            return failed(url, LocalizedText.of("plus de " + maxBytes / (1024 * 1024) + " Mio",
                    "larger than " + maxBytes / (1024 * 1024) + " MiB"));
        } catch (HttpStatusException e) {
            return failed(url, LocalizedText.of("HTTP " + e.statusCode(), "HTTP " + e.statusCode()));
        } catch (IOException e) {
            return failed(url, Failures.describe(knownCause(e)));
        } catch (IllegalArgumentException e) {
            return failed(url, LocalizedText.of("adresse invalide", "invalid address"));
        }
        if (response.statusCode() == 304) {
            return new NotModified();
        }
        return new Fetched(response.body(), new Validators(response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null)));
    }

    /** The cause that says most in words: a refused connection, an unknown host, rather than their wrapper. */
    private static Throwable knownCause(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                    || cause instanceof java.net.SocketTimeoutException) {
                return cause;
            }
        }
        return e;
    }

    private static Failed failed(URI url, LocalizedText why) {
        return new Failed(LocalizedText.of(url + " n'a pas pu être téléchargé (" + why.fr() + ")",
                url + " could not be downloaded (" + why.in(Language.EN) + ")"));
    }
}
