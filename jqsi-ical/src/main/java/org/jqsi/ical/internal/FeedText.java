package org.jqsi.ical.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jqsi.ical.FeedFormatException;

/**
 * The text layer of an iCalendar feed (RFC 5545 §3.1), read from its bytes: lines unfolded on octets before they are
 * decoded as UTF-8 (a fold may split a multi-byte character, as RFC 5545 allows), names of any case, and every
 * {@code VCALENDAR} of the stream (Nextcloud and some exporters write one per event). A broken structure is
 * reported with its line; what is inside each component is read by {@link EventImport} and {@link FeedZones}.
 */
public final class FeedText {

    /**
     * One component ({@code VEVENT}, {@code VTIMEZONE}, {@code VALARM}, …).
     *
     * @param name its name, upper case
     * @param firstLine the line of its {@code BEGIN}, from 1
     * @param properties its own content lines, in order
     * @param children the components inside it
     * @param source its unfolded text from {@code BEGIN} to {@code END} with CRLF line ends, kept only for
     *     {@code VTIMEZONE} (handed to iCal4j), else {@code null}
     */
    public record Component(String name, int firstLine, List<ContentLine> properties, List<Component> children,
            String source) {

        /** The first property of that name. */
        public Optional<ContentLine> property(String propertyName) {
            for (ContentLine line : properties) {
                if (line.name().equals(propertyName)) {
                    return Optional.of(line);
                }
            }
            return Optional.empty();
        }

        /** Every property of that name, in order. */
        public List<ContentLine> all(String propertyName) {
            List<ContentLine> found = new ArrayList<>(2);
            for (ContentLine line : properties) {
                if (line.name().equals(propertyName)) {
                    found.add(line);
                }
            }
            return found;
        }

        /** The {@code UID}'s value, stripped, or {@code null} when there is none or it is blank. */
        public String uid() {
            return property("UID").map(l -> l.value().strip()).filter(v -> !v.isEmpty()).orElse(null);
        }
    }

    /**
     * One {@code VCALENDAR} of the stream.
     *
     * @param properties its own properties ({@code X-WR-TIMEZONE}, {@code PRODID})
     * @param timeZones its {@code VTIMEZONE}s
     * @param events its {@code VEVENT}s
     */
    public record Calendar(int firstLine, List<ContentLine> properties, List<Component> timeZones,
            List<Component> events) {

        /** The value of a calendar property, if the calendar has it. */
        public Optional<String> property(String name) {
            for (ContentLine line : properties) {
                if (line.name().equals(name)) {
                    return Optional.of(line.value().strip());
                }
            }
            return Optional.empty();
        }
    }

    private final List<Calendar> calendars;
    private final int ignoredLine;
    private final List<ContentLine> unreadable;

    private FeedText(List<Calendar> calendars, int ignoredLine, List<ContentLine> unreadable) {
        this.calendars = List.copyOf(calendars);
        this.ignoredLine = ignoredLine;
        this.unreadable = List.copyOf(unreadable);
    }

    /** The lines inside a component that are not content lines, left out: their line, and their text in the value. */
    public List<ContentLine> unreadable() {
        return unreadable;
    }

    public List<Calendar> calendars() {
        return calendars;
    }

    /** The first line of text outside any {@code VCALENDAR} that was not read, or 0 when there is none. */
    public int ignoredLine() {
        return ignoredLine;
    }

    /** A line after folding: its bytes decoded, and the line of the feed it starts on. */
    private record Logical(int number, String text) {
    }

