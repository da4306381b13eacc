package org.jqsi.core.program;

import org.jqsi.core.model.ProgramData;

/**
 * Where a program comes from: a JSON file, a classpath resource, a URL, partners' iCalendar feeds. Adapters provide
 * the sources that read files; {@link #of(String, ProgramData)} gives a fixed one.
 */
public interface ProgramSource {

    /**
     * Reads the program as it is now.
     *
     * @throws ProgramLoadException when it cannot be read or parsed, with every problem and where it is
     */
    ProgramData read() throws ProgramLoadException;

    /** Where it comes from, for people: {@code "file /srv/jqsi/program.json"}. */
    String describe();

    /** A source that always gives the same content. */
    static ProgramSource of(String description, ProgramData data) {
        return new ProgramSource() {
            @Override
            public ProgramData read() {
                return data;
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }
}
