package org.jqsi.web.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.AttendanceMode;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Ids;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.json.internal.EnumSpelling;

/**
 * Reads a request's parameters into a {@link WidgetRequest}, or refuses it with every problem found, each naming
 * its parameter. Unknown parameters are ignored (pages get tracking and cache-busting parameters); blank values
 * count as absent, as a form with an empty field sends them.
 */
public final class RequestReader {

    /** More parameters than this is not a form or a link of ours. */
    public static final int MAX_PARAMETERS = 100;

    /** Longest value accepted for any parameter. */
    public static final int MAX_VALUE_LENGTH = 200;

    /** The highest page number accepted before looking at the program, so offsets never overflow. */
    static final int MAX_PAGE = 100_000;

    static final String EDITION = "edition";
    static final String REGION = "region";
    static final String KIND = "kind";
    static final String THEME = "theme";
    static final String PARTNER = "partner";
    static final String FROM = "from";
    static final String TO = "to";
    static final String MODE = "mode";
    static final String FREE = "free";
    static final String LANG = "lang";
    static final String LANGUAGE = "language";
    static final String TEXT = "q";
    static final String PAGE = "page";
    static final String LAYOUT = "layout";
    static final String FRAGMENT = "fragment";

    /** The value of {@code edition} that lists every edition. */
    static final String ALL_EDITIONS = "all";

    private static final Pattern SLUG = Pattern.compile(Ids.SLUG);
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    private final Language defaultLanguage;
    private final int pageSize;
    private final Clock clock;

    public RequestReader(Language defaultLanguage, int pageSize, Clock clock) {
        this.defaultLanguage = defaultLanguage;
        this.pageSize = pageSize;
        this.clock = clock;
    }

    /**
     * The language to answer in: {@code lang} when it names French or English, else the first of them in
     * {@code Accept-Language}, else the default. Never fails: even a refusal needs a language.
     */
    public Language language(Map<String, String[]> parameters, String acceptLanguage) {
        return Optional.ofNullable(first(parameters, LANG))
                .filter(v -> v.length() <= MAX_VALUE_LENGTH)
                .flatMap(Language::ofCode)
                .or(() -> fromAcceptLanguage(acceptLanguage))
                .orElse(defaultLanguage);
    }

