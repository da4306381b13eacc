package org.jqsi.web.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@code 200} carries besides its body and its {@link Caching}: its media type and headers that describe the
 * body ({@code Content-Language}, {@code Content-Disposition}...), which a {@code 304} leaves out.
 *
 * @param type the media type, with its charset
 * @param headers the other headers, by name
 */
record Content(String type, Map<String, String> headers) {

    static final String HTML = "text/html;charset=UTF-8";

    Content {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    static Content of(String type) {
        return new Content(type, Map.of());
    }

    /** The same with one more header. */
    Content with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Content(type, more);
    }
}
