package org.jqsi.server.internal.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.FollowedSource;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.fetch.HttpValidators;
import org.jqsi.files.LockedFile;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;

/**
 * The last good copy of each source, on disk, so that a server restarted without network serves what it served: for a
 * source {@code id}, in the directory,
 * <ul>
 * <li>{@code id.copy}: the copy's bytes as fetched;</li>
 * <li>{@code id.state.json}: where it was fetched from, its validators ({@code ETag}, {@code Last-Modified}) and when;</li>
 * <li>{@code id.activities.json}: the source's activities as they were served (cancelled ones and revisions
 *     included), as a program file with the editions and partners they refer to, which {@code jqsi validate} reads.</li>
 * </ul>
 * Each file is written whole or not at all: a temporary file in the directory, flushed to the disk, then renamed over
 * the old one. A copy whose state names another location than the source's now (its URL was changed) is not used.
 */
final class SourceCopies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final ProgramReader reader;

    SourceCopies(Path directory, ProgramReader reader) {
        this.directory = directory.toAbsolutePath();
        this.reader = reader;
    }

    Path directory() {
        return directory;
    }

    /**
     * A copy kept.
     *
     * @param body its bytes
     * @param validators what its server said of it
     * @param fetchedAt when it was fetched, or last found unchanged
     * @param activities the source's activities as last served, or {@code null} when they cannot be read back
     */
    record Copy(byte[] body, HttpValidators validators, Instant fetchedAt, List<Activity> activities) {
    }

    /** The copy kept for a source, if there is one for its location now. */
    Optional<Copy> load(FollowedSource source) throws IOException {
        Path state = directory.resolve(source.id() + ".state.json");
        Path body = directory.resolve(source.id() + ".copy");
        if (!Files.exists(state) || !Files.exists(body)) {
            return Optional.empty();
        }
        JsonNode node = JSON.readTree(state.toFile());
        if (!source.location().equals(node.path("location").asText())) {
            return Optional.empty();
        }
        HttpValidators validators = new HttpValidators(text(node, "etag"),
                text(node, "lastModified"));
        Instant fetchedAt = node.hasNonNull("fetchedAt") ? Instant.parse(node.get("fetchedAt").asText()) : null;
        List<Activity> activities = null;
        Path served = directory.resolve(source.id() + ".activities.json");
        if (Files.exists(served)) {
            try {
                activities = reader.read(served).activities();
            } catch (ProgramLoadException e) {
                // Read again from the copy, with the activities it gives: only what it no longer has is lost.
                activities = null;
            }
        }
        return Optional.of(new Copy(Files.readAllBytes(body), validators, fetchedAt, activities));
    }

    /** Keeps a new copy and the activities it gave. */
    void save(FollowedSource source, Copy copy, ProgramData served) throws IOException {
        Files.createDirectories(directory);
        writeAtomically(directory.resolve(source.id() + ".activities.json"),
                ProgramWriter.forFiles().toBytes(served));
        writeAtomically(directory.resolve(source.id() + ".copy"), copy.body());
        ObjectNode state = JSON.createObjectNode();
        state.put("location", source.location());
        state.put("etag", copy.validators().etag());
        state.put("lastModified", copy.validators().lastModified());
        state.put("fetchedAt", copy.fetchedAt() == null ? null : copy.fetchedAt().toString());
        writeAtomically(directory.resolve(source.id() + ".state.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
    }

    private static String text(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.get(name).asText() : null;
    }

    /**
     * Writes a file whole or not at all, locked against another writer (a second server on the same copies): the
     * one way jqsi replaces a file ({@link LockedFile}: a temporary file beside it, forced to disk, renamed over it).
     */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        LockedFile.replace(file, LockedFile.DEFAULT_WAIT, notice -> { }, out -> out.write(bytes));
    }
}
