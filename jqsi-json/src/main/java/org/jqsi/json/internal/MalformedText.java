package org.jqsi.json.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.ContentReference;
import java.util.Objects;
import org.jqsi.core.model.LocalizedText;

/**
 * Text that is not what the program format allows, found under the JSON parser, where Jackson would let it through:
 * bytes that are not well-formed UTF-8 (an overlong form, an encoded surrogate, a file in UTF-16 or Windows-1252), or
 * an escape {@code \ud800} that is half of a surrogate pair without its other half. Reading ends there.
 */
public final class MalformedText extends JsonParseException {

    private static final long serialVersionUID = 1L;

    private final transient LocalizedText description;
    private final String code;

    /**
     * @param code {@link JsonProblems#NOT_UTF8} or {@link JsonProblems#SYNTAX}
     * @param line the line of the first character concerned, from 1
     * @param column its column, counted in characters, from 1
     */
    MalformedText(String code, LocalizedText description, int line, int column) {
        super(null, description.in(org.jqsi.core.model.Language.EN),
                new JsonLocation(ContentReference.unknown(), -1, line, column));
        this.code = Objects.requireNonNull(code, "code");
        this.description = description;
    }

    /** What is wrong, in French and English. */
    public LocalizedText description() {
        return description;
    }

    /** The problem's code. */
    public String code() {
        return code;
    }
}
