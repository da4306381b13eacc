package org.jqsi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ValidatorFactory;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * <p>It also gives the CPU time of the reading thread for both, which tells whether that thread is the longer lane
 * (its CPU time close to the wall time) or waits for the validating one, and the CPU time of the whole process per
 * read, which on two cores bounds the wall time from below.
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
            // A temporary file of its own: written plainly, without the lock file that a shared file gets.
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                ProgramWriter.forFiles().write(Programs.data(size), out);
            }
            ObjectMapper jackson = new ObjectMapper();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            double[] tree = new double[rounds];
            double[] read = new double[rounds];
            double[] ratio = new double[rounds];
            double[] treeThread = new double[rounds];
            double[] readThread = new double[rounds];
            long processCpu = 0;
            for (int r = 0; r < rounds; r++) {
                boolean treeFirst = r % 2 == 0;
                if (treeFirst) {
                    long cpu = threads.getCurrentThreadCpuTime();
                    tree[r] = timeTree(jackson, file);
                    treeThread[r] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
                }
                long cpu = threads.getCurrentThreadCpuTime();
                long processStart = process.getProcessCpuTime();
                long start = System.nanoTime();
                new ProgramReader(new ProgramValidator(factory)).read(file);
                read[r] = (System.nanoTime() - start) / 1e6;
                readThread[r] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
                if (r >= rounds / 2) {
                    processCpu += process.getProcessCpuTime() - processStart;
                }
                if (!treeFirst) {
                    cpu = threads.getCurrentThreadCpuTime();
                    tree[r] = timeTree(jackson, file);
                    treeThread[r] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
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
            double readCpu = median(readThread, from);
            double treeCpu = median(treeThread, from);
            System.out.printf("reading thread's CPU: read+validate median %.1f ms, JsonNode median %.1f ms (%.2fx)%n",
                    readCpu, treeCpu, readCpu / treeCpu);
            System.out.printf("process CPU per read+validate, mean: %.1f ms%n", processCpu / 1e6 / (rounds - from));
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
