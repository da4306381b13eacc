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
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.ProgramData;
import org.jqsi.files.LockedFile;
import org.jqsi.json.internal.ProgramMapper;

/**
 * Writes program files (see {@code docs/program-format.md}) in UTF-8, deterministically: the same program in the same
 * style always gives the same bytes (properties in a fixed order, no {@code null}s nor empty lists), so files diff
 * well and web responses can carry stable ETags. {@link #forFiles()} indents for people, {@link #forWeb()} is
 * compact, and {@link #inStyle(ProgramFileStyle)} writes as a given file is laid out ({@link ProgramFileStyle#of}),
 * for a command that rewrites it. Reading what it writes gives an equal program.
 *
 * <p>Elements are written one at a time to the output: writing holds nothing more than the program. Thread-safe.
 */
public final class ProgramWriter {

    private final ProgramFileStyle style;
    private final JsonFactory factory;
    private final ObjectWriter editions;
    private final ObjectWriter partners;
    private final ObjectWriter activities;

    private ProgramWriter(ProgramFileStyle style) {
        this.style = Objects.requireNonNull(style, "style");
        ObjectMapper mapper = ProgramMapper.create();
        this.editions = mapper.writerFor(Edition.class);
        this.partners = mapper.writerFor(Partner.class);
        this.activities = mapper.writerFor(Activity.class);
        this.factory = mapper.getFactory();
    }

    /**
     * Indented with two spaces, one property a line, {@code \n} line ends whatever the platform, with a final line
     * end ({@link ProgramFileStyle#INDENTED}): for files people read and diff.
     */
    public static ProgramWriter forFiles() {
        return new ProgramWriter(ProgramFileStyle.INDENTED);
    }

    /** On one line, without spaces ({@link ProgramFileStyle#COMPACT}): for the web. */
    public static ProgramWriter forWeb() {
        return new ProgramWriter(ProgramFileStyle.COMPACT);
    }

    /**
     * In a given style: {@code ProgramWriter.inStyle(ProgramFileStyle.of(file))} rewrites a file as it was laid out.
     * Indented styles put a space after each colon, as {@link #forFiles()} does.
     */
    public static ProgramWriter inStyle(ProgramFileStyle style) {
        return new ProgramWriter(style);
    }

    /** The style it writes in. */
    public ProgramFileStyle style() {
        return style;
    }

    /** Writes a program to a stream, which is flushed but not closed. */
    public void write(ProgramData data, OutputStream out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (style.indented()) {
                g.setPrettyPrinter(prettyPrinter(style));
            }
            g.writeStartObject();
            g.writeStringField("$schema", ProgramSchema.ID);
            g.writeNumberField("formatVersion", ProgramSchema.FORMAT_VERSION);
            writeList(g, "editions", data.editions(), editions);
            writeList(g, "partners", data.partners(), partners);
            writeList(g, "activities", data.activities(), activities);
            g.writeEndObject();
            if (style.finalLineEnd()) {
                g.writeRaw(style.lineEnd());
            }
        }
    }

    /**
     * A program file written one activity at a time, for a program too large to hold ({@code jqsi export} of a file of
     * a million activities): {@link #start} writes the editions and partners, {@link #write} each activity,
     * {@link #close} the end. The bytes are those {@link #write(ProgramData, OutputStream)} writes for the same program.
     * Not thread-safe.
     */
    public final class ProgramStream implements java.io.Closeable {

        private final JsonGenerator g;
        private boolean started;
        private boolean closed;

        private ProgramStream(JsonGenerator g) {
            this.g = g;
        }

        /** Writes the next activity. */
        public void write(Activity activity) throws IOException {
            if (!started) {
                g.writeArrayFieldStart("activities");
                started = true;
            }
            activities.writeValue(g, activity);
        }

        /** Ends the program; the stream is flushed, not closed. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (started) {
                g.writeEndArray();
            }
            g.writeEndObject();
            if (style.finalLineEnd()) {
                g.writeRaw(style.lineEnd());
            }
            g.close();
        }
    }

    /**
     * Starts a program file of these editions and partners whose activities will be given one at a time
     * ({@link ProgramStream}), on a stream that is flushed but not closed.
     */
    public ProgramStream start(List<Edition> editionList, List<Partner> partnerList, OutputStream out)
            throws IOException {
        JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (style.indented()) {
            g.setPrettyPrinter(prettyPrinter(style));
        }
        g.writeStartObject();
        g.writeStringField("$schema", ProgramSchema.ID);
        g.writeNumberField("formatVersion", ProgramSchema.FORMAT_VERSION);
        writeList(g, "editions", editionList, editions);
        writeList(g, "partners", partnerList, partners);
        return new ProgramStream(g);
    }

    /**
     * Writes a program to a file in this writer's style, replacing it in one step under its lock
     * ({@link LockedFile}, waiting up to {@link LockedFile#DEFAULT_WAIT} for another writer): a server that reloads
     * the file never sees half of it, a crash leaves the old file whole, the file keeps its permissions and owner,
     * and a symbolic link stays a link to the file written. To read, change and write a file, hold its
     * {@link LockedFile} from the read to the write and use {@link #write(ProgramData, OutputStream)} in
     * {@link LockedFile#replace}.
     *
     * @throws org.jqsi.files.FileBusyException when another writer holds the file for longer than the wait
     */
    public void write(ProgramData data, Path file) throws IOException {
        LockedFile.replace(file, LockedFile.DEFAULT_WAIT, notice -> { }, out -> write(data, out));
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

    /** {@code "name": value}, the style's indentation and line ends, {@code []} for an empty list. */
    static DefaultPrettyPrinter prettyPrinter(ProgramFileStyle style) {
        DefaultIndenter indenter = new DefaultIndenter(style.indent(), style.lineEnd());
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
