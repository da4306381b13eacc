package org.jqsi.web.internal;

/**
 * JSON-LD to put in a {@code <script type="application/ld+json">} element. The HTML parser ends such an element at
 * the first {@code </script}, and JSON may hold that text inside strings: {@code <}, {@code >} and {@code &} are
 * written as JSON escapes ({@code \u003c}...), which mean the same to a JSON reader and leave nothing for the HTML
 * parser to see. jte's own escaping is for JavaScript strings and would break the JSON, so the template writes this
 * text as it is.
 *
 * @param text the JSON-LD, safe inside a script element
 */
public record JsonLd(String text) {

    /** JSON-LD from any JSON text. */
    public static JsonLd of(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                // JavaScript, unlike JSON, ends lines at these; escaped, the text is both.
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return new JsonLd(out.toString());
    }
}
