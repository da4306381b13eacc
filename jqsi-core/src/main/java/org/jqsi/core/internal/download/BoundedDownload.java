package org.jqsi.core.internal.download;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads a document from an http(s) address that someone else controls, within bounds that no server can stretch:
 *
 * <ul>
 *   <li>a connect timeout, and one deadline for the whole exchange: the JDK's request timeout stops once the headers
 *       are in, and a server that then trickles its body (or never ends it) would otherwise hold the caller for good;
 *   <li>a size limit enforced while the body arrives, so that an endless body costs at most the limit;
 *   <li>only {@code 200} and {@code 203} carry a document; {@code 304} is an answer only to a conditional request
 *       ({@code If-None-Match} or {@code If-Modified-Since}); any other status is an {@link HttpStatusException},
 *       without waiting for its body;
 *   <li>only the identity encoding is asked for ({@code Accept-Encoding: identity}), and a body sent compressed anyway
 *       is refused rather than handed over as garbage;
 *   <li>redirects are followed as {@link HttpClient.Redirect#NORMAL} does (never from https to http), within the same
 *       deadline.
 * </ul>
 *
 * <p>Every error names the address. A download does not decode the body: its charset is the caller's business.
 * Thread-safe: one instance may serve concurrent downloads.
 */
public final class BoundedDownload {

    private final String what;
    private final Duration timeout;
    private final long maxBytes;
    private final HttpClient client;

    /**
     * Downloads with a client of its own (see {@link #client(Duration)}).
     *
     * @param what what is downloaded, for the error messages: "feed", "program file"
     * @param timeout the connect timeout, and the deadline of the whole exchange, redirects and body included
     * @param maxBytes the largest body accepted
     */
    public BoundedDownload(String what, Duration timeout, long maxBytes) {
        this(what, timeout, maxBytes, client(positive(timeout)));
    }

    /**
     * Downloads with a given client, whose connect timeout and redirect policy then apply; the deadline and the size
     * limit still bound every download.
     */
    public BoundedDownload(String what, Duration timeout, long maxBytes, HttpClient client) {
        this.what = Objects.requireNonNull(what, "what");
        this.timeout = positive(timeout);
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes: must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.client = Objects.requireNonNull(client, "client");
    }

    private static Duration positive(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: must be positive, was " + timeout);
        }
        return timeout;
    }

    /** A client that connects within the timeout and follows redirects, except from https to http. */
    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * GETs an address.
     *
     * @param url an http or https address
     * @param headers request headers ({@code Accept}, conditional headers); {@code Accept-Encoding} is set here
     * @return a 200 or 203 response with its whole body, or a 304 (with an empty body) to a conditional request
     * @throws IllegalArgumentException when the address is not http or https
     * @throws HttpTimeoutException when no connection, or no whole answer, came within the timeout
     * @throws BodyTooLargeException when the body is larger than the limit
     * @throws HttpStatusException when the status carries no document
     * @throws IOException when the exchange failed otherwise (refused, reset, not HTTP, encoded body, interrupted)
     */
    public HttpResponse<byte[]> get(URI url, Map<String, String> headers) throws IOException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("url: only http and https addresses are downloaded, not " + url);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
        headers.forEach(request::header);
        request.header("Accept-Encoding", "identity");
        boolean conditional = headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("If-None-Match")
                || name.equalsIgnoreCase("If-Modified-Since"));

        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(),
                info -> carriesDocument(info.statusCode()) && isIdentity(info.headers().firstValue("Content-Encoding")
                        .orElse("identity"))
                        ? new LimitedBody(maxBytes, () -> new BodyTooLargeException(url, what, maxBytes))
                        : new SkippedBody());
        HttpResponse<byte[]> response = await(url, exchange);

        int status = response.statusCode();
        if (status == 304 && conditional) {
            return response;
        }
        if (!carriesDocument(status)) {
            throw new HttpStatusException(url, status);
        }
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
        if (!isIdentity(encoding)) {
            throw new IOException(url + " sent the " + what + " with Content-Encoding " + encoding
                    + ", which was not asked for");
        }
        return response;
    }

    private HttpResponse<byte[]> await(URI url, CompletableFuture<HttpResponse<byte[]>> exchange) throws IOException {
        try {
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw incomplete(url);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                throw new HttpConnectTimeoutException(url + ": no connection within " + timeout.toMillis() + " ms");
            }
            if (cause instanceof HttpTimeoutException) {
                throw incomplete(url);
            }
            if (cause instanceof BodyTooLargeException tooLarge) {
                throw tooLarge;
            }
            throw new IOException("could not fetch " + url + ": " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while fetching " + url);
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    private HttpTimeoutException incomplete(URI url) {
        return new HttpTimeoutException(url + " did not send the whole " + what + " within " + timeout.toMillis()
                + " ms");
    }

    /** 200, or 203 (a 200 passed on by a transforming proxy); 206 never comes, as no range is asked for. */
    private static boolean carriesDocument(int status) {
        return status == 200 || status == 203;
    }

    private static boolean isIdentity(String encoding) {
        return encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity");
    }
}
