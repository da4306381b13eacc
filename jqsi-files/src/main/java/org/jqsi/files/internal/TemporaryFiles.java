package org.jqsi.files.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files in which a file's replacement is written before it is renamed over it, and their leftovers.
 *
 * <p>A temporary file lies beside its target (a rename is atomic only within one file system) and is named after it
 * and after the process that writes it: {@code .programme.json.jqsi-4242-k3j5x9a1b2c3.tmp}, hidden, with the
 * writer's pid. A writer killed between creating it and renaming it leaves it behind; the next writer of the same
 * target, holding the target's lock, removes it. Holding the lock is what makes that safe: every writer of a target
 * creates its temporary file only while it holds the target's lock, so while the lock is held no live writer has
 * one. As a second guard, against a program that would write without the lock, a file whose pid is a live process
 * other than this one is left alone (a reused pid keeps a leftover until that process ends; it costs disk space,
 * never data).
 */
public final class TemporaryFiles {

    private static final String MARK = ".jqsi-";
    private static final String SUFFIX = ".tmp";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long PID = ProcessHandle.current().pid();

    private TemporaryFiles() {
    }

    /**
     * Creates a new, empty temporary file beside {@code target}, open for writing. Its permissions are those of any
     * new file of this process (0666 less the umask, 0644 with the usual umask), not the 0600 of
     * {@link Files#createTempFile}: a new target keeps them.
     */
    public static Created create(Path target) throws IOException {
        while (true) {
            Path file = target.resolveSibling("." + target.getFileName() + MARK + PID + "-"
                    + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36) + SUFFIX);
            try {
                return new Created(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE));
            } catch (FileAlreadyExistsException e) {
                // One chance in 2^63: another name.
            }
        }
    }

    /** A temporary file just created, and the channel that writes it. */
    public record Created(Path file, FileChannel channel) {
    }

    /** The pid that a temporary file of {@code target} names, if {@code file} is one. */
    static Optional<Long> writerOf(Path target, Path file) {
        Matcher name = pattern(target).matcher(file.getFileName().toString());
        if (!name.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(name.group(1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Pattern pattern(Path target) {
        return Pattern.compile("\\." + Pattern.quote(target.getFileName().toString()) + Pattern.quote(MARK)
                + "(\\d{1,19})-[0-9a-z]{1,13}" + Pattern.quote(SUFFIX));
    }

    /**
     * Removes the temporary files that killed writers of {@code target} left beside it; call it only while holding
     * the target's lock. Returns the files removed.
     */
    public static List<Path> removeLeftovers(Path target) throws IOException {
        Pattern pattern = pattern(target);
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target.getParent(),
                file -> pattern.matcher(file.getFileName().toString()).matches())) {
            for (Path file : files) {
                long writer = writerOf(target, file).orElse(PID);
                boolean otherLiveProcess = writer != PID
                        && ProcessHandle.of(writer).map(ProcessHandle::isAlive).orElse(false);
                if (otherLiveProcess) {
                    continue;
                }
                try {
                    if (Files.deleteIfExists(file)) {
                        removed.add(file);
                    }
                } catch (NoSuchFileException e) {
                    // Gone already.
                }
            }
        }
        return removed;
    }
}
