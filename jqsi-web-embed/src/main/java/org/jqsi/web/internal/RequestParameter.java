package org.jqsi.web.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.Program;

/**
 * One parameter of a widget or feed request, described once: {@link RequestReader} reads every parameter of
 * {@link RequestParameters#ALL} the same way from this description, and the size check, the normalised filters that
 * links, feeds and ETags carry, and the problems all follow from it.
 *
 * @param name its name in URLs
 * @param role what it is for, which decides where its normalised values go
 * @param counted which of its values count: the first ({@link #FIRST}), every one ({@link #EVERY},
 *     {@code region=04&region=17}), or another choice
 * @param parse how one value (stripped, never blank) is read, against the program the request will query; empty
 *     when it cannot be
 * @param problemKey the message key of the problem when a value cannot be read, whose argument is that value, cut
 *     short; {@code null} for a parameter whose every value reads
 * @param apply what the values read do to the request; returns their normalised spellings, which the request keeps
 *     among its filters unless the parameter is a {@link Role#CONTROL}
 * @param check a rule against the parameters before it in {@link RequestParameters#ALL}, or {@code null}: the
 *     problem it finds names this parameter
 * @param known the values the program has for it, which the problem lists as its second argument, or {@code null}
 *     when its message lists none of the program's
 * @param <T> what a value reads as
 */
record RequestParameter<T>(String name, Role role, Counted counted, Parse<T> parse, String problemKey,
        Apply<T> apply, Check<T> check, Known known) {

    /** Only the first value counts; the others are ignored. */
    static final Counted FIRST = values -> values.isEmpty() ? values : values.subList(0, 1);

    /** Every value counts. */
    static final Counted EVERY = values -> values;

    /** What a parameter is for. */
    enum Role {
        /** Chooses activities: kept among the filters, so in links, feeds, the filter form and the ETag. */
        FILTER,
        /** Chooses how they are shown (the layout): kept in links and the ETag, left out of feeds. */
        PRESENTATION,
        /** Steers this one response (its language, page, fragment): never among the filters. */
        CONTROL
    }

    /** Which of a parameter's values (stripped, none blank, in the request's order) count. */
    @FunctionalInterface
    interface Counted {
        List<String> of(List<String> values);
    }

    /** Reads one value. */
    @FunctionalInterface
    interface Parse<T> {
        Optional<T> parse(String value, Program program);
    }

    /** Applies the values read (none when the parameter is absent) and returns their normalised spellings. */
    @FunctionalInterface
    interface Apply<T> {
        List<String> apply(WidgetRequest.Builder request, List<T> values);
    }

    /** A rule across parameters: what is wrong with a value read, given the values of the parameters read before. */
    @FunctionalInterface
    interface Check<T> {
        Optional<Refusal> check(T value, ReadValues before);
    }

    /**
     * Why a value is refused.
     *
     * @param messageKey the message's key in the bundles
     * @param args its arguments, as plain text
     */
    record Refusal(String messageKey, List<Object> args) {

        Refusal {
            args = List.copyOf(args);
        }

        static Refusal of(String messageKey, Object... args) {
            return new Refusal(messageKey, List.of(args));
        }
    }

    /**
     * The values a parameter takes in a program (its themes, the languages of its activities): a value the program
     * does not have is refused rather than answered with an empty list, and the refusal lists these, sorted.
     */
    @FunctionalInterface
    interface Known {
        Collection<String> in(Program program);
    }

    /** The values read so far, by parameter. */
    @FunctionalInterface
    interface ReadValues {
        <V> List<V> of(RequestParameter<V> parameter);
    }

    /** A parameter whose first value counts. */
    static <T> RequestParameter<T> once(String name, Role role, Parse<T> parse, String problemKey, Apply<T> apply) {
        return new RequestParameter<>(name, role, FIRST, parse, problemKey, apply, null, null);
    }

    /** A parameter whose every value counts. */
    static <T> RequestParameter<T> repeated(String name, Role role, Parse<T> parse, String problemKey,
            Apply<T> apply) {
        return new RequestParameter<>(name, role, EVERY, parse, problemKey, apply, null, null);
    }

    /** The same parameter with a rule against those before it. */
    RequestParameter<T> checkedBy(Check<T> rule) {
        return new RequestParameter<>(name, role, counted, parse, problemKey, apply, rule, known);
    }

    /** The same parameter with another choice of the values that count. */
    RequestParameter<T> counting(Counted which) {
        return new RequestParameter<>(name, role, which, parse, problemKey, apply, check, known);
    }

    /** The same parameter, whose problem lists the values the program has for it. */
    RequestParameter<T> listing(Known values) {
        return new RequestParameter<>(name, role, counted, parse, problemKey, apply, check, values);
    }

    /** Each value added to the query, and spelled as {@code spelling} says. */
    static <T> Apply<T> each(BiConsumer<ActivityQuery.Builder, T> toQuery, Function<T, String> spelling) {
        return (request, values) -> {
            List<String> spelled = new ArrayList<>(values.size());
            for (T value : values) {
                toQuery.accept(request.query(), value);
                spelled.add(spelling.apply(value));
            }
            return spelled;
        };
    }
}
