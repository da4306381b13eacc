package org.jqsi.json;

import java.util.List;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Partner;
import org.jqsi.core.validation.ValidationReport;

/**
 * What {@link ProgramReader#scan} found in a valid program file, which it read one activity at a time: everything but
 * the activities, which it did not keep.
 *
 * @param editions the file's editions, in its order
 * @param partners the file's partners, in its order
 * @param activityCount how many activities the file has
 * @param report the file's warnings (it has no error), as {@link org.jqsi.core.validation.ProgramValidator#validate}
 *     gives them for the program read whole, each placed in the file: {@code program.json:12:5 (activities[3].place)}
 */
public record ProgramScan(List<Edition> editions, List<Partner> partners, int activityCount,
        ValidationReport report) {

    public ProgramScan {
        editions = List.copyOf(editions);
        partners = List.copyOf(partners);
    }
}
