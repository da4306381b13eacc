package org.jqsi.bench;

import org.jqsi.core.program.Program;

/**
 * The heap a {@link Program} holds: used heap after full collections, before and after building one (from the
 * generator, 100,000 activities by default), with the program still referenced.
 *
 * <pre>java -Xmx2g -XX:+UseSerialGC -cp jqsi-bench/target/benchmarks.jar org.jqsi.bench.HeapOfProgram 100000</pre>
 */
public final class HeapOfProgram {

    private HeapOfProgram() {
    }

    public static void main(String[] args) throws InterruptedException {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : Programs.LARGE;
        long before = used();
        Program program = Programs.of(size);
        long after = used();
        System.out.printf("heap held by %s: %.1f MB%n", program, (after - before) / 1e6);
    }

    private static long used() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
