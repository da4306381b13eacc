package org.jqsi.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.fetch.FetchException.Kind;
import org.jqsi.fetch.internal.FetchMessages;
import org.jqsi.fetch.internal.HostAddresses;
import org.jqsi.fetch.internal.LimitedBody;
import org.jqsi.fetch.internal.SkippedBody;

/**
 * Downloads a document from an http(s) address that someone else controls, within bounds that no server can stretch:
 *
 * <ul>
 *   <li>a connect timeout, and one deadline for the whole exchange, redirects and body included: the JDK's request
 *       timeout stops once the headers are in, and a server that then trickles its body (or never ends it) would
 *       otherwise hold the caller for good;
 *   <li>a size limit enforced while the body arrives, so that an endless body costs at most the limit;
 *   <li>only {@code 200} and {@code 203} carry a document; {@code 304} answers a conditional request
 *       ({@link #get(URI, String, HttpValidators)}); any other status fails at once, without waiting for its body;
 *   <li>only the identity encoding is asked for ({@code Accept-Encoding: identity}), and a body sent compressed anyway
 *       is refused rather than handed over as garbage;
 *   <li>the {@link AddressPolicy}: by default, public addresses only, judged after the host is resolved (every address
 *       it has) and again at each redirect;
 *   <li>redirects ({@code 301}, {@code 302}, {@code 303}, {@code 307}, {@code 308}) followed here, not by the JDK's
 *       client, so that each target is judged: at most {@value #MAX_REDIRECTS}, to http or https only, a relative
 *       {@code Location} read against the address that sent it, and never from https to http (a document asked for
 *       over https is not taken over a connection anyone on the way can read and change).
 * </ul>
 *
 * <p>Every failure is a {@link FetchException} that names the address and says why in French and English. A download
 * does not decode the body: its charset is the caller's business. Thread-safe: one instance may serve concurrent
 * downloads, through one HTTP client of its own.
 */
public final class BoundedDownload {

    /** The most redirects followed for one document. */
    public static final int MAX_REDIRECTS = 5;

