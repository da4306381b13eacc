package org.jqsi.json.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds where paths such as {@code activities[3].schedule.end} are in a file, by reading it once more. The core's
 * validator knows paths, not lines; this runs only when a valid-looking file has problems, so reading a good file
 * never pays for it.
 */
public final class JsonLocator {

    private final Map<String, JsonLocation> found = new HashMap<>();

    private JsonLocator() {
    }

    /** A locator that knows no place: for input that cannot be read twice. */
    public static JsonLocator none() {
        return new JsonLocator();
    }

    /**
     * Reads the file and returns a locator for the given paths and their parents, which stand in for properties that
     * are absent ({@code activities[3].previousStart} is found at {@code activities[3]}). A file that cannot be read
     * again gives an empty locator.
     */
    public static JsonLocator of(JsonParser p, Collection<String> paths) {
        JsonLocator locator = new JsonLocator();
        Set<String> wanted = new HashSet<>();
        for (String path : paths) {
            for (String at = path; !at.isEmpty(); at = parent(at)) {
                wanted.add(at);
            }
        }
        try (p) {
            JsonToken token;
            while (!wanted.isEmpty() && (token = p.nextToken()) != null) {
                String path = pathOf(p, token);
                if (path != null && wanted.remove(path)) {
                    locator.found.put(path, p.currentTokenLocation());
                }
            }
        } catch (JsonProcessingException e) {
            // The file changed since it was read; what was found so far is still right.
        } catch (IOException e) {
            // Cannot read it again: problems keep their paths without lines.
        }
        return locator;
    }

    /** The location of a path, or of its nearest parent found in the file. */
    public Optional<JsonLocation> locate(String path) {
        for (String at = path; !at.isEmpty(); at = parent(at)) {
            JsonLocation location = found.get(at);
            if (location != null) {
                return Optional.of(location);
            }
        }
        return Optional.empty();
    }

    /** The path a token starts: a property's name, or an array element's first token. */
    private static String pathOf(JsonParser p, JsonToken token) {
        JsonStreamContext context = p.getParsingContext();
        if (token == JsonToken.FIELD_NAME) {
            return render(context);
        }
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
            return null;
        }
        JsonStreamContext container = token.isStructStart() ? context.getParent() : context;
        return container != null && container.inArray() ? render(container) : null;
    }

    private static String render(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                path.insert(0, (c.getParent() != null && c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
            }
        }
        return path.toString();
    }

    /** {@code activities[3].schedule} for {@code activities[3].schedule.end}; {@code ""} at the top. */
    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : path.substring(0, cut);
    }
}
