package org.jqsi.core.submission;

import java.util.Objects;
import org.jqsi.core.model.Language;
import org.jqsi.core.validation.ValidationReport;

/**
 * A submission that cannot be approved because publishing it would make the program invalid (an id another activity
 * has, a partner or an edition the program no longer has), or because it changes an activity that no approval
 * published. Nothing was changed: it is still pending. The report says why, each problem at the path of the
 * submission's activity ({@code activity.schedule.start}).
 */
public final class ApprovalRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String submissionId;
    private final transient ValidationReport report;

    public ApprovalRefusedException(String submissionId, ValidationReport report) {
        super(submissionId + ": " + report.format(Language.EN));
        this.submissionId = Objects.requireNonNull(submissionId, "submissionId");
        this.report = Objects.requireNonNull(report, "report");
    }

    /** The submission that was not approved. */
    public String submissionId() {
        return submissionId;
    }

    /** Why: its errors, and any warning. */
    public ValidationReport report() {
        return report;
    }
}
