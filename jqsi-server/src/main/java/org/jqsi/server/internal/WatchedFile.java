package org.jqsi.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.Problem;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.json.ProgramReader;

/**
 * A program file on disk that tells when it changed, and is read only when it is still, so that a program that no
 * version of the file held is never served.
 *
 * <ul>
 *   <li><b>Replaced by a rename</b> (as jqsi's commands do, {@link org.jqsi.files.LockedFile}): the path names a new
 *       file (a new inode), complete before it was renamed: it is read at the next check.</li>
 *   <li><b>Changed in place</b> (an editor, {@code cp}, a deploy tool writing into the file): the same inode with another
 *       size, modification time, change time (ctime) or readability. It is read only once it has stayed the same for
 *       {@link #QUIET_PERIOD}, measured by this process's own checks (no clock of the file system is trusted): a file
 *       written in two halves a second or two apart is never read in between. So a change in place is loaded at most
 *       {@code QUIET_PERIOD + 2 × the check interval} after the writer's last write (7 s with the server's default of
 *       2 s).</li>
 *   <li><b>Read whole and still</b>: its stamp ({@link FileStamp}) before and after the read must be the same, and a
 *       second read must give the same SHA-256 as the one parsed; otherwise the read is refused and made again once
 *       the file is still.</li>
 *   <li><b>Refused before it is opened</b> when it is not a regular file (a FIFO would block the reader for ever, a
 *       directory or device is a mistake) or is larger than {@link ChangingSource#MAX_PROGRAM_BYTES}; the limit holds on
 *       the bytes read too, so a file that grows while it is read is refused at the limit.</li>
 *   <li><b>A refused version is retried</b> on any change of its stamp: {@code chmod} (ctime and readability), a write
 *       that keeps the size and modification time (ctime), a rename.</li>
 * </ul>
 *
 * <p>Checks and reads come from one thread at a time (the watcher's, or the start-up's); they are synchronized all the
 * same.
 */
public final class WatchedFile implements ChangingSource {

    /**
     * How long a file changed in place must stay unchanged before it is read: longer than the two seconds that a
     * writer may take between two parts of a file (a deploy tool, an editor saving in place), short enough that a
     * change is served within 10 s.
     */
    public static final Duration QUIET_PERIOD = Duration.ofSeconds(3);

    private final Path path;
    private final ProgramReader reader;
    private final long maxBytes;
    private final LongSupplier nanoTime;
    private final Function<Path, FileStamp> stamps;

    /** The stamp of the last version read (loaded or refused); {@code null} before the first read. */
    private FileStamp lastRead;
    /**
     * How close to a read a file's times may be for its stamp not to be trusted alone: file times are taken from a
     * coarse clock (a kernel tick on Linux, 2 s on FAT), so a file replaced again within the same tick, of the same
     * size, on an inode the file system reused, has the very same stamp. Git calls such an entry "racily clean".
     */
    static final Duration RACY_WINDOW = Duration.ofSeconds(2);

    /** The hash of what the last successful read read, to compare with while its stamp is racy. */
    private byte[] lastHash;
    /** Whether the last successful read was of a file whose times were within {@link #RACY_WINDOW} of the read. */
    private boolean racy;

    /** Whether the last read saw the file change under it: it is read again once still, whatever its stamp. */
    private boolean unsettled;
    /** A change in place seen by a check, and when it was first seen with that stamp. */
    private FileStamp settling;
    private long settlingSince;

    public WatchedFile(Path path, ProgramReader reader) {
        this(path, reader, MAX_PROGRAM_BYTES, System::nanoTime);
    }

    /**
     * @param maxBytes the largest file read
     * @param nanoTime the clock of the quiet period, as {@link System#nanoTime()}
     */
    WatchedFile(Path path, ProgramReader reader, long maxBytes, LongSupplier nanoTime) {
        this(path, reader, maxBytes, nanoTime, FileStamp::of);
    }

    /** @param stamps what a file's stamp is now: {@link FileStamp#of}, or a test's file system with a coarser clock */
    WatchedFile(Path path, ProgramReader reader, long maxBytes, LongSupplier nanoTime,
            Function<Path, FileStamp> stamps) {
        this.path = Objects.requireNonNull(path, "path").toAbsolutePath();
        this.reader = Objects.requireNonNull(reader, "reader");
        this.maxBytes = maxBytes;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.stamps = Objects.requireNonNull(stamps, "stamps");
    }

