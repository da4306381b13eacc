package org.jqsi.web.internal;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The program version a cache last saw, so that it empties itself when another comes ({@link RenderedResponses},
 * {@link RenderedCards}): their entries' keys name the version, so an entry is never shown for another, and emptying
 * frees the old program's entries at once rather than when evicted.
 */
final class LastProgramVersion {

    private final AtomicReference<String> version = new AtomicReference<>("");

    /** Whether {@code seen} differs from the version seen before it: then the caller empties its cache. */
    boolean changedTo(String seen) {
        // Read first: every request passes here, and a write on each would bounce the line between cores.
        if (seen.equals(version.get())) {
            return false;
        }
        // During a reload, requests holding the old and the new program may alternate for a moment; each switch
        // empties the cache, which costs renders, never correctness.
        return !version.getAndSet(seen).equals(seen);
    }
}
