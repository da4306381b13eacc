package org.jqsi.core.program;

import jakarta.validation.Valid;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Partner;

/**
 * The content of a program, as a file holds it: not yet validated nor indexed. Turn it into a {@link Program} with
 * {@link Program#of(ProgramData)} once {@link org.jqsi.core.validation.ProgramValidator} finds no error in it.
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
