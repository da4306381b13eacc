package org.jqsi.web.internal;

import static org.jqsi.web.internal.RequestParameter.Role.CONTROL;
import static org.jqsi.web.internal.RequestParameter.Role.FILTER;
import static org.jqsi.web.internal.RequestParameter.Role.PRESENTATION;
import static org.jqsi.web.internal.RequestParameter.each;
import static org.jqsi.web.internal.RequestParameter.once;
import static org.jqsi.web.internal.RequestParameter.repeated;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jqsi.core.model.AccessibilityFeature;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.AttendanceMode;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;
import org.jqsi.core.validation.ControlCharacters;
import org.jqsi.json.internal.EnumSpelling;

/**
 * The parameters of the widget's list and feeds, each described once, in the order their problems are listed. A new
 * filter is one more line here (and its {@code error.…} message in the bundles); the README's parameter table, the
 * filter form and {@code embed.js} show it.
 */
final class RequestParameters {

    /** The value of {@code edition} that lists every edition. */
    static final String ALL_EDITIONS = "all";

    /** The highest page number accepted before looking at the program, so offsets never overflow. */
    static final int MAX_PAGE = 100_000;

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    /** The widget's language; {@link RequestReader#language} reads it even from a request it refuses. */
    static final RequestParameter<Language> LANG = once("lang", CONTROL, (value, program) -> Language.ofCode(value),
            "error.lang", (request, languages) -> {
                request.languageAsked(!languages.isEmpty());
                return List.of();
            });

    // With "all" among them, the others do not count: every edition.
    static final RequestParameter<String> EDITION = repeated("edition", FILTER, RequestParameters::edition,
            "error.edition", RequestParameters::editions)
            .counting(ids -> ids.contains(ALL_EDITIONS) ? List.of(ALL_EDITIONS) : ids);

    static final RequestParameter<Region> REGION = repeated("region", FILTER, (value, program) -> Region.parse(value),
            "error.region", each(ActivityQuery.Builder::region, Region::code));

    static final RequestParameter<ActivityKind> KIND = repeated("kind", FILTER, spelled(ActivityKind.class),
            "error.kind", each(ActivityQuery.Builder::kind, EnumSpelling::of));

    static final RequestParameter<AttendanceMode> MODE = repeated("mode", FILTER, spelled(AttendanceMode.class),
            "error.mode", each(ActivityQuery.Builder::mode, EnumSpelling::of));

    static final RequestParameter<AccessibilityFeature> ACCESSIBILITY = repeated("accessibility", FILTER,
            spelled(AccessibilityFeature.class), "error.accessibility",
            each(ActivityQuery.Builder::accessibility, EnumSpelling::of));

    // A theme the program does not have is refused, as an unknown partner is: a typo in a partner's data-theme would
    // otherwise give an empty widget and no word why.
    static final RequestParameter<String> THEME = once("theme", FILTER,
            (value, program) -> program.themeTags().contains(value) ? Optional.of(value) : Optional.empty(),
            "error.theme", each(ActivityQuery.Builder::themeTag, Function.identity()))
            .listing(Program::themeTags);

    static final RequestParameter<String> PARTNER = once("partner", FILTER,
            (value, program) -> program.partner(value).map(partner -> value), "error.partner",
            each(ActivityQuery.Builder::partner, Function.identity()));

    static final RequestParameter<LocalDate> FROM = once("from", FILTER, RequestParameters::date, "error.date",
            each(ActivityQuery.Builder::from, LocalDate::toString));

    static final RequestParameter<LocalDate> TO = once("to", FILTER, RequestParameters::date, "error.date",
            each(ActivityQuery.Builder::to, LocalDate::toString))
            .checkedBy((to, before) -> before.of(FROM).stream().filter(to::isBefore).findFirst()
                    .map(from -> RequestParameter.Refusal.of("error.toBeforeFrom", to, from)));

    static final RequestParameter<Boolean> FREE = once("free", FILTER, RequestParameters::yesOrNo, "error.free",
            (request, answers) -> {
                if (!answers.contains(true)) {
                    // "no" is not a filter: everything, free or not.
                    return List.of();
                }
                request.query().freeOnly(true);
                return List.of("true");
            });

    // The language an activity is held in (lang is the widget's own): one the program has, as for themes.
    static final RequestParameter<Locale> LANGUAGE = once("language", FILTER, RequestParameters::activityLanguage,
            "error.language", each(ActivityQuery.Builder::language, Locale::getLanguage))
            .listing(RequestParameters::activityLanguages);

    // The message does not quote the value: it may be markup.
    static final RequestParameter<String> TEXT = once("q", FILTER, RequestParameters::searchText, "error.text",
            each(ActivityQuery.Builder::text, Function.identity()));

    static final RequestParameter<Layout> LAYOUT = once("layout", PRESENTATION, spelled(Layout.class),
            "error.layout", (request, layouts) -> {
                layouts.forEach(request::layout);
                return layouts.stream().map(Layout::code).toList();
            });

    static final RequestParameter<Integer> PAGE = once("page", CONTROL, RequestParameters::pageNumber, "error.page",
            (request, pages) -> {
                pages.forEach(request::page);
                return List.of();
            });

    static final RequestParameter<Boolean> FRAGMENT = once("fragment", CONTROL,
            (value, program) -> Optional.of(isFragment(value)), null, (request, fragments) -> {
                request.fragment(fragments.contains(true));
                return List.of();
            });

