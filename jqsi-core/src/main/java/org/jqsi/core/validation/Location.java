package org.jqsi.core.validation;

import java.util.Objects;
import org.jqsi.core.internal.JqsiMessageBundles;
import org.jqsi.core.model.Language;

/**
 * Where a {@link Problem} is, in the terms of what was read, so that a person can find it: a path in the program, a
 * line and column of a file, an event of an iCalendar feed, a cell of a spreadsheet, or a place said in words.
 *
 * <p>{@link #in(Language)} says the place in a language ({@code ligne 4, colonne Début} or
 * {@code row 4, column Start}); {@link #text()} is its English wording, the one {@link Problem#where()} gives and that
 * sorting and logs use. Paths, file positions and feeds named with their line read the same in both languages.
 */
public sealed interface Location permits Location.ProgramPath, Location.FilePosition, Location.CalendarEvent,
        Location.SheetCell, Location.Described, Location.Nowhere {

    /** The place as people read it in a language; empty for {@link Nowhere}. */
    String in(Language language);

    /** The place in English words: what {@link Problem#where()} gives. */
    default String text() {
        return in(Language.EN);
    }

    /** A path in the program, as Hibernate Validator writes it: {@code activities[3].schedule.end}. */
    static ProgramPath path(String path) {
        return new ProgramPath(path);
    }

    /** A whole file or resource, without a line: {@code program.json}. */
    static FilePosition file(String file) {
        return new FilePosition(file, 0, 0, "");
    }

    /** A character of a file, and the path of the value there when known: {@code program.json:12:5 (editions[0])}. */
    static FilePosition inFile(String file, int line, int column, String path) {
        return new FilePosition(file, line, column, path);
    }

    /** An event of an iCalendar feed by its {@code UID} ({@code null} when it has none) and line. */
    static CalendarEvent event(String uid, int line) {
        return new CalendarEvent(null, uid, line, "");
    }

    /** A cell of a spreadsheet: its row number and its column's heading, both as the sheet shows them. */
    static SheetCell cell(int row, String column) {
        return new SheetCell(null, row, column, null, null);
    }

    /** A place said in words the same in every language: a web address, a command-line option. */
    static Described described(String text) {
        return new Described(text);
    }

    /** No place: the problem is about the whole of what was read. */
    static Nowhere nowhere() {
        return Nowhere.INSTANCE;
    }

    /**
     * A path in the program.
     *
     * @param path as Hibernate Validator writes it: {@code activities[3].schedule.end}, {@code editions[0]}
     */
    record ProgramPath(String path) implements Location {

        public ProgramPath {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String in(Language language) {
            return path;
        }
    }

    /**
     * A position in a file, as compilers give one: {@code program.json:12:5 (activities[3].schedule.start)}.
     *
     * @param file the file or resource, as people know it ({@code program.json})
     * @param line from 1; 0 when unknown (then the column is 0 too)
     * @param column from 1, as the parser counts it
     * @param path the path of the value at that position in the program, or empty
     */
    record FilePosition(String file, int line, int column, String path) implements Location {

        public FilePosition {
            Objects.requireNonNull(file, "file");
            if (line <= 0) {
                line = 0;
                column = 0;
            }
            path = path == null ? "" : path;
        }

        /** The same position with another path. */
        public FilePosition withPath(String otherPath) {
            return new FilePosition(file, line, column, otherPath);
        }

        @Override
        public String in(Language language) {
            StringBuilder where = new StringBuilder(file);
            if (line > 0) {
                where.append(':').append(line).append(':').append(column);
            }
            if (!path.isEmpty()) {
                where.append(" (").append(path).append(')');
            }
            return where.toString();
        }
    }

    /**
     * An event, or a line, of an iCalendar feed: {@code UID o6@example.org (line 8)}; once the feed is named,
     * {@code cs3r.ics:8 (UID o6@example.org)}, as a compiler places an error. The line is the place, the UID says
     * which event, since a line alone is hard to find in a long feed.
     *
     * @param feed the feed as people know it (a file or an address), or {@code null} when the reader does not know it
     * @param uid the event's {@code UID}, or {@code null} for a part of the feed that is no event, or one without a
     *     {@code UID}
     * @param line the feed's line, from 1
     * @param path what, in the activity made of the event, the problem is about ({@code title.fr}), or empty
     */
    record CalendarEvent(String feed, String uid, int line, String path) implements Location {

        public CalendarEvent {
            path = path == null ? "" : path;
        }

        /** The same place in a named feed. */
        public CalendarEvent inFeed(String name) {
            return new CalendarEvent(name, uid, line, path);
        }

        /** The same place, about a part of the activity made of the event ({@code title.fr}). */
        public CalendarEvent withPath(String otherPath) {
            return new CalendarEvent(feed, uid, line, otherPath);
        }

        @Override
        public String in(Language language) {
            String where;
            if (feed != null) {
                where = feed + ":" + line + (uid == null ? "" : " (UID " + uid + ")");
            } else if (uid == null) {
                where = JqsiMessageBundles.message(language, "location.line", line);
            } else {
                where = JqsiMessageBundles.message(language, "location.event", uid, line);
            }
            return path.isEmpty() ? where : where + " " + path;
        }
    }

    /**
     * A cell, a row or a header of a spreadsheet (CSV or a workbook's sheet), as the spreadsheet program shows it:
     * {@code row 4, column Start (B)}, {@code ligne 4, colonne Début (B)}; after the file when it is named
     * ({@code activites.csv : ligne 4, colonne Début}), as a compiler places an error.
     *
     * @param file the file or address as people know it, or {@code null}
     * @param row the row number in the program's margin (the heading is row 1), from 1
     * @param column the column's heading as written in the sheet ({@code Début}), or {@code null} for a whole row
     * @param letter the column's letter ({@code B}), or {@code null}
     * @param path what the problem is about in the program file's terms ({@code schedule.end}) when no column holds
     *     it, or {@code null}
     */
    record SheetCell(String file, int row, String column, String letter, String path) implements Location {

        /** The same place in a named file. */
        public SheetCell inFile(String name) {
            return new SheetCell(name, row, column, letter, path);
        }

        /** The same cell, with its column's letter. */
        public SheetCell withLetter(String columnLetter) {
            return new SheetCell(file, row, column, columnLetter, path);
        }

        @Override
        public String in(Language language) {
            String heading = column == null || column.isBlank() ? letter : column;
            String where;
            if (heading == null) {
                where = path == null ? JqsiMessageBundles.message(language, "location.row", row)
                        : JqsiMessageBundles.message(language, "location.row-path", row, path);
            } else if (letter != null && !heading.equals(letter)) {
                where = JqsiMessageBundles.message(language, "location.cell-letter", row, heading, letter);
            } else {
                where = JqsiMessageBundles.message(language, "location.cell", row, heading);
            }
            return file == null ? where : JqsiMessageBundles.message(language, "location.in-file", file, where);
        }
    }

    /**
     * A place said in words, the same in every language.
     *
     * @param text the place: {@code https://example.org/program.json}, {@code --edition}
     */
    record Described(String text) implements Location {

        public Described {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String in(Language language) {
            return text;
        }
    }

    /** No place: a problem about the whole of what was read. */
    record Nowhere() implements Location {

        private static final Nowhere INSTANCE = new Nowhere();

        @Override
        public String in(Language language) {
            return "";
        }
    }
}
