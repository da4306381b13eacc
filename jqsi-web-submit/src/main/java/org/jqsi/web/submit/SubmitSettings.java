package org.jqsi.web.submit;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jqsi.core.model.Language;

/**
 * How the submission API is served: its public address, the size of what it reads, and how often one client may
 * submit.
 *
 * <p>The rate limit is a token bucket per client address: a client may send {@code burst} submissions at once, and
 * then {@code perWindow} in each {@code window} (one every {@code window / perWindow}); each {@code POST} counts,
 * accepted or not, and one over the limit is answered {@code 429 Too Many Requests} with {@code Retry-After}. An IPv6
 * client is counted by its {@code /64} network, which a single household or host is given whole.
 *
 * @param baseUrl the public address the API is mounted at ({@code https://jqsi.example.org/submit/}), from which the
 *     status pages' addresses are made; {@code null} to take it from each request (the {@code Host} it was sent to)
 * @param defaultLanguage the language of clients who ask for neither French nor English ({@code Accept-Language},
 *     {@code ?lang=})
 * @param maxBodyBytes the largest request body read, in bytes; a larger one is answered {@code 413} once up to eight
 *     times this much of it has been read and dropped (so that the client, still sending, reads the answer rather
 *     than a reset), and the connection closed
 * @param burst how many submissions one address may send at once, at least 1
 * @param perWindow how many more it may send in each {@code window}, at least 1
 * @param window the period of {@code perWindow}, positive
 * @param trustedProxies the addresses of the reverse proxies in front of the server, whose {@code X-Forwarded-For}
 *     is believed; empty (the default) to count each request by the address it came from and ignore that header,
 *     which anyone can write
 * @param formSecret the secret that signs the submission form's tokens against cross-site requests (HMAC-SHA256), at
 *     least 32 characters; {@code null} (the default) for a random one made when the servlet starts, which is right
 *     for one server. Servers behind one load balancer share one, so that a form got from one can be sent to
 *     another; a form left open across a restart is then still taken. Never shown by {@link #toString()}
 */
public record SubmitSettings(URI baseUrl, Language defaultLanguage, int maxBodyBytes, int burst, int perWindow,
        Duration window, List<InetAddress> trustedProxies, String formSecret) {

    /** The default body limit: 256 KiB, room for an activity with both its 20,000-character descriptions. */
    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    /** The default burst: 20 submissions at once, a regional committee entering its week. */
    public static final int DEFAULT_BURST = 20;

    /** The default rate: 60 submissions an hour after the burst. */
    public static final int DEFAULT_PER_WINDOW = 60;

    /** The default window: one hour. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    /** The largest body limit allowed: what is read is held in memory. */
    public static final int MAX_BODY_LIMIT = 16 * 1024 * 1024;

    public SubmitSettings {
        if (baseUrl != null) {
            String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null
                    || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl: must be an absolute http(s) address without query, was "
                        + baseUrl);
            }
            if (!baseUrl.getPath().endsWith("/")) {
                baseUrl = URI.create(baseUrl + "/");
            }
        }
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        if (maxBodyBytes < 1024 || maxBodyBytes > MAX_BODY_LIMIT) {
            throw new IllegalArgumentException("maxBodyBytes: from 1024 to " + MAX_BODY_LIMIT + ", was "
                    + maxBodyBytes);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst: at least 1, was " + burst);
        }
        if (perWindow < 1) {
            throw new IllegalArgumentException("perWindow: at least 1, was " + perWindow);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window: must be positive, was " + window);
        }
        trustedProxies = List.copyOf(trustedProxies);
        if (formSecret != null && formSecret.length() < 32) {
            throw new IllegalArgumentException("formSecret: at least 32 characters, was "
                    + formSecret.length());
        }
    }

    /**
     * The same settings with the form's shared secret: what a server on a shared database takes from it
     * ({@code Database.sharedSecret}).
     *
     * @throws IllegalArgumentException if the secret is shorter than 32 characters
     */
    public SubmitSettings withFormSecret(String secret) {
        return new SubmitSettings(baseUrl, defaultLanguage, maxBodyBytes, burst, perWindow, window, trustedProxies,
                Objects.requireNonNull(secret, "secret"));
    }

    /** The settings, the form's secret left out. */
    @Override
    public String toString() {
        return "SubmitSettings[baseUrl=" + baseUrl + ", defaultLanguage=" + defaultLanguage + ", maxBodyBytes="
                + maxBodyBytes + ", burst=" + burst + ", perWindow=" + perWindow + ", window=" + window
                + ", trustedProxies=" + trustedProxies + ", formSecret=" + (formSecret == null ? "random" : "given")
                + "]";
    }

    /**
     * French, the address taken from each request, bodies up to 256 KiB, 20 submissions at once then 60 an hour per
     * address, no proxy trusted.
     */
    public static SubmitSettings defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link SubmitSettings}, starting from the defaults. */
    public static final class Builder {
        private URI baseUrl;
        private Language defaultLanguage = Language.FR;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int burst = DEFAULT_BURST;
        private int perWindow = DEFAULT_PER_WINDOW;
        private Duration window = DEFAULT_WINDOW;
        private final List<InetAddress> trustedProxies = new ArrayList<>();
        private String formSecret;

        private Builder() {
        }

        public Builder baseUrl(URI value) {
            baseUrl = value;
            return this;
        }

        public Builder defaultLanguage(Language value) {
            defaultLanguage = value;
            return this;
        }

        public Builder maxBodyBytes(int value) {
            maxBodyBytes = value;
            return this;
        }

        /** {@code burst} submissions at once, then {@code perWindow} in each {@code window}, per address. */
        public Builder rateLimit(int burstSize, int count, Duration per) {
            burst = burstSize;
            perWindow = count;
            window = per;
            return this;
        }

        public Builder trustedProxies(List<InetAddress> value) {
            trustedProxies.clear();
            trustedProxies.addAll(value);
            return this;
        }

        /** The form's shared secret, at least 32 characters; {@code null} for a random one per servlet. */
        public Builder formSecret(String value) {
            formSecret = value;
            return this;
        }

        public SubmitSettings build() {
            return new SubmitSettings(baseUrl, defaultLanguage, maxBodyBytes, burst, perWindow, window,
                    trustedProxies, formSecret);
        }
    }
}
