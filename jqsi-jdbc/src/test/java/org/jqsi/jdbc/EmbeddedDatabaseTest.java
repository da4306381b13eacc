package org.jqsi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jqsi.jdbc.Proposals.CS3R;
import static org.jqsi.jdbc.Proposals.SUBMITTED;
import static org.jqsi.jdbc.Proposals.workshop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.jqsi.core.model.Language;
import org.jqsi.core.submission.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database: its data directory, its credentials, and what people are told when it cannot open. */
class EmbeddedDatabaseTest {

    @TempDir
    Path directory;

    @Test
    void itMakesAPrivateDataDirectoryWithAPrivateFileOfRandomCredentials() throws IOException {
        Path data = directory.resolve("a/data");
        try (Database database = Database.embedded(data)) {
            assertThat(database.submissions().publication().revision()).isZero();
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        Path credentials = data.resolve("credentials.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        try (var files = Files.list(data)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("once closed, nothing else")
                    .containsExactlyInAnyOrder("jqsi.mv.db", "credentials.properties");
        }
        Properties kept = credentials(data);
        assertThat(kept.getProperty("user")).isEqualTo("jqsi");
        assertThat(kept.getProperty("password")).hasSize(43);

        try (Database other = Database.embedded(directory.resolve("b"))) {
            assertThat(other.describe()).endsWith("b");
            assertThat(credentials(directory.resolve("b")).getProperty("password"))
                    .as("never a fixed password").isNotEqualTo(kept.getProperty("password"));
        }
    }

    @Test
    void twoDatabasesInTwoDirectoriesRunSideBySide() {
        try (Database one = Database.embedded(directory.resolve("one"));
                Database two = Database.embedded(directory.resolve("two"))) {
            Submission inOne = one.submissions().submit(Submission.Kind.NEW, null, workshop("atelier-1"), CS3R,
                    SUBMITTED).submission();
            Submission inTwo = two.submissions().submit(Submission.Kind.NEW, null, workshop("atelier-1"), CS3R,
                    SUBMITTED).submission();

            assertThat(one.submissions().find(inOne.id())).contains(inOne);
            assertThat(one.submissions().find(inTwo.id())).isEmpty();
            assertThat(two.submissions().find(inTwo.id())).contains(inTwo);
            assertThat(two.submissions().find(inOne.id())).isEmpty();
        }
    }

    @Test
    void aDatabaseWhoseCredentialsFileIsLostSaysWhatToDo() throws IOException {
        Database.embedded(directory).close();
        Files.delete(directory.resolve("credentials.properties"));

        assertThatThrownBy(() -> Database.embedded(directory))
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.text().in(Language.EN)).contains(directory.toString(), "credentials.properties",
                            "backup");
                    assertThat(e.text().in(Language.FR)).contains(directory.toString(), "credentials.properties",
                            "sauvegarde");
                    assertPlain(e);
                });
        assertThat(Files.exists(directory.resolve("credentials.properties"))).as("none made in its place").isFalse();
    }

    @Test
    void credentialsThatAreNotTheDatabasesAreRefusedWithWhatToDo() throws IOException {
        Database.embedded(directory).close();
        Path file = directory.resolve("credentials.properties");
        Files.writeString(file, Files.readString(file).replaceAll("password=.*", "password=not-the-one"));

        assertThatThrownBy(() -> Database.embedded(directory))
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.text().in(Language.EN)).contains("refuses the credentials");
                    assertThat(e.text().in(Language.FR)).contains("refuse les identifiants");
                    assertPlain(e);
                });
    }

    @Test
    void aDataDirectoryThatCannotBeMadeIsSaid() throws IOException {
        Path file = Files.writeString(directory.resolve("a-file"), "not a directory");

        assertThatThrownBy(() -> Database.embedded(file.resolve("data")))
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.text().in(Language.EN)).startsWith("the data directory " + file.resolve("data")
                            + " cannot be made");
                    assertThat(e.text().in(Language.FR)).startsWith("impossible de créer le dossier de données");
                    assertPlain(e);
                });
    }

    @Test
    void aFileThatIsNotADatabaseIsSaidToBeUnreadable() throws IOException {
        Database.embedded(directory).close();
        Files.write(directory.resolve("jqsi.mv.db"), new byte[64]);

        assertThatThrownBy(() -> Database.embedded(directory))
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.text().in(Language.EN)).contains("jqsi.mv.db cannot be read", "backup");
                    assertThat(e.text().in(Language.FR)).contains("jqsi.mv.db est illisible", "sauvegarde");
                    assertPlain(e);
                });
    }

    @Test
    void aDirectoryWithASemicolonIsRefusedBeforeH2MisreadsIt() {
        assertThatThrownBy(() -> Database.embedded(directory.resolve("a;b")))
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.text().in(Language.EN)).contains("semicolon");
                    assertThat(e.text().in(Language.FR)).contains("point-virgule");
                });
    }

    @Test
    void aBackupTakenWhileTwoProcessesUseTheDatabaseRestoresByItself() throws IOException {
        Path data = directory.resolve("data");
        Path zip = directory.resolve("backup.zip");
        Submission kept;
        try (Database server = Database.embedded(data); Database commandLine = Database.embedded(data)) {
            kept = server.submissions().submit(Submission.Kind.NEW, null, workshop("atelier-1"), CS3R, SUBMITTED)
                    .submission();
            commandLine.backUpTo(zip);
            server.submissions().submit(Submission.Kind.NEW, null, workshop("atelier-2"), CS3R, SUBMITTED);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(zip))).isEqualTo("rw-------");
            assertThatThrownBy(() -> server.backUpTo(zip)).isInstanceOfSatisfying(DatabaseException.class,
                    e -> assertThat(e.text().in(Language.EN)).contains(zip + " exists already"));
            assertThatThrownBy(() -> server.backUpTo(directory.resolve("nowhere/b.zip")))
                    .isInstanceOfSatisfying(DatabaseException.class,
                            e -> assertThat(e.text().in(Language.FR)).contains("pas de dossier"));
        }

        Path restored = directory.resolve("restored");
        Files.createDirectories(restored);
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Files.copy(in, restored.resolve(entry.getName()));
            }
        }
        try (Database database = Database.embedded(restored)) {
            assertThat(database.submissions().find(kept.id())).contains(kept);
            assertThat(database.submissions().list(org.jqsi.core.submission.SubmissionFilter.ALL))
                    .as("as it was when backed up").containsExactly(kept);
        }
        try (var files = Files.list(directory)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder("data", "backup.zip", "restored");
        }
    }

    /** What a person reads names no Java type. */
    static void assertPlain(DatabaseException e) {
        for (Language language : Language.values()) {
            assertThat(e.text().in(language)).doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b")
                    .doesNotContain("org.", "java.", "com.");
        }
    }

    private static Properties credentials(Path data) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(data.resolve("credentials.properties"))) {
            properties.load(in);
        }
        return properties;
    }
}
