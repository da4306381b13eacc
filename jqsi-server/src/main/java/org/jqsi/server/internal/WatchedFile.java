package org.jqsi.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.json.ProgramReader;

/**
 * A program file on disk that tells when it changed, by its identity (device and inode where the system has them),
 * modification time and size. jqsi's commands replace a program file by renaming a complete new one over it
 * ({@link org.jqsi.files.LockedFile}): a read opens the old file or the new one, both whole, and the new one is a new
 * inode, so that even a change of the same size within the file system's clock tick is seen. A file that another
 * program writes in place may be caught half-written: it fails to parse and is refused, and the write that completes
 * it changes it again, and that version is loaded.
 */
public final class WatchedFile implements ChangingSource {

    private final Path path;
    private final ProgramFileSource file;
    private volatile String lastSeen;

    public WatchedFile(Path path, ProgramReader reader) {
        this.path = Objects.requireNonNull(path, "path").toAbsolutePath();
        this.file = ProgramFileSource.file(this.path, reader);
    }

    @Override
    public ProgramData read() throws ProgramLoadException {
        // Note the stamp before reading: a change during the read is then seen by the next check.
        lastSeen = stamp();
        refuseIfTooLarge();
        return file.read();
    }

    @Override
    public boolean hasChanged() {
        return !Objects.equals(stamp(), lastSeen);
    }

    @Override
    public String describe() {
        return file.describe();
    }

    private void refuseIfTooLarge() throws ProgramLoadException {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            // Missing or unreadable: reading says so, with the file's name.
            return;
        }
        if (size > MAX_PROGRAM_BYTES) {
            String where = path.toString();
            throw new ProgramLoadException(where, ValidationReport.of(Problem.error(where, "file.too-large",
                    ServerMessages.text("file.too-large", size, MAX_PROGRAM_BYTES / (1024 * 1024)))));
        }
    }

    private String stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.fileKey() + "/" + attributes.lastModifiedTime().toMillis() + "/" + attributes.size()
                    + "/" + attributes.lastModifiedTime().toInstant().getNano();
        } catch (IOException e) {
            // Gone or unreadable: different from any stamp it had, so the reload says why.
            return "unreadable: " + e.getClass().getSimpleName();
        }
    }
}