    private static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 1000) {
            return Optional.empty();
        }
        try {
            // parse() sorts by weight, best first.
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                Optional<Language> language = Language.ofCode(range.getRange());
                if (language.isPresent()) {
                    return language;
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // A malformed header is the client's problem; answer in the default language. The JDK's parser throws
            // ArrayIndexOutOfBoundsException, not IllegalArgumentException, for a range that is only "-" (found by
            // WidgetRequestFuzzTest: "Accept-Language: -" was a 500).
        }
        return Optional.empty();
    }

    /** Checks the request's size before anything else, for every route. */
    public void checkSize(Map<String, String[]> parameters, Language language) throws InvalidRequest {
        int count = 0;
        for (String[] values : parameters.values()) {
            count += values.length;
        }
        if (count > MAX_PARAMETERS) {
            throw new InvalidRequest(language, List.of(ParameterProblem.of("*", "error.tooManyParameters",
                    Integer.toString(MAX_PARAMETERS))));
        }
        List<ParameterProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String[]> entry : new TreeMap<>(parameters).entrySet()) {
            for (String value : entry.getValue()) {
                if (value != null && value.length() > MAX_VALUE_LENGTH) {
                    // An unknown parameter's name is the client's text: name it only when it is one of ours.
                    String name = KNOWN.contains(entry.getKey()) ? entry.getKey() : "*";
                    problems.add(ParameterProblem.of(name, "error.tooLong", Integer.toString(MAX_VALUE_LENGTH)));
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(language, problems);
        }
    }

    private static final Set<String> KNOWN = Set.of(EDITION, REGION, KIND, THEME, PARTNER, FROM, TO, MODE, FREE, LANG,
            LANGUAGE, TEXT, PAGE, LAYOUT, FRAGMENT);

    /** Reads a widget or feed request against the program it will query. */
    public WidgetRequest read(Map<String, String[]> parameters, String acceptLanguage, Program program)
            throws InvalidRequest {
        Language language = language(parameters, acceptLanguage);
        checkSize(parameters, language);
        List<ParameterProblem> problems = new ArrayList<>();
        SortedMap<String, List<String>> filters = new TreeMap<>();
        ActivityQuery.Builder query = ActivityQuery.builder().limit(pageSize);

        String lang = first(parameters, LANG);
        if (lang != null && Language.ofCode(lang).isEmpty()) {
            problems.add(ParameterProblem.quoting(LANG, "error.lang", lang));
        }

        String defaultEdition = null;
        List<String> editions = all(parameters, EDITION);
        if (editions.isEmpty()) {
            defaultEdition = program.featuredEdition(clock).map(Edition::id).orElse(null);
            if (defaultEdition != null) {
                query.edition(defaultEdition);
            }
        } else if (editions.contains(ALL_EDITIONS)) {
            filters.put(EDITION, List.of(ALL_EDITIONS));
        } else {
            Set<String> ids = new TreeSet<>();
            for (String id : editions) {
                if (program.edition(id).isPresent()) {
                    ids.add(id);
                    query.edition(id);
                } else {
                    problems.add(ParameterProblem.quoting(EDITION, "error.edition", id));
                }
            }
            filters.put(EDITION, List.copyOf(ids));
        }

        Set<Region> regions = EnumSet.noneOf(Region.class);
        for (String value : all(parameters, REGION)) {
            Optional<Region> region = Region.parse(value);
            region.ifPresentOrElse(regions::add,
                    () -> problems.add(ParameterProblem.quoting(REGION, "error.region", value)));
        }
        regions.forEach(query::region);
        putIfAny(filters, REGION, regions.stream().map(Region::code).toList());

        Set<ActivityKind> kinds = EnumSet.noneOf(ActivityKind.class);
        for (String value : all(parameters, KIND)) {
            EnumSpelling.readLeniently(ActivityKind.class, value).ifPresentOrElse(kinds::add,
                    () -> problems.add(ParameterProblem.quoting(KIND, "error.kind", value)));
        }
        kinds.forEach(query::kind);
        putIfAny(filters, KIND, kinds.stream().map(EnumSpelling::of).toList());

        Set<AttendanceMode> modes = EnumSet.noneOf(AttendanceMode.class);
        for (String value : all(parameters, MODE)) {
            EnumSpelling.readLeniently(AttendanceMode.class, value).ifPresentOrElse(modes::add,
                    () -> problems.add(ParameterProblem.quoting(MODE, "error.mode", value)));
        }
        modes.forEach(query::mode);
        putIfAny(filters, MODE, modes.stream().map(EnumSpelling::of).toList());

        String theme = first(parameters, THEME);
        if (theme != null) {
            if (SLUG.matcher(theme).matches()) {
                query.themeTag(theme);
                filters.put(THEME, List.of(theme));
            } else {
                problems.add(ParameterProblem.quoting(THEME, "error.theme", theme));
            }
        }

        String partner = first(parameters, PARTNER);
        if (partner != null) {
            if (program.partner(partner).isPresent()) {
                query.partner(partner);
                filters.put(PARTNER, List.of(partner));
            } else {
                problems.add(ParameterProblem.quoting(PARTNER, "error.partner", partner));
            }
        }

        LocalDate from = date(parameters, FROM, problems);
        LocalDate to = date(parameters, TO, problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(ParameterProblem.of(TO, "error.toBeforeFrom", to.toString(), from.toString()));
        } else {
            if (from != null) {
                query.from(from);
                filters.put(FROM, List.of(from.toString()));
            }
            if (to != null) {
                query.to(to);
                filters.put(TO, List.of(to.toString()));
            }
        }

        String free = first(parameters, FREE);
        if (free != null) {
            switch (free.toLowerCase(Locale.ROOT)) {
                case "on", "true", "1", "yes" -> {
                    query.freeOnly(true);
                    filters.put(FREE, List.of("true"));
                }
                case "off", "false", "0", "no" -> {
                    // Not a filter: everything, free or not.
                }
                default -> problems.add(ParameterProblem.quoting(FREE, "error.free", free));
            }
        }

        String activityLanguage = first(parameters, LANGUAGE);
        if (activityLanguage != null) {
            if (LANGUAGE_TAG.matcher(activityLanguage).matches()) {
                Locale locale = Locale.forLanguageTag(activityLanguage);
                query.language(locale);
                filters.put(LANGUAGE, List.of(locale.getLanguage()));
            } else {
                problems.add(ParameterProblem.quoting(LANGUAGE, "error.language", activityLanguage));
            }
        }

        String text = first(parameters, TEXT);
        if (text != null) {
            // Nothing in the program is marked up: angle brackets or control characters in a search are an attack
            // or an accident, and saying so is more useful than an empty list.
            if (text.chars().anyMatch(c -> c == '<' || c == '>' || Character.isISOControl(c))) {
                problems.add(ParameterProblem.of(TEXT, "error.text"));
            } else {
                query.text(text);
                filters.put(TEXT, List.of(text.strip()));
            }
        }

        Layout layout = Layout.FULL;
        String layoutValue = first(parameters, LAYOUT);
        if (layoutValue != null) {
            Optional<Layout> chosen = EnumSpelling.readLeniently(Layout.class, layoutValue);
            if (chosen.isPresent()) {
                layout = chosen.get();
                filters.put(LAYOUT, List.of(layout.code()));
            } else {
                problems.add(ParameterProblem.quoting(LAYOUT, "error.layout", layoutValue));
            }
        }

        int page = 1;
        String pageValue = first(parameters, PAGE);
        if (pageValue != null) {
            if (DIGITS.matcher(pageValue).matches() && Integer.parseInt(pageValue) >= 1
                    && Integer.parseInt(pageValue) <= MAX_PAGE) {
                page = Integer.parseInt(pageValue);
            } else {
                problems.add(ParameterProblem.quoting(PAGE, "error.page", pageValue));
            }
        }
        query.offset((page - 1) * pageSize);

        boolean fragment = wantsFragment(parameters);

        if (!problems.isEmpty()) {
            throw new InvalidRequest(language, problems);
        }
        return new WidgetRequest(query.build(), language, lang != null, layout, page,
                Collections.unmodifiableSortedMap(filters), defaultEdition, fragment);
    }

    /** Whether the request asks for the widget without the page around it ({@code fragment=1}). */
    public static boolean wantsFragment(Map<String, String[]> parameters) {
        String value = first(parameters, FRAGMENT);
        return "1".equals(value) || "true".equals(value);
    }

    private static LocalDate date(Map<String, String[]> parameters, String name, List<ParameterProblem> problems) {
        String value = first(parameters, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(ParameterProblem.quoting(name, "error.date", value));
            return null;
        }
    }

    private static void putIfAny(SortedMap<String, List<String>> filters, String name, List<String> values) {
        if (!values.isEmpty()) {
            filters.put(name, values.stream().sorted().toList());
        }
    }

    /** The first non-blank value of a parameter, stripped, or {@code null}. */
    static String first(Map<String, String[]> parameters, String name) {
        List<String> values = all(parameters, name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The non-blank values of a parameter, stripped. */
    static List<String> all(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null) {
            return List.of();
        }
        List<String> kept = new ArrayList<>(values.length);
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                kept.add(value.strip());
            }
        }
        return kept;
    }
}
