package org.jqsi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ValidatorFactory;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading and validating a program file, against Jackson reading the same file into a tree of plain nodes
 * ({@link JsonNode}) as the baseline.
 *
 * <ul>
 *   <li>{@code readAndValidate}: {@link ProgramReader#read(Path)}: strict streaming mapping to the records, then the
 *   whole {@link ProgramValidator} (Jakarta constraints and cross-record rules);</li>
 *   <li>{@code validateOnly}: the validator alone on the content already read;</li>
 *   <li>{@code jacksonTree}: {@code ObjectMapper.readTree} of the same file.</li>
 * </ul>
 *
 * <p>Cold path, honestly: each invocation gets a new {@link ProgramValidator} (and a new reader), so nothing found
 * by an earlier invocation is reused; only the Hibernate Validator factory (its metadata of the record classes),
 * built once per trial as a server builds it once per process, is shared.
 *
 * <pre>java -jar jqsi-bench/target/benchmarks.jar ReadValidateBenchmark -p size=10000</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class ReadValidateBenchmark {

    @Param({"10000"})
    public int size;

    private Path file;
    private ProgramData data;
    private ValidatorFactory factory;
    private ObjectMapper jackson;
    private ProgramValidator validator;
    private ProgramReader reader;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        data = Programs.data(size);
        file = Files.createTempFile("jqsi-bench-program-", ".json");
        // A temporary file of its own: written plainly, without the lock file that a shared file gets.
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            ProgramWriter.forFiles().write(data, out);
        }
        factory = ProgramValidator.defaultFactory();
        jackson = new ObjectMapper();
        ProgramData read = new ProgramReader(new ProgramValidator(factory)).read(file);
        if (read.activities().size() != size) {
            throw new IllegalStateException("read " + read.activities().size() + " activities of " + size);
        }
    }

    @Setup(Level.Invocation)
    public void freshValidator() {
        validator = new ProgramValidator(factory);
        reader = new ProgramReader(validator);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        factory.close();
        Files.deleteIfExists(file);
    }

    @Benchmark
    public ProgramData readAndValidate() throws Exception {
        return reader.read(file);
    }

    @Benchmark
    public ValidationReport validateOnly() {
        return validator.validate(data);
    }

    @Benchmark
    public JsonNode jacksonTree() throws IOException {
        return jackson.readTree(file.toFile());
    }
}
