package org.jqsi.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.sample.GeneratedProgram;
import org.jqsi.json.ProgramWriter;

/**
 * Writes a program file of the benchmarks' generator ({@link GeneratedProgram}, seed {@link Programs#SEED}) of any
 * size, one activity at a time ({@link ProgramWriter#start}): a million activities (about 176 MB, indented as
 * {@code ProgramWriter.forFiles()} writes) in the memory of a few, for {@code stream.sh}. The same size gives the same
 * file, byte for byte the one {@code ProgramWriter.forFiles().write(Programs.data(size), file)} writes.
 *
 * <pre>java -cp jqsi-bench/target/benchmarks.jar org.jqsi.bench.LargeProgramFile 1000000 program.json</pre>
 */
public final class LargeProgramFile {

    private LargeProgramFile() {
    }

    public static void main(String[] args) throws IOException {
        int size = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        write(size, file);
        System.out.printf("%s: %,d activities, %,d bytes%n", file, size, Files.size(file));
    }

    /** Writes the generated program of {@code size} activities to {@code file}. */
    public static void write(int size, Path file) throws IOException {
        ProgramData header = GeneratedProgram.of(0, Programs.SEED);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                ProgramWriter.ProgramStream program = ProgramWriter.forFiles().start(header.editions(),
                        header.partners(), out)) {
            GeneratedProgram.forEachActivity(size, Programs.SEED, activity -> {
                try {
                    program.write(activity);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
