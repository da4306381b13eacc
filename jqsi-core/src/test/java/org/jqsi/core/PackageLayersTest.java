package org.jqsi.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.jqsi.core.validation.ProgramValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public packages of jqsi-core are layers: the model needs nothing of the others, validation needs only the model,
 * the program needs both, and only the Guice wiring needs all three (#17 item 10: validation and program used to
 * depend on each other). Checked on the compiled classes with the JDK's {@code jdeps}, class by class and
 * transitively, so that a path through {@code org.jqsi.core.internal}, which every layer uses, counts too.
 */
class PackageLayersTest {

    private static final String CORE = "org.jqsi.core";
    private static final String MODEL = CORE + ".model";
    private static final String VALIDATION = CORE + ".validation";
    private static final String PROGRAM = CORE + ".program";

    /** A line of {@code jdeps -verbose:class}: {@code   a.B   -> c.D   archive}. */
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+\\S+\\s*$");

    /** Class → the jqsi-core classes it names. */
    private static final Map<String, Set<String>> USES = new HashMap<>();

    @BeforeAll
    static void readTheClasses(@TempDir Path copy) throws IOException, URISyntaxException {
        // jdeps resolves a directory with a module-info.class as a module, which needs every module it requires:
        // the classes alone are enough to see which class names which.
        Path classes = Path.of(ProgramValidator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes).as("jqsi-core's compiled classes, as a directory").isDirectory();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (Files.isRegularFile(file) && name.endsWith(".class") && !name.equals("module-info.class")) {
                    Path target = copy.resolve(classes.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err),
                "-verbose:class", "-filter:none", copy.toString());
        assertThat(status).as("jdeps: %s", err).isZero();
        for (String line : out.toString().split("\\R")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.matches() && edge.group(2).startsWith(CORE + ".")) {
                USES.computeIfAbsent(edge.group(1), k -> new HashSet<>()).add(edge.group(2));
            }
        }
        assertThat(USES).as("edges read from jdeps").containsKey(ProgramValidator.class.getName());
    }

    @Test
    void theModelNeedsNoOtherPublicPackage() {
        assertThat(publicPackagesReachedFrom(MODEL)).containsOnlyKeys(MODEL);
    }

    @Test
    void validationNeedsOnlyTheModel() {
        assertThat(publicPackagesReachedFrom(VALIDATION)).containsOnlyKeys(MODEL, VALIDATION);
    }

    @Test
    void theProgramNeedsTheModelAndValidationButNotTheWiring() {
        assertThat(publicPackagesReachedFrom(PROGRAM)).containsOnlyKeys(MODEL, VALIDATION, PROGRAM);
    }

    @Test
    void aDependencyThroughAnotherPackageCounts() {
        Map<String, Set<String>> uses = Map.of(
                VALIDATION + ".A", Set.of(CORE + ".internal.B"),
                CORE + ".internal.B", Set.of(PROGRAM + ".C"));

        assertThat(reached(uses, VALIDATION)).containsEntry(PROGRAM,
                List.of(VALIDATION + ".A", CORE + ".internal.B", PROGRAM + ".C"));
    }

    /**
     * The public packages of jqsi-core that classes of {@code from} reach, directly or through other classes, each
     * with one path of classes that leads there: a failure says which classes make the dependency.
     */
    private static Map<String, String> publicPackagesReachedFrom(String from) {
        Map<String, String> described = new TreeMap<>();
        reached(USES, from).forEach((pkg, path) -> {
            if (!pkg.startsWith(CORE + ".internal")) {
                described.put(pkg, String.join(" -> ", path));
            }
        });
        assertThat(described).as("classes of %s found", from).containsKey(from);
        return described;
    }

    /** Breadth-first from every class of {@code from}: each package reached, with the shortest path found to it. */
    static Map<String, List<String>> reached(Map<String, Set<String>> uses, String from) {
        Map<String, List<String>> pathTo = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String start : new TreeSet<>(uses.keySet())) {
            if (packageOf(start).equals(from)) {
                pathTo.put(start, List.of(start));
                queue.add(start);
            }
        }
        while (!queue.isEmpty()) {
            String current = queue.remove();
            for (String next : new TreeSet<>(uses.getOrDefault(current, Set.of()))) {
                if (!pathTo.containsKey(next)) {
                    List<String> path = new ArrayList<>(pathTo.get(current));
                    path.add(next);
                    pathTo.put(next, List.copyOf(path));
                    queue.add(next);
                }
            }
        }
        Map<String, List<String>> byPackage = new TreeMap<>();
        pathTo.forEach((type, path) -> byPackage.merge(packageOf(type), path,
                (a, b) -> a.size() <= b.size() ? a : b));
        return byPackage;
    }

    private static String packageOf(String type) {
        return type.substring(0, type.lastIndexOf('.'));
    }
}
