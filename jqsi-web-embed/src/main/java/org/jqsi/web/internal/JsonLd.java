package org.jqsi.web.internal;

/**
 * JSON-LD to put in a {@code <script type="application/ld+json">} element. The HTML parser ends such an element at
 * the first {@code </script}, and JSON may hold that text inside strings: jqsi-json's
 * {@link org.jqsi.json.EventJsonLd} writes {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as JSON escapes
 * ({@code \u003C}...), which mean the same to a JSON reader and leave nothing for the HTML parser to see. Each is
 * escaped once, there; this record only refuses text in which one is left, so that no other JSON can reach a page
 * unescaped. jte's own escaping is for JavaScript strings and would break the JSON, so the template writes this
 * text as it is.
 *
 * @param text the JSON-LD, safe inside a script element
 * @throws IllegalArgumentException if the text holds one of those characters unescaped
 */
public record JsonLd(String text) {

    public JsonLd {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException("JSON-LD for a script element has an unescaped U+"
                        + String.format("%04X", (int) c) + " at index " + i);
            }
        }
    }
}
