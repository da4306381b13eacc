package org.jqsi.json.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.ContentReference;
import java.util.Objects;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * Text that is not what the program format allows, found under the JSON parser, where Jackson would let it through:
 * bytes that are not well-formed UTF-8 (an overlong form, an encoded surrogate, a file in UTF-16 or Windows-1252), or
 * an escape {@code \ud800} that is half of a surrogate pair without its other half. Reading ends there.
 */
public final class MalformedText extends JsonParseException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String key;
    private final transient Object[] details;

    /**
     * @param code {@link JsonProblems#NOT_UTF8} or {@link JsonProblems#SYNTAX}
     * @param line the line of the first character concerned, from 1
     * @param column its column, counted in characters, from 1
     * @param key the message; for {@link JsonProblems#NOT_UTF8}, its {@code {0}} is {@link TextSource#notUtf8()}, and
     *     the {@code details} follow it
     */
    MalformedText(String code, int line, int column, String key, Object... details) {
        super(null, described(code, key, details, TextSource.FILE).in(Language.EN),
                new JsonLocation(ContentReference.unknown(), -1, line, column));
        this.code = Objects.requireNonNull(code, "code");
        this.key = key;
        this.details = details.clone();
    }

    /** What is wrong, in French and English, said of a text of this source. */
    public LocalizedText description(TextSource source) {
        return described(code, key, details, source);
    }

    private static LocalizedText described(String code, String key, Object[] details, TextSource source) {
        if (!code.equals(JsonProblems.NOT_UTF8)) {
            return JsonMessages.text(key, details);
        }
        Object[] args = new Object[details.length + 1];
        args[0] = source.notUtf8();
        System.arraycopy(details, 0, args, 1, details.length);
        return JsonMessages.text(key, args);
    }

    /** The problem's code. */
    public String code() {
        return code;
    }
}
