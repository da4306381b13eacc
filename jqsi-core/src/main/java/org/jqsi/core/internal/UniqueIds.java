package org.jqsi.core.internal;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jqsi.core.validation.Problem;

/**
 * The ids of one list of a program, given in order: an id given again is a problem at the later element, the first
 * one keeps it. Not thread-safe: which element is "later" is the list's order.
 */
public final class UniqueIds {

    private final String list;
    private final Set<String> seen = new HashSet<>();

    /** The ids of the list of this name: {@code activities}, {@code partners}. */
    public UniqueIds(String list) {
        this.list = list;
    }

    /** Takes the id of the element at this index; a problem when an earlier element has it. */
    public Optional<Problem> add(int index, String id) {
        if (seen.add(id)) {
            return Optional.empty();
        }
        RuleFindings found = new RuleFindings();
        found.error(list + "[" + index + "].id", "id.duplicate", id);
        return Optional.of(found.problems().get(0));
    }
}
