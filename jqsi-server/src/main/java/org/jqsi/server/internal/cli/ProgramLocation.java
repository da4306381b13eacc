package org.jqsi.server.internal.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.fetch.AddressPolicy;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.json.ProgramReader;
import org.jqsi.server.internal.ProgramUrl;
import org.jqsi.server.internal.WatchedFile;

/** Where the program of {@code --program FILE|URL} is: the bundled sample when absent, a URL, or a file. */
final class ProgramLocation {

    private ProgramLocation() {
    }

    /** The program {@code --program} names, read with {@code reader}; a URL is fetched as {@code addresses} allow. */
    static ProgramSource open(String program, ProgramReader reader, AddressPolicy addresses) {
        if (program == null || program.isBlank()) {
            return ProgramFileSource.sample(reader);
        }
        if (program.startsWith("http://") || program.startsWith("https://")) {
            return new ProgramUrl(URI.create(program), reader, Duration.ofSeconds(10), addresses);
        }
        return new WatchedFile(Path.of(program), reader);
    }
}
