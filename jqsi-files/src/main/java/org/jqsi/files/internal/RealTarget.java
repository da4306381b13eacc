package org.jqsi.files.internal;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The file that writing to a path changes: the path itself, or, when it is a symbolic link, the file it points to
 * (through every link of a chain, the last one possibly dangling: writing creates its target, as {@code >} does in a
 * shell). Replacing that file by a rename keeps the links as they are; renaming over the link would turn it into a
 * regular file, and the file it pointed to would no longer change.
 */
public final class RealTarget {

    /** As Linux's {@code MAXSYMLINKS}: more than this is a loop. */
    private static final int MAX_LINKS = 40;

    private RealTarget() {
    }

    /**
     * The real file behind {@code file}, absolute, in a directory without symbolic links.
     *
     * @throws NoSuchFileException naming {@code file} when its directory does not exist
     * @throws FileSystemException when the links loop, or the path names no file (a root)
     */
    public static Path of(Path file) throws IOException {
        Path current = file.toAbsolutePath();
        for (int links = 0; links <= MAX_LINKS; links++) {
            Path name = current.getFileName();
            Path parent = current.getParent();
            if (name == null || parent == null) {
                throw new FileSystemException(file.toString(), null, "is a directory");
            }
            // The directory without links, so that two paths to one file give one lock file and one real target.
            Path directory;
            try {
                directory = parent.toRealPath();
            } catch (NoSuchFileException e) {
                // Named as the caller knows it, as writing to it would have.
                NoSuchFileException missing = new NoSuchFileException(file.toString(), null,
                        "no such directory: " + parent);
                missing.initCause(e);
                throw missing;
            }
            current = directory.resolve(name);
            if (!Files.isSymbolicLink(current)) {
                if (Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileSystemException(file.toString(), null, "is a directory");
                }
                return current;
            }
            // A relative link is relative to the directory that holds it.
            current = directory.resolve(Files.readSymbolicLink(current));
        }
        throw new FileSystemException(file.toString(), null, "too many levels of symbolic links");
    }
}
