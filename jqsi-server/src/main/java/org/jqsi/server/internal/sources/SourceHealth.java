package org.jqsi.server.internal.sources;

import java.time.Instant;
import org.jqsi.core.model.LocalizedText;

/**
 * How a source stands, for {@code /healthz}.
 *
 * @param id the source's id
 * @param kind {@code ical} or {@code sheet}
 * @param location its URL or file
 * @param state {@code ok}, {@code broken} (its last fetch failed or its last copy was refused: its last good copy
 *     serves), or {@code waiting} (no copy yet)
 * @param activities how many of the program's activities are its own
 * @param lastSuccess when a copy was last fetched, or found unchanged, and served; {@code null} before
 * @param lastChange when its activities last changed in the program served; {@code null} before
 * @param lastErrorAt when its last error was, {@code null} if none
 * @param lastError what it was, in French and English
 */
public record SourceHealth(String id, String kind, String location, String state, int activities,
        Instant lastSuccess, Instant lastChange, Instant lastErrorAt, LocalizedText lastError) {
}
