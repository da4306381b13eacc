package org.jqsi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The CPU time of a server run inside the benchmark's own JVM: every live thread's, less the JIT compilers' (they
 * compile for as long as the code is new, which says how warm the JVM is, not what a request costs) and, when given,
 * the client thread's. Less sensitive than wall time to what else runs on a shared machine.
 */
final class ApplicationCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ApplicationCpu() {
    }

    /** The CPU time of every live thread but the compilers, in nanoseconds. */
    static long nanos() {
        return nanosExcept(-1);
    }

    /** The same without the thread {@code client} (a {@link Thread#getId()}), in nanoseconds. */
    static long nanosExcept(long client) {
        long sum = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && thread.getThreadId() != client && !thread.getThreadName().contains("Compiler")) {
                sum += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return sum;
    }

    /** The median of rounds' figures (the upper one of an even count). */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
