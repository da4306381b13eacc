package org.jqsi.server.internal.submissions;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.program.ProgramSource;

/**
 * The program file (with its sources) under what submissions published, as the server serves it now: what an
 * approval from the review pages is checked against (as {@code jqsi submissions approve --program} checks one against
 * the file), and what its warnings are shown against. It is the base as the server last read it, not read again for
 * each page (a URL would be fetched, sources composed anew); before the first read, it is read. The served source is
 * known only once the server has loaded it, hence the supplier.
 */
public final class BaseProgram implements ProgramSource {

    private final Supplier<ProgramSource> served;

    /** @param served the source the server serves: a {@link SubmittedSource}, or a plain one */
    public BaseProgram(Supplier<ProgramSource> served) {
        this.served = Objects.requireNonNull(served, "served");
    }

    @Override
    public ProgramData read() throws ProgramLoadException {
        ProgramSource source = served();
        if (source instanceof SubmittedSource submitted) {
            Optional<ProgramData> last = submitted.lastBase();
            if (last.isPresent()) {
                return last.get();
            }
        }
        return base().read();
    }

    @Override
    public String describe() {
        return base().describe();
    }

    private ProgramSource base() {
        ProgramSource source = served();
        return source instanceof SubmittedSource submitted ? submitted.base() : source;
    }

    private ProgramSource served() {
        ProgramSource source = served.get();
        if (source == null) {
            throw new IllegalStateException("the program is not loaded yet");
        }
        return source;
    }
}
