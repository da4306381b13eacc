package org.jqsi.server.internal.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jqsi.core.program.TextSearch;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.json.ProgramReader;
import org.jqsi.search.WordFormSearch;

/**
 * The validator and the reader of program files that the commands share, set up on a thread of their own from the
 * moment the command line starts: Hibernate Validator and Jackson take a few hundred milliseconds to set up, about as
 * long as reading the command line does, and with two cores both happen at once. That was the longest part of the
 * time {@code jqsi serve} took to answer. A command that reads no program ({@code --help}) leaves it unused.
 */
final class ProgramTools {

    private record Tools(ProgramValidator validator, ProgramReader reader) {
    }

    private final CompletableFuture<Tools> tools = new CompletableFuture<>();
    // Cheap to make: it loads Lucene's analysers on the first text query.
    private final TextSearch search = new WordFormSearch();

    private ProgramTools() {
    }

    /** Starts setting up the validator and the reader in the background. */
    static ProgramTools setUpInBackground() {
        ProgramTools setUp = new ProgramTools();
        Thread thread = new Thread(() -> {
            try {
                ProgramValidator validator = new ProgramValidator();
                setUp.tools.complete(new Tools(validator, new ProgramReader(validator)));
            } catch (Throwable e) {
                setUp.tools.completeExceptionally(e);
            }
        }, "jqsi-program-tools");
        thread.setDaemon(true);
        thread.start();
        return setUp;
    }

    /** The validator, once set up. */
    ProgramValidator validator() {
        return tools().validator();
    }

    /** The reader, which checks programs with {@link #validator()}, once set up. */
    ProgramReader reader() {
        return tools().reader();
    }

    /** The text search of the programs that the commands serve and export: French and English word forms. */
    TextSearch search() {
        return search;
    }

    private Tools tools() {
        try {
            return tools.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
