package org.jqsi.server.internal.sources;

import java.time.Instant;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.program.FollowedSource;
import org.jqsi.fetch.HttpValidators;

/**
 * Where one source stands: its last good copy and the activities it gave, a new copy waiting to be composed, and what
 * came of the last fetch and composition. Guarded by the {@link FollowedSources} that holds it.
 */
final class SourceState {

    /** A copy as fetched, with what its server said of it. */
    record Copy(byte[] body, HttpValidators validators) {
    }

    final FollowedSource source;
    /** The last copy composed into a valid program, or {@code null} before the first. */
    Copy good;
    /** The source's activities in the program served. */
    List<Activity> activities = List.of();
    /** A new copy not composed yet, or {@code null}. */
    Copy pending;
    /** The validators of the last copy fetched, good or refused: what the next conditional GET sends. */
    HttpValidators seen = HttpValidators.NONE;
    /** The modification stamp of a source file when it was last read. */
    String fileStamp;
    /** When a copy was last fetched, or found unchanged, and served. */
    Instant lastSuccess;
    /** When its activities last changed in the program served. */
    Instant lastChange;
    /** When the last error was, and what, or {@code null}. */
    Instant lastErrorAt;
    LocalizedText lastError;
    /** Whether the source is broken now: its last fetch failed or its last copy was refused. */
    boolean broken;
    /** Whether the last copy fetched was refused: an unchanged answer (304) to it keeps the source broken. */
    boolean seenRefused;

    SourceState(FollowedSource source) {
        this.source = source;
    }

    void failed(Instant at, LocalizedText why) {
        lastErrorAt = at;
        lastError = why;
        broken = true;
    }

    void succeeded(Instant at) {
        lastSuccess = at;
        broken = false;
    }
}
