package org.jqsi.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * A backup of the embedded database that restores by itself: H2's online {@code BACKUP} (a consistent copy of the
 * file while it is in use), and the credentials the database was made with, in one private zip.
 */
public final class EmbeddedBackup {

    private EmbeddedBackup() {
    }

    /**
     * Writes the zip.
     *
     * @param dataDirectory where the credentials are
     * @param zip a file that does not exist yet, made with mode 0600
     * @throws IOException when it cannot be written; nothing is left under its name then
     */
    public static void write(DataSource database, Path dataDirectory, Path zip) throws IOException {
        Path directory = zip.getParent();
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(EmbeddedCredentials.OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path copy = Files.createTempFile(directory, ".jqsi-backup", ".zip", ownerOnly);
        Path whole = Files.createTempFile(directory, ".jqsi-backup", ".zip", ownerOnly);
        try {
            // H2 writes it only where no file is.
            Files.delete(copy);
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + copy.toString().replace("'", "''") + "'");
            } catch (SQLException e) {
                throw new IOException(Failures.words(e), e);
            }
            try (OutputStream out = Files.newOutputStream(whole); ZipOutputStream zipped = new ZipOutputStream(out);
                    InputStream in = Files.newInputStream(copy); ZipInputStream backup = new ZipInputStream(in)) {
                for (ZipEntry entry = backup.getNextEntry(); entry != null; entry = backup.getNextEntry()) {
                    zipped.putNextEntry(new ZipEntry(entry.getName()));
                    backup.transferTo(zipped);
                    zipped.closeEntry();
                }
                zipped.putNextEntry(new ZipEntry(EmbeddedCredentials.FILE));
                Files.copy(dataDirectory.resolve(EmbeddedCredentials.FILE), zipped);
                zipped.closeEntry();
            }
            Files.move(whole, zip);
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(whole);
        }
    }
}
