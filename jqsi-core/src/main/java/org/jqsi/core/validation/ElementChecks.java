package org.jqsi.core.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jqsi.core.internal.ProgramRules;
import org.jqsi.core.internal.UniqueIds;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.ProgramData;

/**
 * The validation of a program that is still being read, started by {@link ProgramValidator#begin()}. A reader hands
 * over each element as soon as it has it; elements are checked in batches on the common pool, so that on a machine
 * with two cores the activities already read are checked (their constraints and the rules of their own fields) while
 * the next ones are parsed, instead of after the whole file. The rules across records are checked as the elements
 * come too: each activity's references and dates in its batch, against the editions and partners handed over before
 * it (a program file lists them first), and its id's uniqueness here, while it is fresh; only a program whose editions
 * or partners come after activities has those rules checked again at the end.
 *
 * <p>For one reader at a time. Abandoning it (the file turned out to be broken) is safe: the batches under way finish
 * and are forgotten.
 *
 * <p>Started by {@link ProgramValidator#beginStreaming()}, it keeps no element: only what was found, the ids of the
 * activities (for their uniqueness) and the editions and partners. A reader then waits for the oldest batches once a
 * few are under way, so that the activities held are a few batches' whatever the size of the program, and ends with
 * {@link #finishStreamed()}. Editions and partners must then be handed over before the first activity.
 */
public final class ElementChecks {

    /** Large enough that handing a batch over costs little next to checking it, small enough to start early. */
    private static final int BATCH = 64;

    private record Element(String list, int index, Object value) {
    }

    /** What a batch found: the elements' own problems, and those of the rules across records. */
    private record Found(List<Problem> own, List<Problem> acrossRecords) {
    }

    /** In streaming, the batches under way at most before the reader checks the oldest itself. */
    private static final int IN_FLIGHT = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final ProgramValidator validator;
    private final boolean streaming;
    /** Whether warnings are kept: a streaming check that only decides whether the program is valid drops them. */
    private final boolean warnings;
    /** In streaming, the first batch that may not be done yet. */
    private int oldestPending;
    private final List<Batch> batches = new ArrayList<>();
    private final List<Element> given = new ArrayList<>();
    private List<Element> batch = new ArrayList<>(BATCH);

    private final List<Edition> editions = new ArrayList<>();
    private final List<Partner> partners = new ArrayList<>();
    /** Made from the editions and partners handed over when the first activity comes. */
    private ProgramRules rules;
    /** An edition or partner came after {@link #rules} was made: what the batches found against it may be wrong. */
    private boolean rulesOutdated;
    private final UniqueIds activityIds = new UniqueIds("activities");
    private final List<Problem> duplicateActivityIds = new ArrayList<>(0);

    ElementChecks(ProgramValidator validator) {
        this(validator, false, true);
    }

    ElementChecks(ProgramValidator validator, boolean streaming, boolean warnings) {
        this.validator = validator;
        this.streaming = streaming;
        this.warnings = warnings;
    }

    /** The edition at this index of the program's editions. */
    public void edition(int index, Edition edition) {
        editions.add(edition);
        rulesOutdated |= rules != null;
        add("editions", index, edition);
    }

    /** The partner at this index of the program's partners. */
    public void partner(int index, Partner partner) {
        partners.add(partner);
        rulesOutdated |= rules != null;
        add("partners", index, partner);
    }

    /** The activity at this index of the program's activities. */
    public void activity(int index, Activity activity) {
        if (rules == null) {
            rules = ProgramRules.over(List.copyOf(editions), List.copyOf(partners));
        }
        activityIds.add(index, activity.id()).ifPresent(duplicateActivityIds::add);
        add("activities", index, activity);
    }

    /**
     * The report on the whole program, made of the elements handed over, once their checks are done. When the
     * program is not exactly those elements in that order, it is validated afresh, so the report is right whatever
     * the reader did.
     */
    public ValidationReport finish(ProgramData program) {
        flush();
        if (!madeOf(program)) {
            return validator.validate(program);
        }
        // Checked afresh when the batches could not check them: no activity, or editions or partners after them.
        // Before the batches are joined, so that the pool goes on with them meanwhile.
        boolean afresh = rules == null || rulesOutdated;
        List<Problem> acrossRecords = new ArrayList<>();
        if (afresh) {
            acrossRecords.addAll(validator.rulesAcrossRecords(program));
        } else {
            acrossRecords.addAll(rules.editionsAndPartners());
            acrossRecords.addAll(duplicateActivityIds);
        }
        // The batches still waiting for the pool are checked here, so the two cores finish them together.
        batches.forEach(Batch::run);
        List<Problem> problems = new ArrayList<>();
        for (Batch batch : batches) {
            Found found = batch.found();
            problems.addAll(found.own());
            if (!afresh) {
                acrossRecords.addAll(found.acrossRecords());
            }
        }
        return validator.report(program, problems, acrossRecords);
    }