    /** Every parameter, in the order their problems are listed. */
    static final List<RequestParameter<?>> ALL = List.of(LANG, EDITION, REGION, KIND, MODE, THEME, PARTNER, FROM,
            TO, FREE, LANGUAGE, ACCESSIBILITY, TEXT, LAYOUT, PAGE, FRAGMENT);

    private static final Map<String, RequestParameter<?>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(RequestParameter::name, Function.identity()));

    private RequestParameters() {
    }

    /** Whether a parameter name is one of the widget's. */
    static boolean isKnown(String name) {
        return BY_NAME.containsKey(name);
    }

    /** The names of the parameters of each role, worked out once: every list page asks for them. */
    private static final Map<RequestParameter.Role, Set<String>> BY_ROLE =
            Arrays.stream(RequestParameter.Role.values()).collect(Collectors.toUnmodifiableMap(Function.identity(),
                    role -> ALL.stream().filter(p -> p.role() == role).map(RequestParameter::name)
                            .collect(Collectors.toUnmodifiableSet())));

    /** The names of the parameters with a role. */
    static Set<String> named(RequestParameter.Role role) {
        return BY_ROLE.get(role);
    }

    /** Whether a value of {@code fragment} asks for the widget without the page around it. */
    static boolean isFragment(String value) {
        return "1".equals(value) || "true".equals(value);
    }

    private static Optional<String> edition(String value, Program program) {
        return value.equals(ALL_EDITIONS) || program.edition(value).isPresent() ? Optional.of(value)
                : Optional.empty();
    }

    /**
     * No edition named: the edition of the day, left out of the filters so that a subscription follows the festival
     * from year to year. {@code all}: every edition.
     */
    private static List<String> editions(WidgetRequest.Builder request, List<String> ids) {
        if (ids.isEmpty()) {
            request.featuredEdition().map(Edition::id).ifPresent(id -> {
                request.defaultEdition(id);
                request.query().edition(id);
            });
            return List.of();
        }
        if (ids.contains(ALL_EDITIONS)) {
            return List.of(ALL_EDITIONS);
        }
        Set<String> distinct = new TreeSet<>(ids);
        distinct.forEach(request.query()::edition);
        return List.copyOf(distinct);
    }

    private static <E extends Enum<E>> RequestParameter.Parse<E> spelled(Class<E> type) {
        return (value, program) -> EnumSpelling.readLeniently(type, value);
    }

    /** A language tag ({@code es}, {@code fr-CA}) whose language is one of {@link #activityLanguages}. */
    private static Optional<Locale> activityLanguage(String value, Program program) {
        if (!LANGUAGE_TAG.matcher(value).matches()) {
            return Optional.empty();
        }
        Locale tag = Locale.forLanguageTag(value);
        return activityLanguages(program).contains(tag.getLanguage()) ? Optional.of(tag) : Optional.empty();
    }

    /**
     * The languages a language filter may name (ISO 639 codes): French and English, which jqsi publishes in and
     * links name whatever the program, and every language an activity of the program, of any edition, is held in.
     */
    private static Set<String> activityLanguages(Program program) {
        Set<String> codes = new TreeSet<>(ProgramChoices.of(program, List.of()).languages());
        for (Language language : Language.values()) {
            codes.add(language.code());
        }
        return codes;
    }

    /**
     * A date as RFC 3339 §5.6 writes a {@code full-date}, and nothing else: {@code YYYY-MM-DD}, four ASCII digits of
     * year (0000 to 9999), a day that exists. {@link LocalDate#parse} also reads a signed year of five digits or more
     * ({@code +2020-01-01}, {@code -999999999-01-01}), which a partner's link never means and which made a page
     * "from -999999999-01-01" while {@code 99999-01-01}, unsigned, was refused: every such spelling is refused alike.
     */
    private static Optional<LocalDate> date(String value, Program program) {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return Optional.empty();
        }
        // Read from its digits: LocalDate.parse's formatter and resolver cost a few microseconds per date, twice a
        // request with a date range.
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            // No such day (2021-02-30).
            return Optional.empty();
        }
    }

    /** The number the ASCII digits from {@code start} to {@code end} spell, or {@code -1} if one is not such a digit. */
    private static int digits(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Optional<Boolean> yesOrNo(String value, Program program) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true", "1", "yes" -> Optional.of(true);
            case "off", "false", "0", "no" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /**
     * Nothing in the program is marked up: angle brackets or control characters in a search are an attack or an
     * accident, and saying so is more useful than an empty list. Control characters are every C0 and C1 one (a
     * search has no line break either) and the bidirectional controls no program text may hold
     * ({@link ControlCharacters}): echoed into the page's title and search box, a right-to-left override would
     * reorder what the visitor reads.
     */
    private static Optional<String> searchText(String value, Program program) {
        return value.chars().anyMatch(c -> c == '<' || c == '>' || Character.isISOControl(c)
                || ControlCharacters.isRefused(c)) ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Integer> pageNumber(String value, Program program) {
        if (!DIGITS.matcher(value).matches()) {
            return Optional.empty();
        }
        int page = Integer.parseInt(value);
        return page >= 1 && page <= MAX_PAGE ? Optional.of(page) : Optional.empty();
    }
}
