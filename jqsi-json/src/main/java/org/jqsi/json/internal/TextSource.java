package org.jqsi.json.internal;

import org.jqsi.core.model.LocalizedText;

/**
 * What a JSON text is, which the problems about its end and its bytes name: a file, or the body of a request to the
 * submission API. The rest of what they say is the same for both, and is written once in the bundle.
 */
public enum TextSource {

    /** A program or sources file. */
    FILE("source.file"),
    /** The body of a request. */
    REQUEST_BODY("source.body");

    private final String key;

    TextSource(String key) {
        this.key = key;
    }

    /**
     * Its name, as the messages put it after "the", and after "le" or "du" in French: each is masculine and starts
     * with a consonant there, so that one sentence fits both.
     */
    LocalizedText noun() {
        return JsonMessages.text(key);
    }

    /** The start of every problem of its bytes: it is not UTF-8, and what to do about it. */
    LocalizedText notUtf8() {
        return JsonMessages.text(key + ".not-utf8");
    }
}
