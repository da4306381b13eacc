package org.jqsi.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.jqsi.core.model.Activity;
import org.jqsi.json.internal.ProgramMapper;

/**
 * One activity in the program file's format ({@code docs/program-format.md}, an element of {@code activities}), on its
 * own: for what keeps activities apart from a program file, such as a database of submissions. Compact and
 * deterministic as {@link ProgramWriter#forWeb()}; reading what it writes gives an equal activity.
 *
 * <p>To read an activity that people wrote, with every problem located, read it inside a program with
 * {@link ProgramReader}, which validates it there. Thread-safe.
 */
public final class ActivityJson {

    private static final ObjectMapper MAPPER = ProgramMapper.create();
    private static final ObjectWriter WRITER = MAPPER.writerFor(Activity.class);
    private static final ObjectReader READER = MAPPER.readerFor(Activity.class);

    private ActivityJson() {
    }

    /** The activity as one line of JSON. */
    public static String write(Activity activity) {
        try {
            return WRITER.writeValueAsString(activity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an activity of the model is always written", e);
        }
    }

    /**
     * An activity that {@link #write} wrote.
     *
     * @throws IllegalArgumentException when it is not an activity in the program file's format
     */
    public static Activity read(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an activity in the program file's format: "
                    + e.getOriginalMessage(), e);
        }
    }
}