    /**
     * The report on the whole program handed over to a streaming validation ({@link ProgramValidator#beginStreaming}),
     * once its checks are done: the same problems, in the same order, as {@link ProgramValidator#validate} finds in
     * the program made of those elements.
     *
     * @throws IllegalStateException when this validation was not started streaming, or an edition or partner was
     *     handed over after an activity ({@link #finishPartly} still reports such a program)
     */
    public ValidationReport finishStreamed() {
        if (!streaming) {
            throw new IllegalStateException("not a streaming validation: finish(program)");
        }
        if (rulesOutdated) {
            // The activities were checked without them, and they are gone: the reader must hand them over first.
            throw new IllegalStateException("editions or partners came after activities");
        }
        flush();
        ProgramRules over = rules != null ? rules : ProgramRules.over(List.copyOf(editions), List.copyOf(partners));
        List<Problem> acrossRecords = new ArrayList<>(over.editionsAndPartners());
        acrossRecords.addAll(duplicateActivityIds);
        batches.forEach(Batch::run);
        List<Problem> problems = new ArrayList<>();
        for (Batch batch : batches) {
            Found found = batch.found();
            problems.addAll(found.own());
            acrossRecords.addAll(found.acrossRecords());
        }
        problems.addAll(acrossRecords);
        return new ValidationReport(problems).sorted();
    }


    /**
     * The problems of the elements handed over when others of the file could not be read, so that a person fixing
     * the file sees them all at once: each element's own, at the index it was given; and the rules across records
     * when {@code editionsAndPartnersWhole} (every edition and partner was read, and before the activities, as a
     * program file lists them): otherwise a reference to an edition or partner that could not be read would be
     * reported as a reference to nothing.
     */
    public ValidationReport finishPartly(boolean editionsAndPartnersWhole) {
        flush();
        batches.forEach(Batch::run);
        boolean acrossRecords = editionsAndPartnersWhole && !rulesOutdated;
        List<Problem> problems = new ArrayList<>();
        if (acrossRecords) {
            ProgramRules over = rules != null ? rules : ProgramRules.over(List.copyOf(editions), List.copyOf(partners));
            problems.addAll(over.editionsAndPartners());
            problems.addAll(duplicateActivityIds);
        }
        for (Batch batch : batches) {
            Found found = batch.found();
            problems.addAll(found.own());
            if (acrossRecords) {
                problems.addAll(found.acrossRecords());
            }
        }
        return new ValidationReport(problems).sorted();
    }

    private void add(String list, int index, Object value) {
        Element element = new Element(list, index, value);
        if (!streaming) {
            given.add(element);
        }
        batch.add(element);
        if (batch.size() == BATCH) {
            flush();
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        Batch next = new Batch(batch, rules);
        batch = new ArrayList<>(BATCH);
        batches.add(next);
        ForkJoinPool.commonPool().execute(next::run);
        if (streaming) {
            // The reader checks the oldest batches itself rather than read ahead of the pool without bound.
            while (batches.size() - oldestPending > IN_FLIGHT) {
                Batch oldest = batches.get(oldestPending++);
                oldest.run();
                oldest.found();
            }
        }
    }

    /** Elements checked together, by whichever thread comes first: a pool thread or the one finishing. */
    private final class Batch {
        /** Let go once checked: a streaming validation holds what was found, not the elements. */
        private List<Element> elements;
        /** The rules across records for its activities; {@code null} before the first activity. */
        private final ProgramRules rules;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<Found> result = new CompletableFuture<>();

        Batch(List<Element> elements, ProgramRules rules) {
            this.elements = elements;
            this.rules = rules;
        }

        /** What the batch found, once run; a rule that failed fails here with its own exception. */
        Found found() {
            try {
                return result.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }

        void run() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                List<Problem> own = new ArrayList<>();
                List<Problem> acrossRecords = new ArrayList<>(0);
                for (Element element : elements) {
                    own.addAll(validator.problemsOf(element.list(), element.index(), element.value()));
                    if (element.value() instanceof Activity activity) {
                        acrossRecords.addAll(rules.activity(element.index(), activity));
                    }
                }
                elements = null;
                if (!warnings) {
                    // Half a million of them in a generated program of a million activities: held, 200 MB.
                    own.removeIf(problem -> problem.severity() == Severity.WARNING);
                    acrossRecords.removeIf(problem -> problem.severity() == Severity.WARNING);
                }
                result.complete(new Found(own, acrossRecords));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }
    }

    /** Whether the program is the elements handed over, the very objects, each at the index it was given. */
    private boolean madeOf(ProgramData program) {
        if (given.size() != program.editions().size() + program.partners().size() + program.activities().size()) {
            return false;
        }
        for (Element element : given) {
            List<?> list = switch (element.list()) {
                case "editions" -> program.editions();
                case "partners" -> program.partners();
                default -> program.activities();
            };
            if (element.index() >= list.size() || list.get(element.index()) != element.value()) {
                return false;
            }
        }
        return true;
    }
}
