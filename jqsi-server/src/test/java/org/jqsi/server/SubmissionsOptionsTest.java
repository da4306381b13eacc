package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.jqsi.server.CommandLineTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What --data and --database refuse, and where the embedded data goes by default. */
class SubmissionsOptionsTest {

    @Test
    void aPasswordOnTheCommandLineIsRefusedAndTheTwoOptionsDoNotGoTogether(@TempDir Path dir) {
        Run password = CommandLineTest.jqsi("submissions", "list", "--database",
                "jdbc:postgresql://localhost:5432/jqsi?user=jqsi&password=secret");
        assertThat(password.status()).isEqualTo(2);
        assertThat(password.err()).contains("--database").contains("JQSI_DATABASE_PASSWORD")
                .doesNotContain("secret");

        assertThat(CommandLineTest.jqsi("submissions", "list", "--database", "jdbc:mysql://localhost/jqsi").err())
                .contains("attendu : une adresse PostgreSQL");
        assertThat(CommandLineTest.jqsi("submissions", "list", "--data", dir.toString(), "--database",
                "jdbc:postgresql://localhost/jqsi").status()).isEqualTo(2);
    }

    @Test
    void theDataDirectoryComesFromTheEnvironmentWhenNotGivenAndIsKeptPrivate(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("données");
        Run run = CommandLineTest.jqsiWith(Map.of("JQSI_DATA", data.toString()), "submissions", "list");

        assertThat(run.status()).isZero();
        assertThat(Files.isDirectory(data)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }

    @Test
    void anUnreachableDatabaseIsSaidInWords() {
        Run run = CommandLineTest.jqsiWith(Map.of("JQSI_DATABASE_PASSWORD", "x"), "submissions", "list",
                "--database", "jdbc:postgresql://127.0.0.1:1/jqsi", "--lang", "en");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("jqsi submissions list: ").doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void aBackupTakenWhileTheDatabaseIsInUseRestoresByUnzipping(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (org.jqsi.jdbc.Database running = org.jqsi.jdbc.Database.embedded(data)) {
            Proposed.submit(running.submissions(), Proposed.workshop("atelier-04",
                    org.jqsi.core.model.Region.MAURICIE, "cs3r"));
            Run backup = CommandLineTest.jqsi("submissions", "backup", dir.resolve("copie.zip").toString(),
                    "--data", data.toString());
            assertThat(backup.status()).as(backup.err()).isZero();
            assertThat(backup.out()).startsWith("Écrit " + dir.resolve("copie.zip"));
            assertThat(CommandLineTest.jqsi("submissions", "backup", dir.resolve("copie.zip").toString(),
                    "--data", data.toString()).status()).as("an existing file is not overwritten").isEqualTo(1);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("copie.zip"))))
                .isEqualTo("rw-------");
        Path restored = Files.createDirectory(dir.resolve("restored"));
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                Files.newInputStream(dir.resolve("copie.zip")))) {
            for (java.util.zip.ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Files.copy(zip, restored.resolve(entry.getName()));
            }
        }
        assertThat(CommandLineTest.jqsi("submissions", "list", "--data", restored.toString()).out())
                .contains("Atelier « commerce équitable » à 04");
    }
}
