package org.jqsi.web.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;

/**
 * Responses already rendered, kept by their ETag so that a page or feed asked for again is sent without querying or
 * rendering. The ETag is made of everything a response depends on, program version included, so equal ETags name
 * equal bytes and an entry can never be served for another program. When the program changes, the entries of the
 * old one are dropped at once rather than left to age out: none of them can be asked for again.
 *
 * <p>Bounded by bytes. Two threads missing the same entry at once both render it; holding one back instead would
 * block unrelated requests inside the cache while a page renders.
 */
final class RenderedResponses {

    /**
     * A rendered response body.
     *
     * @param body the bytes sent
     * @param jsonLd the JSON-LD the body carries, whose hash the page's CSP must allow, or {@code null}
     */
    record Rendered(byte[] body, JsonLd jsonLd) {
    }

    /** What an entry costs besides its body: the key, the record, the cache's own node. */
    private static final int ENTRY_OVERHEAD = 200;

    private final Cache<String, Rendered> cache;
    private final LastProgramVersion lastVersion = new LastProgramVersion();

    RenderedResponses(long maximumBytes) {
        this.cache = maximumBytes == 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maximumBytes)
                .<String, Rendered>weigher((etag, rendered) -> weight(rendered))
                .executor(CacheMaintenance.ON_CALLER)
                .build();
    }

    /** The response rendered earlier under this ETag for this program version, if it is still kept. */
    Optional<Rendered> find(String programVersion, String etag) {
        if (cache == null) {
            return Optional.empty();
        }
        forgetOtherVersions(programVersion);
        return Optional.ofNullable(cache.getIfPresent(etag));
    }

    /** Keeps a response just rendered from this program version. */
    void keep(String programVersion, String etag, Rendered rendered) {
        if (cache == null) {
            return;
        }
        forgetOtherVersions(programVersion);
        cache.put(etag, rendered);
    }

    /**
     * Evicts now what the bound requires. The cache evicts on the writing thread right after a write
     * ({@link CacheMaintenance}), but a write that finds another thread at it leaves the eviction to that one, so for
     * a moment it can hold more than its bytes; this waits for none of that.
     */
    void evictNow() {
        if (cache != null) {
            cache.cleanUp();
        }
    }

    /** How many responses are kept now. */
    long size() {
        return cache == null ? 0 : cache.estimatedSize();
    }

    private void forgetOtherVersions(String version) {
        if (lastVersion.changedTo(version)) {
            cache.invalidateAll();
        }
    }

    private static int weight(Rendered rendered) {
        long bytes = (long) rendered.body().length + ENTRY_OVERHEAD
                + (rendered.jsonLd() == null ? 0 : 2L * rendered.jsonLd().text().length());
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
