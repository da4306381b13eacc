package org.jqsi.web.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.Program;
import org.jqsi.core.validation.Problem;
import org.jqsi.web.http.RequestLanguage;

/**
 * Reads a request's parameters into a {@link WidgetRequest}, or refuses it with every problem found, each naming
 * its parameter. What each parameter is and how it reads is in {@link RequestParameters}. Unknown parameters are
 * ignored (pages get tracking and cache-busting parameters); blank values count as absent, as a form with an empty
 * field sends them.
 */
final class RequestReader {

    /** More parameters than this is not a form or a link of ours. */
    public static final int MAX_PARAMETERS = 100;

    /** Longest value accepted for any parameter. */
    public static final int MAX_VALUE_LENGTH = 200;

    /** Where a problem is when it is about the request as a whole rather than one of its parameters. */
    static final String WHOLE_REQUEST = "*";

    /** Longest part of a rejected value that is shown back, so an oversized value does not make a huge page. */
    static final int SHOWN_VALUE_LENGTH = 40;

    /**
     * Most values of a program a refusal lists ({@link RequestParameter#known()}): a program's themes are free tags,
     * and a program of hundreds of them would make a page of them.
     */
    static final int LISTED_VALUES = 20;

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
     * {@code Accept-Language} (read as the form and the review pages read it), else the default. Never fails: even a
     * refusal needs a language.
     */
    public Language language(Map<String, String[]> parameters, String acceptLanguage) {
        return Optional.ofNullable(first(parameters, RequestParameters.LANG.name()))
                .filter(v -> v.length() <= MAX_VALUE_LENGTH)
                .flatMap(Language::ofCode)
                .or(() -> RequestLanguage.fromAcceptLanguage(acceptLanguage))
                .orElse(defaultLanguage);
    }

