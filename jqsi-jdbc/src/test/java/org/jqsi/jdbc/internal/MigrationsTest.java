package org.jqsi.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void everyMigrationFileIsNamedInOrderAndEveryNamedOneIsThere() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", Migrations.DIRECTORY))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(Migrations.FILES);
        }
        assertThat(Migrations.FILES).isSortedAccordingTo((a, b) -> Integer.compare(version(a), version(b)));
        for (String file : Migrations.FILES) {
            assertThat(new Migrations().getResource(file).read()).as(file).isNotNull();
        }
    }

    private static int version(String file) {
        return Integer.parseInt(file.substring(1, file.indexOf("__")));
    }
}
