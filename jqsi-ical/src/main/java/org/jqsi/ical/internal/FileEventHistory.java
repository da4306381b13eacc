package org.jqsi.ical.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.jqsi.ical.EventHistory;

/**
 * {@link EventHistory#inFile}: a UTF-8 text file, read whole and written whole at each change (a change comes once
 * per program version, and a line is some 80 octets: 100,000 activities make 8 MB).
 *
 * <pre>
 * # jqsi-ical event history 1: id, SEQUENCE, DTSTAMP and fingerprint of the event each activity was last published as
 * loin-de-bachar-2020	0	2020-11-05T00:00:00Z	Qk2tX0...
 * </pre>
 *
 * <p>Writing: a temporary file in the same directory (so that the rename stays on one file system), forced to disk,
 * given the old file's POSIX permissions, renamed over the old file atomically, then the directory forced so that
 * the rename itself survives a crash. Locking: an exclusive {@link FileLock} on {@code <file>.lock} around each
 * read-change-write, taken after a lock of this JVM's own (a JVM may not hold two locks on one file).
 */
public final class FileEventHistory implements EventHistory {

    private static final String HEADER = "# jqsi-ical event history 1: id, SEQUENCE, DTSTAMP and fingerprint of the "
            + "event each activity was last published as";
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");
    /** One lock per file in this JVM, whatever the number of objects on it. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;

    public FileEventHistory(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    }

    @Override
    public Map<String, Entry> update(Set<String> ids, UnaryOperator<Map<String, Entry>> change) {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        local.lock();
        try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockChannel.lock()) {
            TreeMap<String, Entry> all = read();
            Map<String, Entry> remembered = new HashMap<>();
            for (String id : ids) {
                Entry entry = all.get(id);
                if (entry != null) {
                    remembered.put(id, entry);
                }
            }
            Map<String, Entry> changed = change.apply(Map.copyOf(remembered));
            boolean dirty = false;
            for (Map.Entry<String, Entry> e : changed.entrySet()) {
                if (storable(e.getKey()) && !e.getValue().equals(all.get(e.getKey()))) {
                    all.put(e.getKey(), e.getValue());
                    dirty = true;
                }
            }
            if (dirty) {
                write(all);
            }
            remembered.putAll(changed);
            return Map.copyOf(remembered);
        } catch (IOException e) {
            throw new UncheckedIOException("event history " + file + ": " + e.getMessage(), e);
        } finally {
            local.unlock();
        }
    }

    /** Ids are slugs; one with a tab or a line end could not be read back, and is not remembered. */
    private static boolean storable(String id) {
        return !id.isEmpty() && id.chars().noneMatch(c -> c == '\t' || c == '\n' || c == '\r');
    }

    private TreeMap<String, Entry> read() throws IOException {
        TreeMap<String, Entry> all = new TreeMap<>();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return all;
        }
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 4) {
                continue;
            }
            try {
                all.put(fields[0], new Entry(fields[3], Integer.parseInt(fields[1]), Instant.parse(fields[2])));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // A damaged line: that activity starts again from its own revision.
            }
        }
        return all;
    }

    private void write(TreeMap<String, Entry> all) throws IOException {
        StringBuilder text = new StringBuilder(64 + all.size() * 80).append(HEADER).append('\n');
        for (Map.Entry<String, Entry> e : all.entrySet()) {
            Entry entry = e.getValue();
            text.append(e.getKey()).append('\t').append(entry.sequence()).append('\t').append(entry.stamp())
                    .append('\t').append(entry.fingerprint()).append('\n');
        }
        Path directory = file.getParent();
        Path temporary = Files.createTempFile(directory, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            keepPermissions(temporary);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceDirectory(directory);
    }

    /** The old file's permissions, or rw-r--r-- for a new one (a temporary file is made rw------- ). */
    private void keepPermissions(Path temporary) throws IOException {
        if (!Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(file) ? Files.getPosixFilePermissions(file) : NEW_FILE;
        Files.setPosixFilePermissions(temporary, permissions);
    }

    /** Makes the rename durable where the system allows a directory to be forced (Linux does; Windows does not). */
    private static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Not supported here: the rename is still atomic, only its durability waits for the system.
        }
    }

    @Override
    public String toString() {
        return "event history in " + file;
    }
}