    /** Threads for name lookups; a lookup past its deadline finishes there, unwaited for. */
    private static final ExecutorService LOOKUPS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "jqsi-fetch-lookup");
        thread.setDaemon(true);
        return thread;
    });

    private final LocalizedText what;
    private final Duration timeout;
    private final long maxBytes;
    private final AddressGate gate;
    private final HttpClient client;

    /**
     * A download.
     *
     * @param what what is downloaded, for the messages, with its article: {@code LocalizedText.of("le flux",
     *     "the feed")}
     * @param timeout the connect timeout, and the deadline of the whole exchange, redirects and body included
     * @param maxBytes the largest body accepted, in bytes
     * @param addresses the addresses that may be fetched from ({@link AddressPolicy#PUBLIC_ONLY} unless the operator
     *     allowed others)
     * @throws IllegalArgumentException when the timeout or the limit is not positive
     */
    public BoundedDownload(LocalizedText what, Duration timeout, long maxBytes, AddressPolicy addresses) {
        this(what, timeout, maxBytes, new AddressGate(addresses, null));
    }

    /** A download through a given address gate: the tests give one that lets their loopback server through. */
    BoundedDownload(LocalizedText what, Duration timeout, long maxBytes, AddressGate gate) {
        this.what = Objects.requireNonNull(what, "what");
        this.timeout = positive(timeout);
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes: must be positive, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.gate = Objects.requireNonNull(gate, "gate");
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * GETs a document.
     *
     * @param url an http or https address
     * @param accept the {@code Accept} header: {@code text/calendar, *}{@code /*;q=0.5}
     * @return the whole document
     * @throws IllegalArgumentException when the address is not http or https
     * @throws FetchException when there is no document to give, with why
     * @throws InterruptedIOException when the thread was interrupted (its interrupt flag is set again)
     */
    public Fetched.Document get(URI url, String accept) throws IOException {
        return (Fetched.Document) fetch(url, accept, HttpValidators.NONE);
    }

    /**
     * GETs a document unless it has not changed since the copy the caller holds: the conditional GET of RFC 9110
     * §13.1 ({@code If-None-Match}, {@code If-Modified-Since}), for sources fetched again and again.
     *
     * @param url an http or https address
     * @param accept the {@code Accept} header
     * @param previous the validators that came with the copy the caller holds, {@link HttpValidators#NONE} for none
     * @return {@link Fetched.NotModified} when the server answers 304 to validators given; else the whole document
     *     with its new validators
     * @throws IllegalArgumentException when the address is not http or https
     * @throws FetchException when there is no document to give, with why (a 304 to a request with no validators is
     *     an {@link Kind#HTTP_STATUS})
     * @throws InterruptedIOException when the thread was interrupted (its interrupt flag is set again)
     */
    public Fetched get(URI url, String accept, HttpValidators previous) throws IOException {
        return fetch(url, accept, Objects.requireNonNull(previous, "previous"));
    }

    private Fetched fetch(URI url, String accept, HttpValidators previous) throws IOException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(accept, "accept");
        if (!Redirects.isHttp(url)) {
            throw new IllegalArgumentException("url: only http and https addresses are downloaded, not " + url);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        URI hop = url;
        for (int redirects = 0; ; redirects++) {
            URI current = hop;
            // Name lookups cannot be interrupted, and a name's own DNS servers may be slow on purpose: they are
            // waited for within the deadline, and left to finish on their own past it.
            String host = beforeDeadline(url, hop, deadline, () -> gate.check(url, current));
            HttpResponse<byte[]> response = exchange(url, hop, accept, previous, deadline);
            // DNS rebinding: the client looked the name up again.
            beforeDeadline(url, hop, deadline, () -> {
                gate.recheck(url, current, host);
                return host;
            });
            if (!Redirects.isRedirect(response.statusCode())) {
                return answer(url, hop, response, previous);
            }
            URI next = Redirects.target(url, hop, response.statusCode(),
                    response.headers().firstValue("Location").orElse(null));
            if (redirects == MAX_REDIRECTS) {
                throw FetchException.at(url, hop, Kind.REDIRECT_REFUSED, FetchMessages.text("redirect.too-many",
                        String.valueOf(MAX_REDIRECTS)));
            }
            hop = next;
        }
    }

    /** One request and its answer: the body when it carries a document, within the limit; else none. */
    private HttpResponse<byte[]> exchange(URI url, URI hop, String accept, HttpValidators previous, long deadline)
            throws IOException {
        return await(url, hop, client.sendAsync(request(url, hop, accept, previous, deadline),
                info -> carriesDocument(info.statusCode())
                        && isIdentity(info.headers().firstValue("Content-Encoding").orElse("identity"))
                        ? new LimitedBody(maxBytes, () -> FetchException.at(url, hop, Kind.TOO_LARGE,
                                FetchMessages.text("fetch.too-large", what, size(maxBytes))))
                        : new SkippedBody()), deadline);
    }

    private HttpRequest request(URI url, URI hop, String accept, HttpValidators previous, long deadline)
            throws FetchException {
        HttpRequest.Builder request = HttpRequest.newBuilder(hop).timeout(remaining(url, hop, deadline)).GET()
                .header("Accept", accept)
                .header("Accept-Encoding", "identity");
        if (previous.etag() != null) {
            request.header("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            request.header("If-Modified-Since", previous.lastModified());
        }
        return request.build();
    }

    /** Something that ends on its own, such as a name lookup, waited for until the deadline at most. */
    private <T> T beforeDeadline(URI url, URI hop, long deadline, Callable<T> work) throws IOException {
        return await(url, hop, LOOKUPS.submit(work), deadline);
    }

    private <T> T await(URI url, URI hop, Future<T> exchange, long deadline) throws IOException {
        try {
            return exchange.get(remaining(url, hop, deadline).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw incomplete(url, hop, e);
        } catch (ExecutionException e) {
            throw failure(url, hop, e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while fetching " + url);
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    /** What a failed exchange means, in words. */
    private FetchException failure(URI url, URI hop, Throwable cause) {
        if (cause instanceof FetchException known) {
            return known;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return FetchException.at(url, hop, Kind.TIMED_OUT,
                    FetchMessages.text("fetch.no-connection", duration(timeout)), cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return incomplete(url, hop, cause);
        }
        if (cause instanceof UnknownHostException
                || cause instanceof ConnectException && cause.getCause() instanceof UnresolvedAddressException) {
            return FetchException.at(url, hop, Kind.UNREACHABLE, FetchMessages.text("fetch.unknown-host",
                    HostAddresses.hostOf(hop)), cause);
        }
        if (cause instanceof ConnectException) {
            return FetchException.at(url, hop, Kind.UNREACHABLE, FetchMessages.text("fetch.connection-refused"),
                    cause);
        }
        String detail = cause == null || cause.getMessage() == null || cause.getMessage().isBlank()
                ? null : cause.getMessage();
        return FetchException.at(url, hop, Kind.UNREACHABLE, detail == null ? FetchMessages.text("fetch.cut")
                : FetchMessages.text("fetch.exchange-failed", detail), cause);
    }

    private FetchException incomplete(URI url, URI hop, Throwable cause) {
        return FetchException.at(url, hop, Kind.TIMED_OUT, FetchMessages.text("fetch.incomplete", duration(timeout)),
                cause);
    }

    private static Duration positive(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: must be positive, was " + timeout);
        }
        return timeout;
    }

    /** The time left before the deadline, or a timeout when there is none. */
    private Duration remaining(URI url, URI hop, long deadline) throws FetchException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw incomplete(url, hop, null);
        }
        return Duration.ofNanos(left);
    }

    private Fetched answer(URI url, URI hop, HttpResponse<byte[]> response, HttpValidators previous)
            throws FetchException {
        int status = response.statusCode();
        HttpValidators sent = new HttpValidators(response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null));
        if (status == 304 && !previous.isEmpty()) {
            return new Fetched.NotModified(hop, sent.orElse(previous));
        }
        if (!carriesDocument(status)) {
            throw new FetchException(url, Kind.HTTP_STATUS,
                    FetchException.at(url, hop, FetchMessages.text("fetch.status", String.valueOf(status))), status,
                    null);
        }
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity");
        if (!isIdentity(encoding)) {
            throw FetchException.at(url, hop, Kind.UNWANTED_ENCODING,
                    FetchMessages.text("fetch.encoding", what, encoding));
        }
        return new Fetched.Document(hop, response.body(), response.headers().firstValue("Content-Type").orElse(null),
                sent);
    }

    /** 200, or 203 (a 200 passed on by a transforming proxy); 206 never comes, as no range is asked for. */
    private static boolean carriesDocument(int status) {
        return status == 200 || status == 203;
    }

    private static boolean isIdentity(String encoding) {
        return encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity");
    }

    /** {@code 20 s}, or {@code 500 ms} for a time that is not whole seconds. */
    private static String duration(Duration time) {
        return time.toMillis() % 1000 == 0 ? time.toSeconds() + " s" : time.toMillis() + " ms";
    }

    /** {@code 64 MiB} (« 64 Mio »), or {@code 1000 bytes} for a size that is not whole mebibytes. */
    private static LocalizedText size(long bytes) {
        long mebibyte = 1024 * 1024;
        return bytes % mebibyte == 0 ? FetchMessages.text("size.mebibytes", String.valueOf(bytes / mebibyte))
                : FetchMessages.text("size.bytes", String.valueOf(bytes));
    }
}
