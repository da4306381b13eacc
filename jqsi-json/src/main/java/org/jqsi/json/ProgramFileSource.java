package org.jqsi.json;

import java.nio.file.Path;
import java.util.Objects;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.program.ProgramSource;

/**
 * A {@link ProgramSource} that reads a program file, from the file system or the classpath, each time it is asked:
 * {@link org.jqsi.core.program.CurrentProgram#reload()} sees the file as it is now.
 *
 * <pre>{@code
 * ProgramSource source = ProgramFileSource.file(Path.of("/srv/jqsi/program.json"));
 * ProgramSource sample = ProgramFileSource.sample();
 * }</pre>
 */
public final class ProgramFileSource implements ProgramSource {

    /** Where the sample program is on the classpath: the seeds' 2020 and 2021 activities. */
    public static final String SAMPLE_RESOURCE = "/org/jqsi/json/sample/program.json";

    private final String description;
    private final ProgramReader reader;
    private final Read read;

    /** How this source reads its file with a reader. */
    @FunctionalInterface
    private interface Read {
        ProgramData from(ProgramReader reader) throws ProgramLoadException;
    }

    private ProgramFileSource(String description, ProgramReader reader, Read read) {
        this.description = description;
        this.reader = Objects.requireNonNull(reader, "reader");
        this.read = read;
    }

    /** The program file at a path, read with a new {@link ProgramReader}. */
    public static ProgramFileSource file(Path path) {
        return file(path, new ProgramReader());
    }

    /** The program file at a path, read with the given reader. */
    public static ProgramFileSource file(Path path, ProgramReader reader) {
        Objects.requireNonNull(path, "path");
        return new ProgramFileSource("file " + path, reader, r -> r.read(path));
    }

    /**
     * A program file that {@code opener} opens (see {@link ProgramReader#read(ProgramReader.Opener, String)}), read
     * with a new {@link ProgramReader}: for a resource in a package of another named module,
     * {@code ProgramFileSource.of("program.json", () -> MyApp.class.getResourceAsStream("/org/example/program.json"))}.
     *
     * @param name what to call it in problems and descriptions
     */
    public static ProgramFileSource of(String name, ProgramReader.Opener opener) {
        return of(name, opener, new ProgramReader());
    }

    /** A program file that {@code opener} opens, read with the given reader. */
    public static ProgramFileSource of(String name, ProgramReader.Opener opener, ProgramReader reader) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
        return new ProgramFileSource(name, reader, r -> r.read(opener, name));
    }

    /**
     * A program file on the classpath, found from {@code anchor} as {@link Class#getResourceAsStream(String)} does:
     * pass a class of the module that holds the file, and an absolute name ({@code "/org/example/program.json"}).
     * On the module path, see {@link ProgramReader#readResource(Class, String)} for which resources it finds.
     */
    public static ProgramFileSource resource(Class<?> anchor, String name) {
        return resource(anchor, name, new ProgramReader());
    }

    /** A program file on the classpath, read with the given reader. */
    public static ProgramFileSource resource(Class<?> anchor, String name, ProgramReader reader) {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(name, "name");
        return new ProgramFileSource("classpath resource " + name, reader, r -> r.readResource(anchor, name));
    }

    /** The sample program shipped in this jar ({@value #SAMPLE_RESOURCE}). */
    public static ProgramFileSource sample() {
        return sample(new ProgramReader());
    }

    /** The sample program, read with the given reader. */
    public static ProgramFileSource sample(ProgramReader reader) {
        return resource(ProgramFileSource.class, SAMPLE_RESOURCE, reader);
    }

    @Override
    public ProgramData read() throws ProgramLoadException {
        return read.from(reader);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return "ProgramFileSource[" + description + "]";
    }
}
