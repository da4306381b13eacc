package org.jqsi.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jqsi.core.model.Activity;

/**
 * A program file opened to read its activities one at a time, in any order, at the places {@link ProgramReader#scan}
 * gave: an export in the order of dates of a file too large to hold, which the scan found valid. Not thread-safe;
 * close it when done.
 *
 * <pre>{@code
 * try (ActivityFile file = ActivityFile.open(path)) {
 *     Activity activity = file.read(span);
 * }
 * }</pre>
 */
public final class ActivityFile implements Closeable {

    private static final ObjectReader PLAIN = ProgramReader.Shared.PLAIN.readerFor(Activity.class);
    private static final ObjectReader ORDINARY = ProgramReader.Shared.MAPPER.readerFor(Activity.class);

    private final FileChannel channel;
    private final Path file;
    private ByteBuffer buffer = ByteBuffer.allocate(4096);

    private ActivityFile(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens a program file that {@link ProgramReader#scan} read. */
    public static ActivityFile open(Path file) throws IOException {
        return new ActivityFile(file, FileChannel.open(file, StandardOpenOption.READ));
    }

    /**
     * The activity at this place of the file.
     *
     * @throws ChangedFileException when what is there is not an activity: the file changed since it was scanned
     * @throws IOException when the file cannot be read
     */
    public Activity read(ActivitySpan span) throws IOException {
        if (span.length() > Integer.MAX_VALUE - 16) {
            throw new ChangedFileException(file);
        }
        int length = (int) span.length();
        if (buffer.capacity() < length) {
            buffer = ByteBuffer.allocate(Math.max(length, buffer.capacity() * 2));
        }
        buffer.clear().limit(length);
        long position = span.offset();
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new ChangedFileException(file);
            }
            position += n;
        }
        byte[] bytes = buffer.array();
        Activity activity;
        try {
            activity = PLAIN.readValue(bytes, 0, length);
        } catch (JsonProcessingException notPlain) {
            activity = null;
        }
        if (activity != null) {
            return activity;
        }
        // Not plain: read the ordinary way, slower and the same.
        try {
            return ORDINARY.readValue(bytes, 0, length);
        } catch (JsonProcessingException e) {
            throw new ChangedFileException(file);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** What is at a place {@link ProgramReader#scan} gave is no activity: the file changed since. */
    public static final class ChangedFileException extends EOFException {

        private static final long serialVersionUID = 1L;

        /** @param file the program file that changed */
        public ChangedFileException(Path file) {
            super(file + " changed since it was read");
        }
    }
}
