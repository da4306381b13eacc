package org.jqsi.server.internal.submissions;

import java.util.Objects;
import java.util.function.Supplier;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.program.ProgramSource;

/**
 * The program file (with its sources) under what submissions published, read afresh when asked: what an approval
 * from the review pages is checked against, as {@code jqsi submissions approve --program} checks one. The served
 * source is known only once the server has loaded it, hence the supplier.
 */
public final class BaseProgram implements ProgramSource {

    private final Supplier<ProgramSource> served;

    /** @param served the source the server serves: a {@link SubmittedSource}, or a plain one */
    public BaseProgram(Supplier<ProgramSource> served) {
        this.served = Objects.requireNonNull(served, "served");
    }

    @Override
    public ProgramData read() throws ProgramLoadException {
        return base().read();
    }

    @Override
    public String describe() {
        return base().describe();
    }

    private ProgramSource base() {
        ProgramSource source = served.get();
        if (source == null) {
            throw new IllegalStateException("the program is not loaded yet");
        }
        return source instanceof SubmittedSource submitted ? submitted.base() : source;
    }
}
