package org.jqsi.json.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A parser that refuses a property name given twice in one JSON object, as Jackson's
 * {@link JsonParser.Feature#STRICT_DUPLICATE_DETECTION} does, with the same error, but without its cost: Jackson's
 * detector makes a new {@code HashSet} for every object of three names or more, which nearly doubles the time Jackson
 * takes to read the tokens of a program file (a {@code readTree} of 10,000 activities: 35 ms without, 64–70 ms with). Here each nesting level keeps the names of its current object
 * in an array that the next object at that level reuses, and looks a name up by scanning it; an object of more than
 * {@value #SCANNED} names (a hostile one of a million) goes on in a set, so no object costs more than linear time.
 *
 * <p>Every token passes through {@link #nextToken()}, including those {@link #skipChildren()} skips: a name given
 * twice in an ignored or broken part of the file is refused as well.
 */
public final class UniquePropertyNames extends JsonParserDelegate {

    /** Up to this many names, a scan of a few canonical strings costs less than hashing them into a set. */
    static final int SCANNED = 16;

    /** The names of the object open at each depth; entries at depths no longer open are stale and get reset. */
    private String[][] names = new String[8][];
    private int[] counts = new int[8];
    /** The names of an open object that has more than {@value #SCANNED} of them, at its depth. */
    private Set<String>[] larger = newSets(8);
    private int depth = -1;

    /** Wraps a parser that has not read its first token yet. */
    public UniquePropertyNames(JsonParser parser) {
        super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = delegate.nextToken();
        if (token == JsonToken.FIELD_NAME) {
            checkUnique(delegate.currentName());
        } else if (token == JsonToken.START_OBJECT) {
            open();
        } else if (token == JsonToken.END_OBJECT) {
            depth--;
        }
        return token;
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken token = nextToken();
        return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    /** Skips through {@link #nextToken()}, so that the skipped objects are checked and the depth stays right. */
    @Override
    public JsonParser skipChildren() throws IOException {
        JsonToken start = currentToken();
        if (start != JsonToken.START_OBJECT && start != JsonToken.START_ARRAY) {
            return this;
        }
        int open = 1;
        while (open > 0) {
            JsonToken token = nextToken();
            if (token == null) {
                return this;
            }
            if (token.isStructStart()) {
                open++;
            } else if (token.isStructEnd()) {
                open--;
            }
        }
        return this;
    }

    private void open() {
        depth++;
        if (depth == names.length) {
            int grown = depth * 2;
            names = Arrays.copyOf(names, grown);
            counts = Arrays.copyOf(counts, grown);
            larger = Arrays.copyOf(larger, grown);
        }
        // Dropped rather than cleared: clearing a set that once held a huge object walks its whole table.
        larger[depth] = null;
        counts[depth] = 0;
    }

    private void checkUnique(String name) throws JsonParseException {
        int count = counts[depth];
        if (count < SCANNED) {
            String[] seen = names[depth];
            if (seen == null) {
                seen = names[depth] = new String[SCANNED];
            }
            for (int i = 0; i < count; i++) {
                // Jackson hands out canonical names, so equals usually answers on identity or length.
                if (seen[i].equals(name)) {
                    throw duplicate(name);
                }
            }
            seen[count] = name;
        } else {
            Set<String> more = larger[depth];
            if (more == null) {
                more = larger[depth] = new HashSet<>(Arrays.asList(names[depth]));
            }
            if (!more.add(name)) {
                throw duplicate(name);
            }
        }
        counts[depth] = count + 1;
    }

    /** Jackson's own wording, which {@link JsonProblems} recognises, placed at the start of the second name. */
    private JsonParseException duplicate(String name) {
        return new JsonParseException(this, "Duplicate field '" + name + "'", delegate.currentTokenLocation());
    }

    @SuppressWarnings("unchecked")
    private static Set<String>[] newSets(int size) {
        return (Set<String>[]) new Set<?>[size];
    }
}
