package org.jqsi.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Partner;
import org.jqsi.core.program.ProgramData;
import org.jqsi.json.internal.ProgramMapper;

/**
 * Writes program files (see {@code docs/program-format.md}) in UTF-8, deterministically: the same program always
 * gives the same bytes (properties in a fixed order, no {@code null}s nor empty lists, {@code \n} line ends), so files
 * diff well and web responses can carry stable ETags. {@link #forFiles()} indents for people, {@link #forWeb()} is
 * compact. Reading what it writes gives an equal program.
 *
 * <p>Elements are written one at a time to the output: writing holds nothing more than the program. Thread-safe.
 */
public final class ProgramWriter {

    private final boolean indent;
    private final JsonFactory factory;
    private final ObjectWriter editions;
    private final ObjectWriter partners;
    private final ObjectWriter activities;

    private ProgramWriter(boolean indent) {
        this.indent = indent;
        ObjectMapper mapper = ProgramMapper.create();
        this.editions = mapper.writerFor(Edition.class);
        this.partners = mapper.writerFor(Partner.class);
        this.activities = mapper.writerFor(Activity.class);
        this.factory = mapper.getFactory();
    }

    /** Indented with two spaces, one property a line, with a final line end: for files people read and diff. */
    public static ProgramWriter forFiles() {
        return new ProgramWriter(true);
    }

    /** On one line, without spaces: for the web. */
    public static ProgramWriter forWeb() {
        return new ProgramWriter(false);
    }

    /** Writes a program to a stream, which is flushed but not closed. */
    public void write(ProgramData data, OutputStream out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (indent) {
                g.setPrettyPrinter(prettyPrinter());
            }
            g.writeStartObject();
            g.writeStringField("$schema", ProgramSchema.ID);
            g.writeNumberField("formatVersion", ProgramSchema.FORMAT_VERSION);
            writeList(g, "editions", data.editions(), editions);
            writeList(g, "partners", data.partners(), partners);
            writeList(g, "activities", data.activities(), activities);
            g.writeEndObject();
            if (indent) {
                g.writeRaw('\n');
            }
        }
    }

    /**
     * Writes a program to a file, replacing it in one step: a server that reloads the file never sees half of it.
     */
    public void write(ProgramData data, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                write(data, out);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The program file's bytes, in UTF-8. */
    public byte[] toBytes(ProgramData data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(data, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** The program file's text. */
    public String toJson(ProgramData data) {
        return new String(toBytes(data), StandardCharsets.UTF_8);
    }

    private static <T> void writeList(JsonGenerator g, String name, List<T> items, ObjectWriter writer)
            throws IOException {
        if (items.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(name);
        for (T item : items) {
            writer.writeValue(g, item);
        }
        g.writeEndArray();
    }

    /** {@code "name": value}, two spaces, {@code \n} whatever the platform, {@code []} for an empty list. */
    static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new FilePrettyPrinter(new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    /** Jackson writes an empty list as {@code [ ]}; files have {@code []}. */
    private static final class FilePrettyPrinter extends DefaultPrettyPrinter {

        private static final long serialVersionUID = 1L;

        FilePrettyPrinter(DefaultPrettyPrinter base) {
            super(base);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new FilePrettyPrinter(this);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (nrOfValues > 0) {
                super.writeEndArray(g, nrOfValues);
                return;
            }
            if (!_arrayIndenter.isInline()) {
                --_nesting;
            }
            g.writeRaw(']');
        }
    }
}
