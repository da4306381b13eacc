package org.jqsi.server;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jqsi.core.model.Language;

/**
 * How the server runs.
 *
 * @param host the address to listen on ({@code 0.0.0.0} for every interface, {@code 127.0.0.1} for this machine)
 * @param port the port, or 0 for any free one
 * @param contextPath where everything is mounted: {@code ""} for the root, or a path such as {@code /jqsi}
 * @param baseUrl the public address of the server as partners reach it, or {@code null} to take it from requests
 * @param frameAncestors the sites allowed to frame the widget (CSP {@code frame-ancestors} sources)
 * @param reloadInterval how often the program's file or URL is checked for a change
 * @param stopTimeout how long requests in flight may take to finish when the server stops
 * @param maxThreads the most requests served at once
 * @param maxQueued how many more connections than threads may be open at once; beyond that, new ones wait in the
 *     system's backlog
 * @param idleTimeout how long a connection may go without a byte in either direction before the server closes it.
 *     It is what frees a connection held by a client that sends nothing, sends its request a byte at a time, or
 *     stops reading a response: each such connection counts against {@code maxThreads + maxQueued}, so shorter
 *     frees them sooner, but a phone on a bad network may pause for seconds between packets. 30 s by default.
 * @param language the language of what the server says on its console, such as why a changed program was refused:
 *     French by default
 * @param imageOrigins the https origins activities' pictures may be loaded from ({@link #withImageOrigins})
 */
public record ServerSettings(
        String host,
        int port,
        String contextPath,
        URI baseUrl,
        List<String> frameAncestors,
        Duration reloadInterval,
        Duration stopTimeout,
        int maxThreads,
        int maxQueued,
        Duration idleTimeout,
        Language language,
        List<String> imageOrigins) {

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port: must be from 0 to 65535, was " + port);
        }
        contextPath = normalizePath(contextPath);
        frameAncestors = List.copyOf(frameAncestors);
        Objects.requireNonNull(reloadInterval, "reloadInterval");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        if (reloadInterval.isNegative() || reloadInterval.isZero()) {
            throw new IllegalArgumentException("reloadInterval: must be positive, was " + reloadInterval);
        }
        if (maxThreads < 4 || maxQueued < 1) {
            throw new IllegalArgumentException("maxThreads: at least 4, maxQueued: at least 1");
        }
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("idleTimeout: must be at least 1 ms, was " + idleTimeout);
        }
        Objects.requireNonNull(language, "language");
        imageOrigins = List.copyOf(imageOrigins);
        for (String origin : imageOrigins) {
            if (!origin.matches("https://[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
                throw new IllegalArgumentException("imageOrigins: not an https origin: " + origin);
            }
        }
    }

    /**
     * Port 8080 on every interface, at the root, checking the program every two seconds, closing connections idle
     * for 30 s.
     */
    public static ServerSettings defaults() {
        return new ServerSettings("0.0.0.0", 8080, "", null, List.of("*"), Duration.ofSeconds(2),
                Duration.ofSeconds(10), 64, 256, Duration.ofSeconds(30), Language.FR, List.of());
    }

    public ServerSettings withPort(int value) {
        return new ServerSettings(host, value, contextPath, baseUrl, frameAncestors, reloadInterval, stopTimeout,
                maxThreads, maxQueued, idleTimeout, language, imageOrigins);
    }

    public ServerSettings withHost(String value) {
        return new ServerSettings(value, port, contextPath, baseUrl, frameAncestors, reloadInterval, stopTimeout,
                maxThreads, maxQueued, idleTimeout, language, imageOrigins);
    }

    public ServerSettings withContextPath(String value) {
        return new ServerSettings(host, port, value, baseUrl, frameAncestors, reloadInterval, stopTimeout,
                maxThreads, maxQueued, idleTimeout, language, imageOrigins);
    }

    public ServerSettings withBaseUrl(URI value) {
        return new ServerSettings(host, port, contextPath, value, frameAncestors, reloadInterval, stopTimeout,
                maxThreads, maxQueued, idleTimeout, language, imageOrigins);
    }

    public ServerSettings withFrameAncestors(List<String> value) {
        return new ServerSettings(host, port, contextPath, baseUrl, value, reloadInterval, stopTimeout, maxThreads,
                maxQueued, idleTimeout, language, imageOrigins);
    }

    public ServerSettings withReloadInterval(Duration value) {
        return new ServerSettings(host, port, contextPath, baseUrl, frameAncestors, value, stopTimeout, maxThreads,
                maxQueued, idleTimeout, language, imageOrigins);
    }

    public ServerSettings withStopTimeout(Duration value) {
        return new ServerSettings(host, port, contextPath, baseUrl, frameAncestors, reloadInterval, value, maxThreads,
                maxQueued, idleTimeout, language, imageOrigins);
    }

    public ServerSettings withIdleTimeout(Duration value) {
        return new ServerSettings(host, port, contextPath, baseUrl, frameAncestors, reloadInterval, stopTimeout,
                maxThreads, maxQueued, value, language, imageOrigins);
    }

    public ServerSettings withLanguage(Language value) {
        return new ServerSettings(host, port, contextPath, baseUrl, frameAncestors, reloadInterval, stopTimeout,
                maxThreads, maxQueued, idleTimeout, value, imageOrigins);
    }

    /**
     * The https origins activities' pictures may be loaded from in the widget's pages (CSP {@code img-src}); none by
     * default, so that a page never loads an image from an address the operator did not list.
     *
     * @throws IllegalArgumentException when one is not an https origin ({@code https://images.example.org})
     */
    public ServerSettings withImageOrigins(List<String> value) {
        return new ServerSettings(host, port, contextPath, baseUrl, frameAncestors, reloadInterval, stopTimeout,
                maxThreads, maxQueued, idleTimeout, language, value);
    }

    private static String normalizePath(String path) {
        if (path == null || path.isBlank() || path.equals("/")) {
            return "";
        }
        String trimmed = path.strip();
        if (!trimmed.matches("(/[A-Za-z0-9._~-]+)+/?")) {
            throw new IllegalArgumentException("contextPath: letters, digits and . _ ~ - between slashes, was " + path);
        }
        trimmed = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        return trimmed;
    }
}
