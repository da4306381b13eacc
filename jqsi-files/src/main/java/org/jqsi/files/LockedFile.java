package org.jqsi.files;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.files.internal.FileMessages;
import org.jqsi.files.internal.KeptAttributes;
import org.jqsi.files.internal.RealTarget;
import org.jqsi.files.internal.TemporaryFiles;

/**
 * A file held for writing: an exclusive lock from before it is read until after it is replaced, so that a
 * read-change-write (merging a feed into a program file) is never lost to another one running at the same time, and
 * a replacement that a crash cannot leave half-written.
 *
 * <pre>{@code
 * try (LockedFile program = LockedFile.lock(Path.of("programme.json"), LockedFile.DEFAULT_WAIT, notices::add)) {
 *     ProgramData current = reader.read(program.path());
 *     ProgramData merged = ...;
 *     program.replace(out -> writer.write(merged, out));
 * }
 * }</pre>
 *
 * <p><b>The lock.</b> An exclusive {@link FileLock} on a lock file beside the target, {@code .programme.json.lock},
 * and, within one JVM, a lock of its own per target (the JDK allows one {@code FileLock} per file and JVM). The target
 * itself cannot be locked: it is replaced by a rename, so a second writer would lock the new file while the first
 * still holds the old one. Nor can its directory, which the JDK does not open for writing. The lock file stays once
 * made: removing it would let a writer that opened it just before and one that makes a new one both hold "the" lock.
 * It holds the pid of the last writer that took it, which a waiting writer names. It is an advisory lock
 * ({@code fcntl} on Linux and macOS, also across NFS version 4; {@code LockFileEx} on Windows): every jqsi writer takes
 * it, other programs (an editor) do not. A second writer waits for it, up to the time it is given
 * ({@link #DEFAULT_WAIT}), then gives up with a {@link FileBusyException} that says who holds it; while it waits, it
 * says so once through its notices.
 *
 * <p><b>The replacement.</b> {@link #replace} writes the new content to a temporary file in the target's directory
 * (a rename is atomic only within one file system), forces it to disk, gives it the target's permissions and, where
 * allowed, its owner and group, renames it over the target in one step ({@link StandardCopyOption#ATOMIC_MOVE}), then
 * forces the directory, so that the rename survives a power cut where the system allows it (Linux does; elsewhere the
 * rename is atomic but becomes durable when the system decides). A reader (a server reloading the file) opens either
 * the old file or the new one, both whole; a writer killed at any point leaves the old file as it was, and a
 * temporary file that the next writer of the same target removes once it holds the lock (see
 * {@link #removedLeftovers()}). A new file gets the permissions of any file the process creates (0644 with the usual
 * umask), not the 0600 of a temporary file. A file system that cannot rename atomically within a directory is refused
 * ({@link java.nio.file.AtomicMoveNotSupportedException}) rather than written in two steps.
 *
 * <p><b>Symbolic links.</b> When the path is a symbolic link (or a chain of them), the file written is the one it
 * points to, {@link #path()}; the link stays a link. The lock and the temporary files lie beside that real file, so
 * that two paths to one file share one lock.
 *
 * <p>Not thread-safe: one thread uses a {@code LockedFile}, and closes it (which releases the lock, never
 * removing the file) when done.
 */
public final class LockedFile implements AutoCloseable {

    /**
     * How long a writer waits, by default, for another one to finish: two minutes. A writer holds the lock as long as
     * its work takes, and merging a feed into a program of a few thousand activities took more than 30 seconds on a
     * loaded two-core machine; the bound is there against a writer that hangs (stopped, or on a file system that does
     * not answer), not against one that works.
     */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(2);

    /** What a writer writes: the new content of the file, to a stream that it may close or not. */
    @FunctionalInterface
    public interface Content {

        /** Writes the whole content to {@code out}; a failure leaves the file as it was. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** One lock per real target in this JVM, taken before the file lock (see the class comment). */
    private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long PID = ProcessHandle.current().pid();
    /** The longest pause between two tries of a busy lock: short against a writer that ends, long against load. */
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Path path;
    private final Path lockFile;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Semaphore inProcess;
    private final List<Path> removedLeftovers;
    private boolean open = true;

    private LockedFile(Path path, Path lockFile, FileChannel lockChannel, FileLock lock, Semaphore inProcess,
            List<Path> removedLeftovers) {
        this.path = path;
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.inProcess = inProcess;
        this.removedLeftovers = List.copyOf(removedLeftovers);
    }

    /** {@link #lock(Path, Duration, Consumer)} waiting up to {@link #DEFAULT_WAIT}, saying nothing while it waits. */
    public static LockedFile lock(Path file) throws IOException {
        return lock(file, DEFAULT_WAIT, notice -> { });
    }

