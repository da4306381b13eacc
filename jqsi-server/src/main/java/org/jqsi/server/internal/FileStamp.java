package org.jqsi.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;

/**
 * What a program file is at one moment, read with one {@code stat} (through symbolic links) and without opening it:
 * which file it is (device and inode), its kind, size, modification time, change time (ctime: set by the system on any
 * change of the file's content, permissions or owner, and not settable by a program), and whether this process may
 * read it. Two stamps are equal when nothing a reload depends on changed in between; {@code chmod}, which changes
 * neither size nor modification time, changes the ctime and the readability.
 *
 * @param key the file's identity ({@code dev/inode}), or {@code null} when the file cannot be seen (then
 *     {@code problem} says why)
 * @param kind what the path names
 * @param problem why the file cannot be seen ({@code NoSuchFileException}...), {@code null} when it can
 */
record FileStamp(Object key, Kind kind, long size, FileTime modified, FileTime changed, boolean readable,
        String problem) {

    /** What a path names, as {@code stat} says. */
    enum Kind {
        REGULAR, DIRECTORY, FIFO, SOCKET, CHARACTER_DEVICE, BLOCK_DEVICE, OTHER, NONE
    }

    private static final int TYPE_MASK = 0170000;

    /** The stamp of the file at {@code path} now; never throws: a file that cannot be seen has a stamp saying why. */
    static FileStamp of(Path path) {
        try {
            return unix(path);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // Not a Unix file system (Windows): the basic attributes, without ctime.
            return basic(path);
        } catch (IOException e) {
            return missing(e);
        }
    }

    private static FileStamp unix(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:dev,ino,mode,size,lastModifiedTime,ctime");
        int mode = (Integer) a.get("mode");
        return new FileStamp(a.get("dev") + "/" + a.get("ino"), kind(mode), (Long) a.get("size"),
                (FileTime) a.get("lastModifiedTime"), (FileTime) a.get("ctime"), Files.isReadable(path), null);
    }

    private static FileStamp basic(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            Kind kind = a.isRegularFile() ? Kind.REGULAR : a.isDirectory() ? Kind.DIRECTORY : Kind.OTHER;
            return new FileStamp(Objects.requireNonNullElse(a.fileKey(), path.toString()), kind, a.size(),
                    a.lastModifiedTime(), null, Files.isReadable(path), null);
        } catch (IOException e) {
            return missing(e);
        }
    }

    private static FileStamp missing(IOException e) {
        return new FileStamp(null, Kind.NONE, -1, null, null, false, e.getClass().getSimpleName());
    }

    private static Kind kind(int mode) {
        return switch (mode & TYPE_MASK) {
            case 0100000 -> Kind.REGULAR;
            case 0040000 -> Kind.DIRECTORY;
            case 0010000 -> Kind.FIFO;
            case 0140000 -> Kind.SOCKET;
            case 0020000 -> Kind.CHARACTER_DEVICE;
            case 0060000 -> Kind.BLOCK_DEVICE;
            default -> Kind.OTHER;
        };
    }

    /** Whether the path names a file that can be read as a program: a regular file (a FIFO would block the reader). */
    boolean isRegular() {
        return kind == Kind.REGULAR;
    }

    /** Whether both stamps are of the same file (the same inode): a change between them was made in place. */
    boolean sameFile(FileStamp other) {
        return other != null && key != null && key.equals(other.key);
    }
}