    /**
     * Scans a feed's bytes.
     *
     * @throws FeedFormatException when it is not an iCalendar stream or its structure is broken
     */
    public static FeedText scan(byte[] bytes) throws FeedFormatException {
        List<Logical> lines = unfold(bytes);
        List<Calendar> calendars = new ArrayList<>();
        List<ContentLine> unreadable = new ArrayList<>();
        Deque<Builder> open = new ArrayDeque<>();
        int ignored = 0;
        for (Logical logical : lines) {
            String text = logical.text();
            if (text.isBlank()) {
                continue;
            }
            int number = logical.number();
            if (open.isEmpty()) {
                if (text.strip().equalsIgnoreCase("BEGIN:VCALENDAR")) {
                    open.push(new Builder("VCALENDAR", number, false));
                    continue;
                }
                if (calendars.isEmpty()) {
                    throw new FeedFormatException(number, IcalMessages.text("feed.not-icalendar", shorten(text)));
                }
                if (ignored == 0) {
                    ignored = number;
                }
                continue;
            }
            ContentLine line = ContentLine.parse(number, text);
            if (line == null && open.size() > 1) {
                // Inside an event or a time zone, a line that is not NAME:value loses only itself.
                unreadable.add(new ContentLine(number, "", java.util.Map.of(), shorten(text)));
                continue;
            }
            if (line == null) {
                throw new FeedFormatException(number, IcalMessages.text("feed.not-a-content-line", shorten(text)));
            }
            Builder current = open.peek();
            if (line.name().equals("BEGIN")) {
                String name = line.value().strip().toUpperCase(Locale.ROOT);
                boolean keep = name.equals("VTIMEZONE") || current.source != null;
                Builder child = new Builder(name, number, keep);
                if (child.source != null) {
                    child.source.append("BEGIN:").append(name).append("\r\n");
                }
                open.push(child);
                continue;
            }
            if (line.name().equals("END")) {
                String name = line.value().strip().toUpperCase(Locale.ROOT);
                if (!name.equals(current.name)) {
                    throw new FeedFormatException(number, IcalMessages.text("feed.end-mismatch", name, current.name,
                            current.firstLine));
                }
                open.pop();
                if (current.source != null) {
                    current.source.append("END:").append(name).append("\r\n");
                }
                if (open.isEmpty()) {
                    calendars.add(current.calendar());
                } else {
                    Builder parent = open.peek();
                    if (parent.source != null && current.source != parent.source) {
                        parent.source.append(current.source);
                    }
                    parent.children.add(current.component());
                }
                continue;
            }
            current.properties.add(line);
            if (current.source != null) {
                current.source.append(upperName(text)).append("\r\n");
            }
        }
        if (!open.isEmpty()) {
            Builder unclosed = open.peek();
            throw new FeedFormatException(unclosed.firstLine, IcalMessages.text("feed.never-closed", unclosed.name));
        }
        if (calendars.isEmpty()) {
            throw new FeedFormatException(1, IcalMessages.text("feed.empty"));
        }
        return new FeedText(calendars, ignored, unreadable);
    }

    /** A content line with its property and parameter names upper-cased, for iCal4j, which wants them so. */
    private static String upperName(String text) {
        int colon = ContentLine.nameEnd(text);
        StringBuilder out = new StringBuilder(text.length());
        boolean quoted = false;
        boolean inValue = false;
        for (int i = 0; i < colon; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && (c == ';')) {
                inValue = false;
            } else if (!quoted && c == '=') {
                inValue = true;
            }
            out.append(inValue || quoted ? c : Character.toUpperCase(c));
        }
        return out.append(text, colon, text.length()).toString();
    }

    /**
     * Splits bytes into lines (CRLF, LF or CR) and joins each folded continuation (a line starting with a space or a
     * tab) to the line before it, without its first octet, before decoding: RFC 5545 §3.1 folds on octets.
     */
    private static List<Logical> unfold(byte[] bytes) {
        List<Logical> lines = new ArrayList<>();
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        }
        ByteArrayOutputStream current = null;
        int currentNumber = 0;
        int number = 0;
        int i = start;
        while (i < bytes.length) {
            int end = i;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            number++;
            if (end > i && (bytes[i] == ' ' || bytes[i] == '\t') && current != null) {
                current.write(bytes, i + 1, end - i - 1);
            } else {
                if (current != null) {
                    lines.add(new Logical(currentNumber, current.toString(StandardCharsets.UTF_8)));
                }
                current = new ByteArrayOutputStream(Math.max(16, end - i));
                current.write(bytes, i, end - i);
                currentNumber = number;
            }
            i = end;
            if (i < bytes.length) {
                i += bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n' ? 2 : 1;
            }
        }
        if (current != null) {
            lines.add(new Logical(currentNumber, current.toString(StandardCharsets.UTF_8)));
        }
        return lines;
    }

    private static String shorten(String line) {
        return line.length() > 60 ? "\"" + line.substring(0, 60) + "…\"" : "\"" + line + "\"";
    }

    private static final class Builder {
        final String name;
        final int firstLine;
        final List<ContentLine> properties = new ArrayList<>();
        final List<Component> children = new ArrayList<>();
        final StringBuilder source;

        Builder(String name, int firstLine, boolean keepSource) {
            this.name = name;
            this.firstLine = firstLine;
            this.source = keepSource ? new StringBuilder() : null;
        }

        Component component() {
            return new Component(name, firstLine, List.copyOf(properties), List.copyOf(children),
                    source == null ? null : source.toString());
        }

        Calendar calendar() {
            List<Component> zones = new ArrayList<>();
            List<Component> events = new ArrayList<>();
            for (Component child : children) {
                if (child.name().equals("VTIMEZONE")) {
                    zones.add(child);
                } else if (child.name().equals("VEVENT")) {
                    events.add(child);
                }
            }
            return new Calendar(firstLine, List.copyOf(properties), zones, events);
        }
    }
}
