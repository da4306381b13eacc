package org.jqsi.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jqsi.core.program.Program;

/**
 * HTTP validators: an {@code ETag} made of everything a response depends on (the program's version, the normalised
 * request, the language, the assets' version), and a {@code Last-Modified} that is when this server first served the
 * program's version. Both are the same on every server for the same program, apart from Last-Modified's clock, so
 * caches and a load balancer in front of several servers agree on the ETag.
 */
public final class Validators {

    private record Seen(String version, Instant at) {
    }

    private final Clock clock;
    private final AtomicReference<Seen> seen = new AtomicReference<>();

    public Validators(Clock clock) {
        this.clock = clock;
    }

    /** A strong ETag for a response made from these parts. */
    public static String etag(String... parts) {
        String joined = String.join("\n", parts);
        return '"' + Assets.sha256(joined.getBytes(StandardCharsets.UTF_8)).substring(0, 32) + '"';
    }

    /** When the program being served first showed up here, to the second. */
    public Instant lastModified(Program program) {
        Seen current = seen.get();
        if (current == null || !current.version().equals(program.version())) {
            Seen fresh = new Seen(program.version(), clock.instant().truncatedTo(ChronoUnit.SECONDS));
            // Another thread may have recorded the same version a moment earlier: keep the first.
            current = seen.updateAndGet(s -> s != null && s.version().equals(fresh.version()) ? s : fresh);
        }
        return current.at();
    }

    /**
     * Whether the client's copy is still good: {@code If-None-Match} when it is sent (it wins, as RFC 9110 says),
     * else {@code If-Modified-Since}.
     */
    public static boolean notModified(HttpServletRequest request, String etag, Instant lastModified) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.strip();
                if (candidate.startsWith("W/")) {
                    candidate = candidate.substring(2);
                }
                if (candidate.equals("*") || candidate.equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        if (lastModified == null) {
            return false;
        }
        long since;
        try {
            since = request.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException e) {
            return false;
        }
        return since >= 0 && lastModified.getEpochSecond() <= since / 1000;
    }
}
