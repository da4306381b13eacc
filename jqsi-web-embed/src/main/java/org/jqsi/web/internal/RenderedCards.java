package org.jqsi.web.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jqsi.core.model.Language;

/**
 * The list's activity cards already rendered ({@link CardBytes}), so that a list page nobody asked for yet (a new
 * combination of filters, another page, a crawler) reuses the cards that other pages rendered instead of building
 * each card's texts and escaping them again: most of what a fresh page costs.
 *
 * <p>A card's bytes depend on the program (the activity, its partners' names), the language, and the address the
 * widget is reached at (its links); the list's filters are left out of them ({@link CardBytes}). The key holds all of
 * these, the program's version included, so that a card is never shown for another program; when the program
 * changes (a reload, an approved submission), the old version's cards are dropped at once rather than left to age
 * out: none of them can be asked for again.
 *
 * <p>Bounded by bytes ({@link org.jqsi.web.WidgetSettings#cardBytes()}), apart from the cache of whole responses.
 * Safe under concurrent requests; two requests missing the same card at once both render it (the same bytes), which
 * costs less than holding one back inside the cache.
 */
final class RenderedCards {

    /** What an entry costs besides its bytes: the key, the arrays' headers, the cache's own node. */
    static final int ENTRY_OVERHEAD = 200;

    private record Key(String programVersion, String base, Language language, String activityId) {
    }

    private final Cache<Key, CardBytes> cache;
    private final long maximumBytes;
    private final LastProgramVersion lastVersion = new LastProgramVersion();

    /** @param maximumBytes the most the cards may weigh, in bytes; {@code 0} keeps none */
    RenderedCards(long maximumBytes) {
        this.maximumBytes = maximumBytes;
        this.cache = maximumBytes == 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maximumBytes)
                .<Key, CardBytes>weigher((key, card) -> weight(card))
                .executor(CacheMaintenance.ON_CALLER)
                .build();
    }

    /**
     * The card rendered earlier for this activity, program version, widget address and language, or {@code null}.
     *
     * @param base where the widget is reached ({@link WidgetAddresses#base()})
     */
    CardBytes find(String programVersion, String base, Language language, String activityId) {
        if (cache == null) {
            return null;
        }
        forgetOtherVersions(programVersion);
        return cache.getIfPresent(new Key(programVersion, base, language, activityId));
    }

    /** Keeps a card just rendered from this program version. */
    void keep(String programVersion, String base, Language language, String activityId, CardBytes card) {
        if (cache == null) {
            return;
        }
        forgetOtherVersions(programVersion);
        cache.put(new Key(programVersion, base, language, activityId), card);
    }

    /**
     * Evicts now what the bound requires. The cache evicts on the writing thread right after a write
     * ({@link CacheMaintenance}), but a write that finds another thread at it leaves the eviction to that one, so for
     * a moment it can hold more than its bound; this waits for none of that.
     */
    void evictNow() {
        if (cache != null) {
            cache.cleanUp();
        }
    }

    /** How many cards are kept now. */
    long size() {
        return cache == null ? 0 : cache.estimatedSize();
    }

    /** What the kept cards weigh now, in bytes (their entries' overhead included). */
    long weight() {
        return cache == null ? 0 : cache.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /** The bound, in bytes. */
    long maximumBytes() {
        return maximumBytes;
    }

    private void forgetOtherVersions(String version) {
        if (lastVersion.changedTo(version)) {
            cache.invalidateAll();
        }
    }

    private static int weight(CardBytes card) {
        return (int) Math.min(Integer.MAX_VALUE, card.size() + 16L * card.parts().length + ENTRY_OVERHEAD);
    }
}
