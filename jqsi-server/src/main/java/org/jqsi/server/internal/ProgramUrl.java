package org.jqsi.server.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

    /**
     * The body, or {@code null} when the server says it has not changed. The timeout bounds the whole exchange, body
     * included: the client's own request timeout stops at the headers, and a server that sends them and then trickles
     * its body (or sends it forever) would otherwise hold the watcher for good.
     */
    private byte[] fetch(boolean conditional) throws ProgramLoadException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Accept", "application/json");
        if (conditional && etag != null) {
            request.header("If-None-Match", etag);
        }
        if (conditional && lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(),
                info -> info.statusCode() == 200 ? new LimitedBody(MAX_BYTES)
                        : HttpResponse.BodySubscribers.<byte[]>replacing(null));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw failure("no complete answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw failure("larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
            }
            IOException io = cause instanceof IOException x ? x : new IOException(String.valueOf(cause), cause);
            throw new ProgramLoadException(uri.toString(), ValidationReport.failure(uri.toString(), io), io);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        }
        if (response.statusCode() == 304) {
            return null;
        }
        if (response.statusCode() != 200) {
            throw failure("HTTP " + response.statusCode());
        }
        etag = response.headers().firstValue("ETag").orElse(null);
        lastModified = response.headers().firstValue("Last-Modified").orElse(null);
        return response.body();
    }

    /** A body larger than the limit: the download stops there. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Collects a body up to a limit, and cancels the download past it: an endless body costs at most the limit. */
    static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long max;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        private Flow.Subscription subscription;

        LimitedBody(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }

    private ProgramLoadException failure(String why) {
        return new ProgramLoadException(uri.toString(), ValidationReport.of(Problem.error(uri.toString(), "url.failed",
                LocalizedText.of("le programme n'a pas pu être téléchargé (" + why + ")",
                        "the program could not be downloaded (" + why + ")"))));
    }
}
