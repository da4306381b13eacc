package org.jqsi.sheets.internal;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jqsi.core.model.Language;

/**
 * The header row of a sheet: which {@link Column} each of its columns is. Each header is recognised on its own, so a
 * sheet may mix French labels, English ones and the program file's paths; the match ignores case, accents, spaces
 * and punctuation (« TITRE francais », « Titre (français) » and {@code title.fr} are one column).
 *
 * <p>A column whose header starts with {@code #} is the organiser's own (notes, a contact) and is not read. Every
 * other header that is not a column is a problem, with the nearest column's name when one is close: a column that
 * is not read is information lost without a word.
 */
final class Headers {

    private static final Map<String, Column> BY_NAME = new HashMap<>();
    private static final Map<String, String> NAME_AS_WRITTEN = new HashMap<>();
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    static {
        for (Column column : Column.values()) {
            for (String name : column.names()) {
                Column before = BY_NAME.put(fold(name), column);
                if (before != null && before != column) {
                    throw new IllegalStateException(name + " names both " + before + " and " + column);
                }
                NAME_AS_WRITTEN.putIfAbsent(fold(name), name);
            }
        }
    }

    /** « Title » alone: French or English? Said rather than guessed (an English title must not become the French one). */
    private static final Map<String, List<Column>> AMBIGUOUS = Map.of(
            fold("Title"), List.of(Column.TITLE_FR, Column.TITLE_EN));

    /**
     * In a sheet said to be English ({@link SheetTarget#textLanguage()}), the headers that do not say a language are
     * the English texts: "Title", "Description".
     */
    private static final Map<String, Column> UNSAID_IN_ENGLISH = Map.of(
            fold("Title"), Column.TITLE_EN, fold("Description"), Column.DESCRIPTION_EN);

    private final Map<Column, Integer> indexes;
    private final Map<Integer, String> written = new HashMap<>();
    private final int headerRow;
    private final Language language;

    private Headers(Map<Column, Integer> indexes, int headerRow, Language language) {
        this.indexes = indexes;
        this.headerRow = headerRow;
        this.language = language;
    }

    /** The language of the texts whose header does not say theirs. */
    Language language() {
        return language;
    }

    /**
     * Whether the sheet has a title column: the French one, or in an English sheet the English one (whose text then
     * stands in for the French title, said to be in English).
     */
    boolean hasTitle() {
        return has(Column.TITLE_FR) || language == Language.EN && has(Column.TITLE_EN);
    }

    /**
     * The columns of a sheet, from its first row; problems for headers that are not columns, a column given twice,
     * values under no header, and missing columns ({@link Column#TITLE_FR}, and {@link Column#START} or
     * {@link Column#DATE}).
     */
    static Headers of(RawSheet sheet, SheetProblems problems) {
        return of(sheet, problems, Language.FR);
    }

    /**
     * The columns of a sheet whose texts are in {@code language} when their header does not say theirs: in English,
     * "Title" and "Description" are the English texts, and the English title may stand in for the French one.
     */
    static Headers of(RawSheet sheet, SheetProblems problems, Language language) {
        RawSheet.Row header = sheet.rows().get(0);
        Map<Column, Integer> indexes = new EnumMap<>(Column.class);
        Headers headers = new Headers(indexes, header.number(), language);
        int width = sheet.rows().stream().mapToInt(r -> r.cells().size()).max().orElse(0);
        for (int i = 0; i < width; i++) {
            String text = header.cell(i).text().strip();
            headers.written.put(i, text);
            if (text.isEmpty()) {
                int index = i;
                sheet.rows().stream().skip(1).filter(r -> !r.cell(index).isBlank()).findFirst().ifPresent(r ->
                        problems.error(SheetPlace.cell(header.number(), "", index), "header.blank",
                                Integer.toString(r.number())));
                continue;
            }
            if (text.startsWith("#")) {
                continue;
            }
            String folded = fold(text);
            SheetPlace place = SheetPlace.cell(header.number(), text, i);
            Column column = language == Language.EN && UNSAID_IN_ENGLISH.containsKey(folded)
                    ? UNSAID_IN_ENGLISH.get(folded) : BY_NAME.get(folded);
            if (column == null) {
                List<Column> choices = AMBIGUOUS.get(folded);
                if (choices != null) {
                    problems.error(place, "header.ambiguous", text, choices.get(0).label(Language.EN),
                            choices.get(1).label(Language.EN));
                } else {
                    Optional<String> near = nearest(folded);
                    if (near.isPresent()) {
                        problems.error(place, "header.unknown-near", text, near.get());
                    } else {
                        problems.error(place, "header.unknown", text);
                    }
                }
                continue;
            }
            Integer first = indexes.putIfAbsent(column, i);
            if (first != null) {
                problems.error(place, "header.duplicate", text, headers.written.get(first),
                        SheetPlace.letter(first));
            }
        }
        if (!headers.hasTitle()) {
            problems.error(SheetPlace.row(header.number()), "header.missing-title");
        }
        if (!indexes.containsKey(Column.START) && !indexes.containsKey(Column.DATE)) {
            problems.error(SheetPlace.row(header.number()), "header.missing-start");
        }
        return headers;
    }

    /** The row the headers are on. */
    int row() {
        return headerRow;
    }

    /** Whether the sheet has the column. */
    boolean has(Column column) {
        return indexes.containsKey(column);
    }

    /** The 0-based index of the column, or -1. */
    int index(Column column) {
        return indexes.getOrDefault(column, -1);
    }

    /** The header of a column as the sheet writes it. */
    String header(Column column) {
        return written.get(index(column));
    }

    /** The place of a column's cell in a row. */
    SheetPlace place(int row, Column column) {
        return SheetPlace.cell(row, header(column), index(column));
    }

    /** The folded form of a header: lower case, no accents, ligatures spelt out, letters and digits only. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
        String bare = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(bare).replaceAll("");
    }

    /**
     * The name of the column nearest to an unknown header: within a few typos (Levenshtein, at most one edit in four
     * letters), or the column whose name the header starts with (« Titre de l'activité »).
     */
    static Optional<String> nearest(String folded) {
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : NAME_AS_WRITTEN.keySet()) {
            int distance = distance(folded, name);
            if (distance < bestDistance || distance == bestDistance && best != null && name.compareTo(best) < 0) {
                best = name;
                bestDistance = distance;
            }
        }
        if (best != null && bestDistance <= Math.max(1, Math.min(3, folded.length() / 4))) {
            return Optional.of(NAME_AS_WRITTEN.get(best));
        }
        String longestPrefix = null;
        for (String name : NAME_AS_WRITTEN.keySet()) {
            if (name.length() >= 4 && folded.startsWith(name)
                    && (longestPrefix == null || name.length() > longestPrefix.length())) {
                longestPrefix = name;
            }
        }
        return Optional.ofNullable(longestPrefix).map(NAME_AS_WRITTEN::get);
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
