package org.jqsi.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * How a program file is laid out, so that a command that rewrites a file (merging a feed into it) keeps the layout its
 * owner chose: a compact file stays compact (a 41 MB file on one line must not come back as a 68 MB indented one,
 * larger than a server accepts), an indented one keeps its indentation and line ends, and a diff of the two versions
 * shows what changed, not the layout. {@link ProgramWriter#inStyle(ProgramFileStyle)} writes in a style; {@link #of}
 * finds the style of a file.
 *
 * @param indented one property or element a line ({@code true}), or everything on one line ({@code false})
 * @param indent what each level of nesting adds at the start of a line when indented: spaces or tabs ({@code "  "},
 *     {@code "\t"}), possibly none; empty when compact
 * @param lineEnd {@code "\n"} or {@code "\r\n"} (a file saved by a Windows editor)
 * @param finalLineEnd whether the file ends with a line end after its closing brace
 */
public record ProgramFileStyle(boolean indented, String indent, String lineEnd, boolean finalLineEnd) {

    /** What {@link ProgramWriter#forFiles()} writes: two spaces a level, {@code \n}, a final line end. */
    public static final ProgramFileStyle INDENTED = new ProgramFileStyle(true, "  ", "\n", true);

    /** What {@link ProgramWriter#forWeb()} writes: one line, without spaces nor a final line end. */
    public static final ProgramFileStyle COMPACT = new ProgramFileStyle(false, "", "\n", false);

    /**
     * How much of a file's beginning {@link #of(Path)} reads: an indented file shows its indentation on its second
     * line, and a compact one has no line end in its first 64 KiB.
     */
    static final int HEAD_BYTES = 64 * 1024;

    public ProgramFileStyle {
        Objects.requireNonNull(indent, "indent");
        Objects.requireNonNull(lineEnd, "lineEnd");
        if (!indent.chars().allMatch(c -> c == ' ' || c == '\t')) {
            throw new IllegalArgumentException("indent: only spaces and tabs, not \"" + indent + "\"");
        }
        if (!indented && !indent.isEmpty()) {
            throw new IllegalArgumentException("indent: a compact file has none");
        }
        if (!lineEnd.equals("\n") && !lineEnd.equals("\r\n")) {
            throw new IllegalArgumentException("lineEnd: \\n or \\r\\n");
        }
    }

    /**
     * The style of a program file, from its first 64 KiB and its last bytes: compact when its JSON is on one line,
     * indented otherwise, with the indentation of its second line as one level (as a file written by jqsi, Jackson,
     * {@code jq} or an editor's formatter has it). {@link #INDENTED} for a file that does not exist, is empty, or
     * does not start with a JSON object: what jqsi writes for a new file.
     *
     * @throws IOException when the file exists but cannot be read
     */
    public static ProgramFileStyle of(Path file) throws IOException {
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            long size = in.size();
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, HEAD_BYTES));
            while (head.hasRemaining() && in.read(head) >= 0) {
                // Fill the buffer: a read may return less than asked.
            }
            ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, 2));
            in.position(size - tail.capacity());
            while (tail.hasRemaining() && in.read(tail) >= 0) {
                // As above.
            }
            return detect(head.array(), head.position(), head.position() >= size, tail.array());
        } catch (NoSuchFileException e) {
            return INDENTED;
        }
    }

    /** The style of a whole program file's bytes; see {@link #of(Path)}. */
    public static ProgramFileStyle of(byte[] file) {
        int tail = Math.min(file.length, 2);
        return detect(file, Math.min(file.length, HEAD_BYTES), file.length <= HEAD_BYTES,
                Arrays.copyOfRange(file, file.length - tail, file.length));
    }

    /**
     * @param head the file's first bytes, {@code length} of them
     * @param whole whether the head is the whole file
     * @param tail the file's last two bytes (fewer for a shorter file)
     */
    private static ProgramFileStyle detect(byte[] head, int length, boolean whole, byte[] tail) {
        int at = 0;
        if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            at = 3;
        }
        while (at < length && isSpace(head[at])) {
            at++;
        }
        if (at >= length || head[at] != '{') {
            return INDENTED;
        }
        boolean crlfAtEnd = tail.length == 2 && tail[0] == '\r' && tail[1] == '\n';
        boolean finalLineEnd = tail.length > 0 && tail[tail.length - 1] == '\n';
        int newline = at + 1;
        while (newline < length && head[newline] != '\n') {
            newline++;
        }
        boolean moreLines = newline < length && (!whole || !onlySpaceFrom(head, newline, length));
        if (!moreLines) {
            return new ProgramFileStyle(false, "", crlfAtEnd ? "\r\n" : "\n", finalLineEnd);
        }
        int indentEnd = newline + 1;
        while (indentEnd < length && (head[indentEnd] == ' ' || head[indentEnd] == '\t')) {
            indentEnd++;
        }
        String indent = new String(head, newline + 1, indentEnd - newline - 1, StandardCharsets.US_ASCII);
        String lineEnd = head[newline - 1] == '\r' ? "\r\n" : "\n";
        return new ProgramFileStyle(true, indent, lineEnd, finalLineEnd);
    }

    private static boolean onlySpaceFrom(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSpace(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
