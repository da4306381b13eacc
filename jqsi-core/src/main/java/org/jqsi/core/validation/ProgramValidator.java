package org.jqsi.core.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hibernate.validator.PredefinedScopeHibernateValidator;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.jqsi.core.internal.AcyclicModel;
import org.jqsi.core.internal.ElementRules;
import org.jqsi.core.internal.JqsiMessageBundles;
import org.jqsi.core.internal.ProgramRules;
import org.jqsi.core.internal.model.ModelTypes;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;

/**
 * Checks a whole program and reports every problem at once: the Jakarta Validation constraints on the records
 * (Hibernate Validator), the rules of each element's fields (end after start, daylight saving, no control character
 * in any text: {@link ControlCharacters}) and the rules that span records (unique ids, references, dates within the
 * edition).
 *
 * <p>Thread-safe; build one and share it.
 */
public final class ProgramValidator {

    private final Validator french;
    private final Validator english;
    private volatile Validated last;

    /** The last program validated, by identity, and what was found in it. */
    private record Validated(ProgramData program, ValidationReport report) {
    }

    /** A validator on Hibernate Validator with jqsi's messages. */
    public ProgramValidator() {
        this(defaultFactory());
    }

    /**
     * A validator on the given factory. Messages are interpolated in French and in English whatever the factory's
     * default locale, with the factory's interpolator.
     */
    public ProgramValidator(ValidatorFactory factory) {
        MessageInterpolator interpolator = factory.getMessageInterpolator();
        this.french = factory.usingContext().messageInterpolator(inLocale(interpolator, Locale.CANADA_FRENCH))
                .getValidator();
        // Locale.ROOT reads the bundles' base files, which are English, whatever the JVM's default locale is.
        this.english = factory.usingContext().messageInterpolator(inLocale(interpolator, Locale.ROOT)).getValidator();
    }

    /**
     * The factory jqsi uses: Hibernate Validator, with jqsi's own messages (in French and English) before Hibernate
     * Validator's.
     *
     * <p>Its predefined scope: the metadata of the model's types (those a program can hold, {@link ModelTypes}) is
     * built once, with the factory, and looked up in a plain map; the default factory looks each bean's class up in a
     * concurrent map of soft references, which was a tenth of the validation's time. It validates no other type: use
     * {@link #ProgramValidator(ValidatorFactory)} with another factory for a model extended with types of your own.
     */
    public static ValidatorFactory defaultFactory() {
        return Validation.byProvider(PredefinedScopeHibernateValidator.class)
                .configure()
                .builtinConstraints(BUILTIN_CONSTRAINTS)
                .initializeBeanMetaData(ModelTypes.reachableFrom(ProgramData.class))
                // Without JPA every property is traversable: caching that answer costs more than it saves.
                .enableTraversableResolverResultCache(false)
                .processedBeansTrackingVoter(new AcyclicModel())
                .messageInterpolator(new ResourceBundleMessageInterpolator(JqsiMessageBundles::constraintMessages))
                .buildValidatorFactory();
    }

    /** Every constraint of Jakarta Validation, whether the model uses it today or not. */
    private static final Set<String> BUILTIN_CONSTRAINTS = Stream.of(AssertFalse.class, AssertTrue.class,
            DecimalMax.class, DecimalMin.class, Digits.class, Email.class, Future.class, FutureOrPresent.class,
            Max.class, Min.class, Negative.class, NegativeOrZero.class, NotBlank.class, NotEmpty.class, NotNull.class,
            Null.class, Past.class, PastOrPresent.class, Pattern.class, Positive.class, PositiveOrZero.class,
            Size.class).map(Class::getName).collect(Collectors.toUnmodifiableSet());

    /**
     * Every problem of a program, sorted by where it is. Validating the very same {@link ProgramData} object again
     * (a reader validates what it read, then the current-program holder validates what the reader gave it) returns
     * the first report without doing the work twice; the content is immutable, so the report still holds.
     */
    public ValidationReport validate(ProgramData program) {
        Validated previous = last;
        if (previous != null && previous.program() == program) {
            return previous.report();
        }
        return report(program, elementProblems(program), rulesAcrossRecords(program));
    }

    /**
     * Starts validating a program while it is still being read: each edition, partner and activity handed to the
     * returned {@link ElementChecks} is checked in the background, on another core, while the reader goes on, and
     * {@link ElementChecks#finish} adds the rules that span records once the whole program is there. The report is
     * the same as {@link #validate}'s.
     */
    public ElementChecks begin() {
        return new ElementChecks(this);
    }

    /**
     * Starts validating a program that is read one element at a time and not kept ({@code jqsi validate} of a file of
     * a million activities): as {@link #begin()}, but the returned {@link ElementChecks} holds no element, only what
     * it found and the activities' ids, and is ended by {@link ElementChecks#finishStreamed()}. Editions and partners
     * are handed over before activities.
     */
    public ElementChecks beginStreaming() {
        return new ElementChecks(this, true, true);
    }

