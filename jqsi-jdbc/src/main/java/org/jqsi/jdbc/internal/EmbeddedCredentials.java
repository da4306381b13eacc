package org.jqsi.jdbc.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The account of an embedded database: made when the database is made, with a random password, and kept in a file
 * that only its owner can read ({@value #FILE}, mode 0600) in the data directory. H2 serves the database to a second
 * process (the command line while a server runs) over a local TCP port: the password, never a fixed one, is what keeps
 * others out.
 *
 * @param user the database's user
 * @param password its password: 256 random bits in URL-safe base 64
 */
public record EmbeddedCredentials(String user, String password) {

    /** The file's name in the data directory. */
    public static final String FILE = "credentials.properties";

    private static final String USER = "jqsi";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Owner-only, where the file system has POSIX permissions. */
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /**
     * The credentials kept in {@code directory}; new ones, written there, when there are none.
     *
     * @throws IOException when the file cannot be read or written, or lacks a user or a password
     */
    public static EmbeddedCredentials inOrNew(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            try {
                write(file, new EmbeddedCredentials(USER, newPassword()));
            } catch (FileAlreadyExistsException another) {
                // Another process made them first: take theirs.
            }
        }
        return read(file);
    }

    /** Whether {@code directory} has credentials. */
    public static boolean existIn(Path directory) {
        return Files.exists(directory.resolve(FILE));
    }

    private static EmbeddedCredentials read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        String user = properties.getProperty("user");
        String password = properties.getProperty("password");
        if (user == null || user.isBlank() || password == null || password.isBlank()) {
            throw new IOException(file + ": no user or no password");
        }
        return new EmbeddedCredentials(user.strip(), password.strip());
    }

    /** Written whole to a private file beside it, then linked into place: never half a file under its name. */
    private static void write(Path file, EmbeddedCredentials credentials) throws IOException {
        Path directory = file.getParent();
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(directory, ".credentials", ".tmp", ownerOnly);
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write("# The account of jqsi's embedded database in this directory, made with it. Keep this file\n"
                        + "# private (mode 0600): whoever reads it can open the database while jqsi runs.\n"
                        + "# Le compte de la base intégrée de jqsi dans ce dossier. Gardez ce fichier privé.\n");
                out.write("user=" + credentials.user() + "\n");
                out.write("password=" + credentials.password() + "\n");
            }
            // A link fails if the name is taken, at once: of two processes making a new directory's credentials at
            // the same moment, one keeps its own and the other takes them (a move could replace the first's).
            try {
                Files.createLink(file, temporary);
            } catch (UnsupportedOperationException noLinks) {
                Files.move(temporary, file);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[user=" + user + ", password=(hidden)]";
    }
}
