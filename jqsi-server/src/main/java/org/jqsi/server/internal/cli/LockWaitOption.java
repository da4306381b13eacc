package org.jqsi.server.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import org.jqsi.core.model.Language;
import org.jqsi.files.LockedFile;
import org.jqsi.server.internal.ServerMessages;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --lock-wait}, which every command that writes a file takes ({@code import-ics}, {@code export -o},
 * {@code import-sheet}), and the one way those commands hold the file they write: {@link LockedFile}, waiting for
 * another jqsi writing the same file up to the time given, and saying on the error output, in the run's language,
 * that it waits and which leftovers of a killed run it removed. When the wait runs out, {@link LockedFile} throws a
 * {@link org.jqsi.files.FileBusyException}, which {@link JqsiCommand} says in words: nothing written, exit status 1.
 */
final class LockWaitOption {

    // 120: LockedFile.DEFAULT_WAIT, which an annotation cannot name.
    @Option(names = "--lock-wait", paramLabel = "SECONDS", defaultValue = "120", converter = Seconds.class,
            description = "How long to wait, in seconds, when another jqsi is writing the same file (default: "
                    + "${DEFAULT-VALUE}); after that nothing is written and the exit status is 1.")
    Duration wait = LockedFile.DEFAULT_WAIT;

    /** Takes the lock of {@code file} for the command, saying on its error output what it waits for. */
    LockedFile lock(Path file, CommandSpec command, Language language) throws IOException {
        PrintWriter err = command.commandLine().getErr();
        return LockedFile.lock(file, wait,
                notice -> err.println(ServerMessages.said(language, command.qualifiedName(), notice.in(language))));
    }

    /** A number of seconds, {@code 30} or {@code 0.5}, from zero to a day. */
    static final class Seconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            BigDecimal seconds;
            try {
                seconds = new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException(value);
            }
            if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(86_400)) > 0) {
                throw new TypeConversionException(value);
            }
            return Duration.ofNanos(seconds.movePointRight(9).longValue());
        }
    }
}
