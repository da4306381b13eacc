package org.jqsi.files.internal;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The attributes of a file that its replacement keeps: its POSIX permissions (a program file that a server running
 * as another user reads stays readable by it) and, where the system allows, its owner and group. Only root may give
 * a file to another owner, and a user may give it only to a group they belong to; where that is refused, the new
 * file is the writer's, as any file they create is, with the old file's permissions.
 *
 * <p>Not kept: access control lists, extended attributes and security labels (SELinux), which the JDK does not
 * carry over portably; hard links, which a rename cannot keep (the other names keep the old content).
 */
public final class KeptAttributes {

    private KeptAttributes() {
    }

    /**
     * Gives {@code replacement} the owner, group and permissions of {@code original}, in that order (a change of
     * owner clears the set-user-ID bit, which the permissions then set again). Nothing on a file system without
     * POSIX attributes (Windows).
     */
    public static void copy(Path original, Path replacement) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(original, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView to = Files.getFileAttributeView(replacement, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (from == null || to == null) {
            return;
        }
        PosixFileAttributes old = from.readAttributes();
        PosixFileAttributes now = to.readAttributes();
        if (!old.owner().equals(now.owner())) {
            try {
                to.setOwner(old.owner());
            } catch (FileSystemException e) {
                // Not root: the file is the writer's, with the permissions below.
            }
        }
        if (!old.group().equals(now.group())) {
            try {
                to.setGroup(old.group());
            } catch (FileSystemException e) {
                // Not one of the writer's groups: the writer's group, with the permissions below.
            }
        }
        to.setPermissions(old.permissions());
    }

    /**
     * For a lock file made beside {@code target}: the write permissions that the target gives its group and others,
     * so that whoever may write the target may also take its lock.
     */
    public static void shareWriting(Path target, Path lockFile) throws IOException {
        PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(lockFile, PosixFileAttributeView.class);
        if (from == null || to == null || !Files.exists(target)) {
            return;
        }
        Set<PosixFilePermission> wanted = from.readAttributes().permissions();
        Set<PosixFilePermission> permissions = to.readAttributes().permissions();
        boolean changed = false;
        for (PosixFilePermission write : Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE)) {
            if (wanted.contains(write)) {
                changed |= permissions.add(write);
            }
        }
        if (changed) {
            to.setPermissions(permissions);
        }
    }
}