    /**
     * Takes the lock of {@code file} (which need not exist yet; its directory must), waiting up to {@code wait} for
     * another writer to release it, then removes the temporary files that killed writers of it left.
     *
     * @param wait the longest wait for another writer; zero tries once
     * @param notices receives, in French and English, what the caller's user should know: once, that the file is
     *     being written by another writer and for how long this one waits; each leftover temporary file removed
     * @throws FileBusyException when another writer still holds the lock after {@code wait}
     * @throws java.nio.file.NoSuchFileException when the file's directory does not exist
     * @throws java.nio.file.AccessDeniedException when the lock file cannot be made or opened for writing
     * @throws java.nio.file.FileSystemException when the path names a directory, or its symbolic links loop
     * @throws InterruptedIOException when the thread is interrupted while it waits
     */
    public static LockedFile lock(Path file, Duration wait, Consumer<LocalizedText> notices) throws IOException {
        Objects.requireNonNull(notices, "notices");
        if (wait.isNegative()) {
            throw new IllegalArgumentException("wait: negative: " + wait);
        }
        Path target = RealTarget.of(file);
        Path lockFile = target.resolveSibling("." + target.getFileName() + ".lock");
        long deadline = System.nanoTime() + Math.min(wait.toNanos(), Long.MAX_VALUE / 4);
        boolean told = false;
        Semaphore inProcess = IN_PROCESS.computeIfAbsent(target, t -> new Semaphore(1));
        try {
            if (!inProcess.tryAcquire()) {
                notices.accept(waiting(target, lockFile, OptionalLong.of(PID), wait));
                told = true;
                if (!inProcess.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    throw new FileBusyException(target, lockFile, OptionalLong.of(PID), wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + target);
        }
        FileChannel channel = null;
        try {
            channel = openLockFile(target, lockFile);
            FileLock lock = channel.tryLock();
            long pause = TimeUnit.MILLISECONDS.toNanos(10);
            while (lock == null) {
                if (!told) {
                    notices.accept(waiting(target, lockFile, holderOf(lockFile), wait));
                    told = true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new FileBusyException(target, lockFile, holderOf(lockFile), wait);
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
                pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
                lock = channel.tryLock();
            }
            recordHolder(channel);
            List<Path> removed = TemporaryFiles.removeLeftovers(target);
            for (Path leftover : removed) {
                notices.accept(FileMessages.text("leftover.removed", leftover.toString()));
            }
            return new LockedFile(target, lockFile, channel, lock, inProcess, removed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            inProcess.release();
            throw new InterruptedIOException("interrupted while waiting for " + target);
        } catch (IOException | RuntimeException | Error e) {
            closeQuietly(channel);
            inProcess.release();
            throw e;
        }
    }

    /**
     * Replaces {@code file} with what {@code content} writes, under its lock, in one call: for a file written whole
     * without reading it first ({@code export -o}).
     *
     * @throws FileBusyException when another writer still holds the lock after {@code wait}; nothing is written
     */
    public static void replace(Path file, Duration wait, Consumer<LocalizedText> notices, Content content)
            throws IOException {
        try (LockedFile locked = lock(file, wait, notices)) {
            locked.replace(content);
        }
    }

    /** The file written: the path given, or the file its symbolic links lead to; absolute. */
    public Path path() {
        return path;
    }

    /** The lock file beside {@link #path()}. */
    public Path lockFile() {
        return lockFile;
    }

    /** Whether the file exists (it may not: writing creates it). */
    public boolean exists() {
        return Files.exists(path);
    }

    /** The temporary files of killed writers that taking the lock removed. */
    public List<Path> removedLeftovers() {
        return removedLeftovers;
    }

    /**
     * Replaces the file with what {@code content} writes, in one step (see the class comment); a failure of
     * {@code content} or of the disk leaves the file as it was and removes the temporary file. May be called more
     * than once while the lock is held.
     *
     * @throws IllegalStateException when the lock was released
     */
    public void replace(Content content) throws IOException {
        Objects.requireNonNull(content, "content");
        if (!open) {
            throw new IllegalStateException("the lock of " + path + " was released");
        }
        TemporaryFiles.Created temporary = TemporaryFiles.create(path);
        try {
            try (FileChannel channel = temporary.channel()) {
                if (Files.exists(path)) {
                    // Before the content is written: a file that others may not read is never readable by them.
                    KeptAttributes.copy(path, temporary.file());
                }
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void close() throws IOException {
                        // The content may close its stream; the channel must stay open to be forced.
                        out.flush();
                    }
                });
                out.flush();
                channel.force(true);
            }
            Files.move(temporary.file(), path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary.file());
        }
        forceDirectory(path.getParent());
    }

    /** Releases the lock; the file and the lock file stay. */
    @Override
    public void close() throws IOException {
        if (!open) {
            return;
        }
        open = false;
        try {
            lock.release();
        } finally {
            try {
                lockChannel.close();
            } finally {
                inProcess.release();
            }
        }
    }

    private static LocalizedText waiting(Path target, Path lockFile, OptionalLong holder, Duration wait) {
        return FileMessages.text("busy.waiting", target.toString(), FileBusyException.holderText(lockFile, holder),
                FileBusyException.seconds(wait));
    }

    /**
     * Opens the lock file for writing (an exclusive lock needs it), making it when it is missing, writable by whoever
     * may write the target.
     */
    private static FileChannel openLockFile(Path target, Path lockFile) throws IOException {
        try {
            FileChannel made = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                KeptAttributes.shareWriting(target, lockFile);
            } catch (IOException e) {
                // Still a lock for this writer; others of other users may not open it, and will say so.
            }
            return made;
        } catch (FileAlreadyExistsException e) {
            return FileChannel.open(lockFile, StandardOpenOption.WRITE);
        }
    }

    /** Notes this process's pid in the lock file that it now holds, for a waiting writer to name it. */
    private static void recordHolder(FileChannel channel) throws IOException {
        channel.truncate(0);
        ByteBuffer pid = ByteBuffer.wrap((PID + "\n").getBytes(StandardCharsets.US_ASCII));
        long at = 0;
        while (pid.hasRemaining()) {
            at += channel.write(pid, at);
        }
    }

    /** The pid that the lock file names, if it names one. */
    private static OptionalLong holderOf(Path lockFile) {
        try {
            String text = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | RuntimeException e) {
            // Being written, or unreadable (Windows forbids reading a locked file): not known.
            return OptionalLong.empty();
        }
    }

    /** Makes a rename durable where the system allows a directory to be forced (Linux does; Windows does not). */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Not supported here: the rename is still atomic, only its durability waits for the system.
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing also releases the lock; nothing else to do.
            }
        }
    }
}
