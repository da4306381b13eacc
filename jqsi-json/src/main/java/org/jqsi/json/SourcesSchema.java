package org.jqsi.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of the sources file, which declares the partners' feeds and spreadsheets a server
 * follows ({@link SourcesReader}), shipped in this jar as {@value #RESOURCE}. The reader is stricter in what a schema
 * cannot say: ids unique among the sources, a refresh of at least one second.
 */
public final class SourcesSchema {

    /** The schema's {@code $id}, which sources files may name in their {@code "$schema"}. */
    public static final String ID = "https://jqsi.org/schemas/sources/1/sources.schema.json";

    /** The version of the format that files carry in {@code "formatVersion"}. */
    public static final int FORMAT_VERSION = 1;

    /** Where the schema is on the classpath. */
    public static final String RESOURCE = "/org/jqsi/json/sources.schema.json";

    private SourcesSchema() {
    }

    /** The schema, as a stream to read and close. */
    public static InputStream open() {
        InputStream in = SourcesSchema.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the jar has lost " + RESOURCE);
        }
        return in;
    }

    /** The schema's text. */
    public static String text() {
        try (InputStream in = open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
