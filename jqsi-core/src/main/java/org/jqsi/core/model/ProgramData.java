package org.jqsi.core.model;

import jakarta.validation.Valid;
import java.util.List;

/**
 * The content of a program, as a file holds it: not yet validated nor indexed. Turn it into a
 * {@link org.jqsi.core.program.Program} with {@link org.jqsi.core.program.Program#of(ProgramData)} once
 * {@link org.jqsi.core.validation.ProgramValidator} finds no error in it.
 *
 * <p>It lives with the records it holds rather than with {@code Program}, so that validation, which checks it, needs
 * nothing of the package that indexes and serves it.
 *
 * @param editions the editions, in file order
 * @param partners the partners, in file order
 * @param activities the activities, in file order
 */
public record ProgramData(List<@Valid Edition> editions, List<@Valid Partner> partners,
        List<@Valid Activity> activities) {

    public ProgramData {
        editions = List.copyOf(editions == null ? List.of() : editions);
        partners = List.copyOf(partners == null ? List.of() : partners);
        activities = List.copyOf(activities == null ? List.of() : activities);
    }
}
