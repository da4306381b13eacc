package org.jqsi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ValidatorFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;

/**
 * The read + validate target as a ratio measured in pairs: each round reads the same file once with Jackson into a
 * {@code JsonNode} tree and once with {@link ProgramReader} (a new {@link ProgramValidator} each time, as in
 * {@link ReadValidateBenchmark}), in alternating order, and the figure is the median of the rounds' ratios.
 *
 * <p>Why besides JMH: on a shared machine the load changes within minutes, and JMH runs all the iterations of one
 * benchmark before those of the other, so the same code measured 1.9× and 2.6× within an hour. Pairs taken a
 * fraction of a second apart see the same machine.
 *
 * <pre>java -Xmx2g -cp jqsi-bench/target/benchmarks.jar org.jqsi.bench.ReadRatio 10000 400</pre>
 */
public final class ReadRatio {

    private ReadRatio() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : Programs.MEDIUM;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        Path file = Files.createTempFile("jqsi-bench-program-", ".json");
        try (ValidatorFactory factory = ProgramValidator.defaultFactory()) {
            ProgramWriter.forFiles().write(Programs.data(size), file);
            ObjectMapper jackson = new ObjectMapper();
            double[] tree = new double[rounds];
            double[] read = new double[rounds];
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                boolean treeFirst = r % 2 == 0;
                if (treeFirst) {
                    tree[r] = timeTree(jackson, file);
                }
                long start = System.nanoTime();
                new ProgramReader(new ProgramValidator(factory)).read(file);
                read[r] = (System.nanoTime() - start) / 1e6;
                if (!treeFirst) {
                    tree[r] = timeTree(jackson, file);
                }
                ratio[r] = read[r] / tree[r];
            }
            // The first half warms the JIT up and is left out.
            int from = rounds / 2;
            System.out.printf("%d activities, %d measured pairs, %d cores%n", size, rounds - from,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("read+validate median %.1f ms, Jackson JsonNode median %.1f ms%n",
                    median(read, from), median(tree, from));
            System.out.printf("ratio of pairs: median %.2f, quartiles %.2f-%.2f%n", median(ratio, from),
                    quantile(ratio, from, 0.25), quantile(ratio, from, 0.75));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double timeTree(ObjectMapper jackson, Path file) throws Exception {
        long start = System.nanoTime();
        jackson.readTree(file.toFile());
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values, int from) {
        return quantile(values, from, 0.5);
    }

    private static double quantile(double[] values, int from, double q) {
        double[] measured = Arrays.copyOfRange(values, from, values.length);
        Arrays.sort(measured);
        return measured[(int) Math.min(measured.length - 1, Math.round(q * (measured.length - 1)))];
    }
}