    @Override
    public synchronized ProgramData read() throws ProgramLoadException {
        long startedMillis = System.currentTimeMillis();
        FileStamp before = stamps.apply(path);
        // Whatever comes of this read, this version is not read again unless it changes.
        lastRead = before;
        unsettled = false;
        settling = null;
        racy = false;
        lastHash = null;
        if (before.key() != null && !before.isRegular()) {
            throw refused("file.not-regular", kindName(before.kind()));
        }
        if (before.size() > maxBytes) {
            throw refused("file.too-large", before.size(), maxBytes / (1024 * 1024));
        }
        AtomicReference<BoundedInput> first = new AtomicReference<>();
        ProgramData data;
        try {
            data = reader.read(() -> {
                BoundedInput in = new BoundedInput(Files.newInputStream(path), maxBytes);
                first.compareAndSet(null, in);
                return in;
            }, path.toString());
        } catch (ProgramLoadException e) {
            if (first.get() != null && first.get().exceeded()) {
                throw refused("file.grew-too-large", maxBytes / (1024 * 1024));
            }
            if (!stamps.apply(path).equals(before)) {
                // Refused, but the file changed under the read: what was refused may be no version of the file.
                unsettled = true;
            } else if (first.get() != null && first.get().hash() != null && isRecent(before, startedMillis)) {
                // A refused version can be mended within the same tick, keeping its size: as after a successful
                // read, the content decides while the stamp is that recent (the reader closed the input, which
                // read it to its end for the hash).
                lastHash = first.get().hash();
                racy = true;
            }
            throw e;
        }
        if (first.get().exceeded()) {
            throw refused("file.grew-too-large", maxBytes / (1024 * 1024));
        }
        if (!stamps.apply(path).equals(before) || !Arrays.equals(first.get().hash(), hashNow())) {
            unsettled = true;
            throw refused("file.changed-while-read", QUIET_PERIOD.toSeconds());
        }
        lastHash = first.get().hash();
        racy = isRecent(before, startedMillis);
        return data;
    }

    /**
     * Whether the file should be read: never read yet, renamed over (a new file), or changed in place and still for
     * {@link #QUIET_PERIOD} since this check first saw it so.
     */
    @Override
    public synchronized boolean hasChanged() {
        FileStamp now = stamps.apply(path);
        if (lastRead == null) {
            return true;
        }
        if (!unsettled && now.equals(lastRead)) {
            settling = null;
            if (racy) {
                // The same stamp may be another version written within the same tick: the content decides.
                long checkedMillis = System.currentTimeMillis();
                if (!Arrays.equals(lastHash, hashNow())) {
                    return true;
                }
                // Checked after the window: any later write would have later times, so the stamp suffices again.
                racy = isRecent(now, checkedMillis);
            }
            return false;
        }
        if (!unsettled && !now.sameFile(lastRead)) {
            // Another file at the path (renamed into place, gone, back): complete when it was renamed.
            return true;
        }
        long time = nanoTime.getAsLong();
        if (!now.equals(settling)) {
            settling = now;
            settlingSince = time;
            return false;
        }
        return time - settlingSince >= QUIET_PERIOD.toNanos();
    }

    @Override
    public String describe() {
        return "file " + path;
    }

    /** Whether a stamp's times are within {@link #RACY_WINDOW} of a moment (or after it, or unknown). */
    private static boolean isRecent(FileStamp stamp, long millis) {
        if (stamp.modified() == null) {
            return false;
        }
        long latest = stamp.modified().toMillis();
        if (stamp.changed() != null) {
            latest = Math.max(latest, stamp.changed().toMillis());
        }
        return millis - latest < RACY_WINDOW.toMillis();
    }

    /** The file's hash now, read again; none (so different from any) when it cannot be read or is too large. */
    private byte[] hashNow() {
        try {
            return BoundedInput.hashOf(Files.newInputStream(path), maxBytes);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private ProgramLoadException refused(String key, Object... args) {
        String where = path.toString();
        return new ProgramLoadException(where,
                ValidationReport.of(Problem.error(where, key, ServerMessages.text(key, args))));
    }

    private static LocalizedText kindName(FileStamp.Kind kind) {
        return ServerMessages.text("file.kind." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