    /**
     * As {@link #beginStreaming()}; without {@code warnings}, the activities' warnings are dropped as they are found,
     * for a reader that only wants to know whether the program has errors, and which: the report then has no
     * warning of an activity.
     */
    public ElementChecks beginStreaming(boolean warnings) {
        return new ElementChecks(this, true, warnings);
    }

    /** The problems the rules that span records find ({@link ProgramRules}). */
    List<Problem> rulesAcrossRecords(ProgramData program) {
        return ProgramRules.check(program);
    }

    /** The report of a program: its elements' own problems and those of the rules across records. */
    ValidationReport report(ProgramData program, List<Problem> elementProblems, List<Problem> acrossRecords) {
        List<Problem> problems = new ArrayList<>(elementProblems);
        problems.addAll(acrossRecords);
        ValidationReport report = new ValidationReport(problems).sorted();
        last = new Validated(program, report);
        return report;
    }

    /**
     * The problems of every edition, partner and activity on its own (Jakarta constraints and {@link ElementRules}),
     * each element validated separately (the elements of {@link ProgramData}'s lists are its only cascades; it
     * declares no constraint of its own) and its paths put under {@code activities[i]} and so on, as if the whole
     * program had been validated in one call.
     *
     * <p>One call per element rather than one for the program: within one call Hibernate Validator remembers every
     * bean it reached with every path it reached it by, and checks each new path against all the earlier ones, so
     * a value object shared by many activities (a constant such as free admission, or an equal value the reader
     * made once) costs time in proportion to the program's size each time it is reached: quadratic on the whole.
     * Elements on their own keep that bookkeeping small; and being independent, large programs check their
     * activities on all cores.
     */
    private List<Problem> elementProblems(ProgramData program) {
        List<Problem> problems = new ArrayList<>();
        elementProblems("editions", program.editions(), false, problems);
        elementProblems("partners", program.partners(), false, problems);
        elementProblems("activities", program.activities(), program.activities().size() >= PARALLEL_FROM, problems);
        return problems;
    }

    /** Below this many activities, the work of splitting them over threads costs more than it saves. */
    private static final int PARALLEL_FROM = 512;

    private void elementProblems(String list, List<?> elements, boolean parallel, List<Problem> into) {
        IntStream indexes = IntStream.range(0, elements.size());
        (parallel ? indexes.parallel() : indexes)
                .mapToObj(i -> problemsOf(list, i, elements.get(i)))
                .filter(found -> !found.isEmpty())
                .forEachOrdered(into::addAll);
    }

    /**
     * The problems of one element of a program's list on its own, with their paths in the program: its Jakarta
     * constraints, and the rules that relate its fields ({@link ElementRules}).
     */
    <T> List<Problem> problemsOf(String list, int index, T element) {
        List<Problem> constraints = constraintProblemsOf(list, index, element);
        List<Problem> rules = ElementRules.check(list, index, element);
        if (rules.isEmpty()) {
            return constraints;
        }
        List<Problem> both = new ArrayList<>(constraints);
        both.addAll(rules);
        return both;
    }

    private <T> List<Problem> constraintProblemsOf(String list, int index, T element) {
        Set<ConstraintViolation<T>> inFrench = french.validate(element);
        if (inFrench.isEmpty()) {
            return List.of();
        }
        // Valid elements pay for one pass; the English pass runs only to word the errors found.
        Map<String, Deque<String>> inEnglish = new HashMap<>();
        for (ConstraintViolation<T> v : english.validate(element)) {
            inEnglish.computeIfAbsent(key(v), k -> new ArrayDeque<>()).add(v.getMessage());
        }
        String prefix = list + "[" + index + "]";
        List<Problem> problems = new ArrayList<>(inFrench.size());
        for (ConstraintViolation<T> v : inFrench) {
            Deque<String> english = inEnglish.getOrDefault(key(v), new ArrayDeque<>());
            String en = english.isEmpty() ? v.getMessage() : english.poll();
            String code = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            String path = path(v);
            problems.add(Problem.error(Location.path(path.isEmpty() ? prefix : prefix + "." + path), code,
                    LocalizedText.of(v.getMessage(), en)));
        }
        return problems;
    }

    private static String key(ConstraintViolation<?> v) {
        return v.getPropertyPath() + "\u0000" + v.getMessageTemplate();
    }

    /** The path as people read it: {@code activities[0].themeTags[1]}, without the container-element markers. */
    private static String path(ConstraintViolation<?> v) {
        return v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
    }

    private static MessageInterpolator inLocale(MessageInterpolator delegate, Locale locale) {
        return new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return delegate.interpolate(template, context, locale);
            }

            @Override
            public String interpolate(String template, Context context, Locale ignored) {
                return delegate.interpolate(template, context, locale);
            }
        };
    }
}
