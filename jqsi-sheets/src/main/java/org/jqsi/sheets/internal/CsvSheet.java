package org.jqsi.sheets.internal;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV file as spreadsheet programs write it: UTF-8 with or without a byte order mark (Excel's « CSV UTF-8 » writes
 * one), fields separated by commas, or by semicolons as French versions of Excel and LibreOffice write them (or by
 * tabs), quoted when they hold a separator, a quote ({@code ""}) or a line break (RFC 4180), lines ending in CRLF or
 * LF. The separator is the one of {@code , ; tab} that the header line has most of outside quotes.
 *
 * <p>A file that is not UTF-8 (Windows-1252, as older versions of Excel write « CSV ») gives one problem that says so
 * and how to save it, and nothing else: every accent would otherwise be a problem of its own.
 */
final class CsvSheet {

    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvSheet() {
    }

    /** The rows of a CSV file, or {@code null} when it cannot be read (the reason is in the problems). */
    static RawSheet read(byte[] bytes, int maxRows, SheetProblems problems) {
        String text = decode(bytes, problems);
        if (text == null) {
            return null;
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        char separator = separator(text);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar('"')
                .withoutEscapeChar();
        List<RawSheet.Row> rows = new ArrayList<>();
        int number = 0;
        try (MappingIterator<String[]> records = MAPPER.readerFor(String[].class).with(schema).readValues(text)) {
            while (records.hasNextValue()) {
                String[] record = records.nextValue();
                number++;
                if (number > maxRows) {
                    problems.error(SheetPlace.row(number), "sheet.too-many-rows", Integer.toString(maxRows));
                    return null;
                }
                List<CellValue> cells = Arrays.stream(record).<CellValue>map(CellValue.Text::new).toList();
                RawSheet.Row row = new RawSheet.Row(number, cells);
                if (!row.isBlank()) {
                    rows.add(row);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Jackson's only complaint about text it has been given whole is a quote that never closes.
            problems.error(SheetPlace.row(number + 1), "sheet.csv-quote");
            return null;
        }
        return new RawSheet(rows);
    }

    /** The text of a UTF-8 file; {@code null}, with one problem, for any other encoding. */
    private static String decode(byte[] bytes, SheetProblems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            problems.error(SheetPlace.FILE, "sheet.not-utf8", Integer.toString(lineOf(bytes, offset)),
                    String.format("0x%02X", bytes[offset] & 0xFF), wordAround(bytes, offset));
            return null;
        }
        out.flip();
        return out.toString();
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The word that holds the byte, read as Windows-1252 (« Début »), so that the user recognises it: the byte alone
     * means nothing to them.
     */
    private static String wordAround(byte[] bytes, int offset) {
        int start = offset;
        while (start > 0 && offset - start < 30 && isWordByte(bytes[start - 1])) {
            start--;
        }
        int end = offset + 1;
        while (end < bytes.length && end - offset < 30 && isWordByte(bytes[end])) {
            end++;
        }
        return new String(bytes, start, end - start, WINDOWS_1252);
    }

    private static boolean isWordByte(byte b) {
        return b < 0 || Character.isLetterOrDigit((char) b) || b == '\'' || b == '-';
    }

    /** The separator that the header line (up to its first line break outside quotes) has most of. */
    static char separator(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') {
                    break;
                }
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> {
                    }
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }
}
