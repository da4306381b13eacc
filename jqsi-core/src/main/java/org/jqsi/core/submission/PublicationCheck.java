package org.jqsi.core.submission;

import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.validation.ValidationReport;

/**
 * Decides whether an approval may publish: given every activity that approvals would then publish, the problems that
 * the approved activity would have in the program served. {@link Publishing#checkAgainst} gives the usual one: the
 * program file (and sources) composed with them and validated whole.
 */
@FunctionalInterface
public interface PublicationCheck {

    /**
     * @param published what approvals would publish, the new approval's activity among them
     * @param approved the activity that the approval publishes
     * @return its problems; an error refuses the approval
     */
    ValidationReport check(List<Activity> published, Activity approved);
}
