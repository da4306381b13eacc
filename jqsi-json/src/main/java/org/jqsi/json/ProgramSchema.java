package org.jqsi.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of the program file format, shipped in this jar as
 * {@value #RESOURCE}. Editors use it to complete and check program files; other languages use it to validate them.
 * The reader is stricter than the schema in one way only: it checks, with the core's validator, what a schema cannot
 * (references between ids, an end after its start).
 */
public final class ProgramSchema {

    /** The schema's {@code $id}, which program files name in their {@code "$schema"}. */
    public static final String ID = "https://jqsi.org/schemas/program/1/program.schema.json";

    /** The version of the format that files carry in {@code "formatVersion"}. */
    public static final int FORMAT_VERSION = 1;

    /** Where the schema is on the classpath. */
    public static final String RESOURCE = "/org/jqsi/json/program.schema.json";

    private ProgramSchema() {
    }

    /** The schema, as a stream to read and close. */
    public static InputStream open() {
        InputStream in = ProgramSchema.class.getResourceAsStream(RESOURCE);
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
