package org.jqsi.ical.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jqsi.ical.FeedFormatException;

/**
 * The structure of an iCalendar text, scanned line by line before iCal4j parses anything: where each event starts,
 * its {@code UID}, and the calendar's own properties. A broken structure is reported with its line; each event is
 * then handed to iCal4j on its own, so that one bad event does not sink the feed.
 */
public final class FeedText {

    /**
     * One component of the calendar, as its physical lines.
     *
     * @param firstLine the line of its {@code BEGIN}, from 1
     * @param lines its physical lines, folded as in the feed, without line ends
     * @param uid its {@code UID}, or {@code null}
     */
    public record Block(int firstLine, List<String> lines, String uid) {
    }

    private final List<String> calendarProperties = new ArrayList<>();
    private final List<Block> timeZones = new ArrayList<>();
    private final List<Block> events = new ArrayList<>();

    private FeedText() {
    }

    /** The unfolded properties of the {@code VCALENDAR} itself ({@code X-WR-TIMEZONE:America/Toronto}). */
    public List<String> calendarProperties() {
        return calendarProperties;
    }

    public List<Block> timeZones() {
        return timeZones;
    }

    public List<Block> events() {
        return events;
    }

    /** The value of a calendar property, unescaped of nothing, if the calendar has it. */
    public Optional<String> calendarProperty(String name) {
        for (String line : calendarProperties) {
            int colon = line.indexOf(':');
            String head = line.substring(0, colon);
            int semicolon = head.indexOf(';');
            String property = semicolon < 0 ? head : head.substring(0, semicolon);
            if (property.equalsIgnoreCase(name)) {
                return Optional.of(line.substring(colon + 1).strip());
            }
        }
        return Optional.empty();
    }

    /**
     * Scans a feed.
     *
     * @throws FeedFormatException when it is not an iCalendar stream or its structure is broken
     */
    public static FeedText scan(String text) throws FeedFormatException {
        FeedText feed = new FeedText();
        String[] physical = text.split("\r\n|\n|\r", -1);
        Deque<String> open = new ArrayDeque<>();
        Deque<Integer> openedAt = new ArrayDeque<>();
        List<String> blockLines = null;
        int blockStart = 0;
        String blockUid = null;
        boolean sawCalendar = false;
        boolean done = false;
        int i = 0;
        while (i < physical.length && !done) {
            int lineNumber = i + 1;
            StringBuilder logical = new StringBuilder(physical[i]);
            List<String> raw = new ArrayList<>(2);
            raw.add(physical[i]);
            i++;
            while (i < physical.length && !physical[i].isEmpty()
                    && (physical[i].charAt(0) == ' ' || physical[i].charAt(0) == '\t')) {
                logical.append(physical[i], 1, physical[i].length());
                raw.add(physical[i]);
                i++;
            }
            String line = logical.toString();
            if (line.isBlank()) {
                continue;
            }
            if (!sawCalendar) {
                if (lineNumber == 1 && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (!line.strip().equalsIgnoreCase("BEGIN:VCALENDAR")) {
                    throw new FeedFormatException(lineNumber,
                            "not an iCalendar feed: it should start with BEGIN:VCALENDAR, not " + shorten(line));
                }
                sawCalendar = true;
                open.push("VCALENDAR");
                openedAt.push(lineNumber);
                continue;
            }
            int colon = nameEnd(line);
            if (colon < 0) {
                throw new FeedFormatException(lineNumber, "not a content line (NAME:value): " + shorten(line));
            }
            String name = propertyName(line).toUpperCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip().toUpperCase(Locale.ROOT);
            if (name.equals("BEGIN")) {
                if (open.size() == 1) {
                    blockLines = new ArrayList<>();
                    blockStart = lineNumber;
                    blockUid = null;
                }
                open.push(value);
                openedAt.push(lineNumber);
            }
            if (blockLines != null) {
                blockLines.addAll(raw);
                if (name.equals("UID") && open.size() == 2) {
                    blockUid = line.substring(colon + 1).strip();
                }
            } else if (!name.equals("END")) {
                feed.calendarProperties.add(line);
            }
            if (name.equals("END")) {
                String expected = open.peek();
                if (!value.equals(expected)) {
                    throw new FeedFormatException(lineNumber, "END:" + value + " does not close BEGIN:" + expected
                            + " of line " + openedAt.peek());
                }
                open.pop();
                openedAt.pop();
                if (open.size() == 1 && blockLines != null) {
                    Block block = new Block(blockStart, List.copyOf(blockLines), blockUid);
                    if (value.equals("VEVENT")) {
                        feed.events.add(block);
                    } else if (value.equals("VTIMEZONE")) {
                        feed.timeZones.add(block);
                    }
                    blockLines = null;
                } else if (open.isEmpty()) {
                    // Anything after END:VCALENDAR (a second calendar) is not read.
                    done = true;
                }
            }
        }
        if (!sawCalendar) {
            throw new FeedFormatException(1, "not an iCalendar feed: it is empty");
        }
        if (!open.isEmpty()) {
            throw new FeedFormatException(openedAt.peek(), "BEGIN:" + open.peek() + " is never closed");
        }
        return feed;
    }

    /** Where the property name and parameters end: the first colon outside a quoted parameter value. */
    private static int nameEnd(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i > 0 && isName(propertyName(line)) ? i : -1;
            }
        }
        return -1;
    }

    private static String propertyName(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != ';' && line.charAt(end) != ':') {
            end++;
        }
        return line.substring(0, end);
    }

    private static boolean isName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String line) {
        return line.length() > 60 ? "\"" + line.substring(0, 60) + "…\"" : "\"" + line + "\"";
    }
}