    /** Checks the request's size before anything else, for every route. */
    public void checkSize(Map<String, String[]> parameters, Language language) throws InvalidRequest {
        int count = 0;
        boolean tooLong = false;
        for (String[] values : parameters.values()) {
            count += values.length;
            for (String value : values) {
                tooLong |= value != null && value.length() > MAX_VALUE_LENGTH;
            }
        }
        if (count > MAX_PARAMETERS) {
            throw new InvalidRequest(language, List.of(problem(WHOLE_REQUEST, "error.tooManyParameters",
                    MAX_PARAMETERS)));
        }
        if (!tooLong) {
            // Nearly every request: no need to sort the parameters to list problems in order.
            return;
        }
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, String[]> entry : new TreeMap<>(parameters).entrySet()) {
            for (String value : entry.getValue()) {
                if (value != null && value.length() > MAX_VALUE_LENGTH) {
                    // An unknown parameter's name is the client's text: name it only when it is one of ours.
                    String name = RequestParameters.isKnown(entry.getKey()) ? entry.getKey() : WHOLE_REQUEST;
                    problems.add(problem(name, "error.tooLong", MAX_VALUE_LENGTH));
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(language, problems);
        }
    }

    /**
     * Reads a widget or feed request against the program it will query: every parameter of
     * {@link RequestParameters#ALL} in turn, then, when none has a problem, what their values make of the request.
     */
    public WidgetRequest read(Map<String, String[]> parameters, String acceptLanguage, Program program)
            throws InvalidRequest {
        Language language = language(parameters, acceptLanguage);
        checkSize(parameters, language);
        List<Problem> problems = new ArrayList<>();
        // By identity: the parameters are constants, and a record's hashCode goes through all its components.
        Map<RequestParameter<?>, List<?>> read = new IdentityHashMap<>();
        for (RequestParameter<?> parameter : RequestParameters.ALL) {
            read.put(parameter, values(parameter, parameters, program, read, problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(language, problems);
        }
        WidgetRequest.Builder request = new WidgetRequest.Builder(program, clock, language, pageSize);
        for (RequestParameter<?> parameter : RequestParameters.ALL) {
            apply(parameter, read.get(parameter), request);
        }
        return request.build();
    }

    /**
     * The filters a visitor came with, for the links of a page that is not the list (an activity's page, an error
     * page) to take them back to it: the parameters that read, those that do not left out. Never fails.
     *
     * @return the filters, as {@link WidgetRequest#filters()} has them; empty when none reads
     */
    public SortedMap<String, List<String>> keptFilters(Map<String, String[]> parameters, String acceptLanguage,
            Program program) {
        Map<String, String[]> left = new HashMap<>(parameters);
        // Twice at most: once as given, once without the parameters that had a problem.
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return read(left, acceptLanguage, program).filters();
            } catch (InvalidRequest e) {
                if (e.problems().stream().anyMatch(p -> WHOLE_REQUEST.equals(p.where()))) {
                    break;
                }
                e.problems().forEach(p -> left.remove(p.where()));
            }
        }
        return new TreeMap<>();
    }

    /** The values of one parameter that count and read, with a problem for each that does not. */
    private static <T> List<T> values(RequestParameter<T> parameter, Map<String, String[]> parameters,
            Program program, Map<RequestParameter<?>, List<?>> before, List<Problem> problems) {
        List<T> values = new ArrayList<>();
        for (String value : parameter.counted().of(all(parameters, parameter.name()))) {
            Optional<T> read = parameter.parse().parse(value, program);
            if (read.isEmpty()) {
                problems.add(parameter.known() == null ? quoting(parameter.name(), parameter.problemKey(), value)
                        : quoting(parameter.name(), parameter.problemKey(), value,
                                listed(parameter.known().in(program))));
                continue;
            }
            if (parameter.check() != null) {
                Optional<RequestParameter.Refusal> refusal = parameter.check().check(read.get(), new ReadSoFar(before));
                if (refusal.isPresent()) {
                    problems.add(problem(parameter.name(), refusal.get().messageKey(),
                            refusal.get().args().toArray()));
                    continue;
                }
            }
            values.add(read.get());
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static <T> void apply(RequestParameter<T> parameter, List<?> values, WidgetRequest.Builder request) {
        List<String> spelled = parameter.apply().apply(request, (List<T>) values);
        if (parameter.role() != RequestParameter.Role.CONTROL && !spelled.isEmpty()) {
            request.filter(parameter.name(), spelled);
        }
    }

    /** The values read so far, typed by their parameter. */
    private record ReadSoFar(Map<RequestParameter<?>, List<?>> read) implements RequestParameter.ReadValues {
        @Override
        @SuppressWarnings("unchecked")
        public <V> List<V> of(RequestParameter<V> parameter) {
            return (List<V>) read.getOrDefault(parameter, List.of());
        }
    }

    /** Whether the request asks for the widget without the page around it ({@code fragment=1}). */
    public static boolean wantsFragment(Map<String, String[]> parameters) {
        return RequestParameters.isFragment(first(parameters, RequestParameters.FRAGMENT.name()));
    }

    /** A problem with a request, its message in both languages from the widget's bundles. */
    static Problem problem(String where, String messageKey, Object... args) {
        return Problem.error(where, messageKey, Messages.inBothLanguages(messageKey, args));
    }

    /** A problem that quotes the value it refuses, cut short, then any other arguments of its message. */
    static Problem quoting(String where, String messageKey, String value, Object... more) {
        String shown = value.length() > SHOWN_VALUE_LENGTH ? value.substring(0, SHOWN_VALUE_LENGTH) + "…" : value;
        Object[] args = new Object[1 + more.length];
        args[0] = shown;
        System.arraycopy(more, 0, args, 1, more.length);
        return problem(where, messageKey, args);
    }

    /**
     * The values a program has for a parameter as a refusal lists them: sorted, at most {@link #LISTED_VALUES} of
     * them, then how many more ({@code a, b, … (+6)}); a dash when it has none.
     */
    static String listed(Collection<String> known) {
        if (known.isEmpty()) {
            return "—";
        }
        List<String> sorted = known.stream().sorted().toList();
        return sorted.size() <= LISTED_VALUES ? String.join(", ", sorted)
                : String.join(", ", sorted.subList(0, LISTED_VALUES)) + ", … (+" + (sorted.size() - LISTED_VALUES)
                        + ")";
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
