package org.jqsi.core.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Partner;
import org.jqsi.core.program.ProgramData;

/**
 * The validation of a program that is still being read, started by {@link ProgramValidator#begin()}. A reader hands
 * over each element as soon as it has it; elements are checked in batches on the common pool, so that on a machine
 * with two cores the activities already read are checked (their constraints and the rules of their own fields) while
 * the next ones are parsed, instead of after the whole file.
 *
 * <p>For one reader at a time. Abandoning it (the file turned out to be broken) is safe: the batches under way finish
 * and are forgotten.
 */
public final class ElementChecks {

    /** Large enough that handing a batch over costs little next to checking it, small enough to start early. */
    private static final int BATCH = 64;

    private record Element(String list, int index, Object value) {
    }

    private final ProgramValidator validator;
    private final List<Batch> batches = new ArrayList<>();
    private final List<Element> given = new ArrayList<>();
    private List<Element> batch = new ArrayList<>(BATCH);

    ElementChecks(ProgramValidator validator) {
        this.validator = validator;
    }

    /** The edition at this index of the program's editions. */
    public void edition(int index, Edition edition) {
        add("editions", index, edition);
    }

    /** The partner at this index of the program's partners. */
    public void partner(int index, Partner partner) {
        add("partners", index, partner);
    }

    /** The activity at this index of the program's activities. */
    public void activity(int index, Activity activity) {
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
        // The rules across records need no batch's result: checking them first lets the pool go on with the
        // batches meanwhile, instead of leaving it idle while this thread checks them at the end.
        List<Problem> acrossRecords = validator.rulesAcrossRecords(program);
        // The batches still waiting for the pool are checked here, so the two cores finish them together.
        batches.forEach(Batch::run);
        List<Problem> problems = new ArrayList<>();
        for (Batch batch : batches) {
            try {
                problems.addAll(batch.result.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        return validator.report(program, problems, acrossRecords);
    }

    private void add(String list, int index, Object value) {
        Element element = new Element(list, index, value);
        given.add(element);
        batch.add(element);
        if (batch.size() == BATCH) {
            flush();
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        Batch next = new Batch(batch);
        batch = new ArrayList<>(BATCH);
        batches.add(next);
        ForkJoinPool.commonPool().execute(next::run);
    }

    /** Elements checked together, by whichever thread comes first: a pool thread or the one finishing. */
    private final class Batch {
        private final List<Element> elements;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<List<Problem>> result = new CompletableFuture<>();

        Batch(List<Element> elements) {
            this.elements = elements;
        }

        void run() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                List<Problem> problems = new ArrayList<>();
                for (Element element : elements) {
                    problems.addAll(validator.problemsOf(element.list(), element.index(), element.value()));
                }
                result.complete(problems);
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
