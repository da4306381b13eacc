package org.jqsi.web.internal;

import java.util.concurrent.Executor;

/**
 * Where the widget's caches do their upkeep (eviction, the frequency sketch, draining their read and write buffers).
 *
 * <p>Caffeine hands it to {@code ForkJoinPool.commonPool()} by default: a pool thread woken for nearly every page
 * rendered afresh, as each one adds an entry to the response cache and to {@link KnownRequests}, and parked again.
 * Under {@code distinct.lua} (a new filter combination per request) that pool was 7 % of the server's CPU samples and
 * the parking and waking of threads 11-14 %. On the request's own thread the upkeep is a few map operations and runs
 * right after the entry is written, rather than whenever a pool thread gets to it: the caches come back within the
 * bounds {@code HeapRule} counts on sooner, above all on a loaded machine.
 */
final class CacheMaintenance {

    /** Runs the upkeep on the thread that read or wrote the cache. */
    static final Executor ON_CALLER = Runnable::run;

    private CacheMaintenance() {
    }
}
