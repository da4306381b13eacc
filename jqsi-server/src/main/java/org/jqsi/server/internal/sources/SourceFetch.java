package org.jqsi.server.internal.sources;

import java.net.URI;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.fetch.HttpValidators;

/**
 * Fetches a source's URL with a conditional GET: what the server follows asks again with the validators of the copy it
 * has, and an unchanged source answers 304. Implementations bound the time and size of a download, refuse the
 * addresses the source does not allow, and say every failure in words: {@link HttpSourceFetch}; the tests give their
 * own, in memory.
 */
public interface SourceFetch {

    /** What came of a fetch. */
    sealed interface Result {
    }

    /** The copy the validators name is still current (304). */
    record NotModified() implements Result {
    }

    /** A new copy, with what its server said of it. */
    record Fetched(byte[] body, HttpValidators validators) implements Result {
    }

    /** No copy: why, in French and English, naming the address. */
    record Failed(LocalizedText reason) implements Result {
    }

    /**
     * Fetches a source, never throwing for what the network or the other server does.
     *
     * @param previous the validators of the copy the caller has, or {@link HttpValidators#NONE}
     * @param allowPrivateAddress whether the address may be a private, loopback or link-local one
     */
    Result fetch(URI url, HttpValidators previous, boolean allowPrivateAddress);
}
