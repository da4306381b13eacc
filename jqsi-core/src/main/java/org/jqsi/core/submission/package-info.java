/**
 * Submissions: activities that member organisations propose, and that the coordinators of their regions approve,
 * send back for changes or refuse, before they join the program served.
 *
 * <p>A {@link org.jqsi.core.submission.Submission} holds the proposed activity in the program's own model, who
 * proposed it, where it stands ({@link org.jqsi.core.submission.SubmissionState}) and its history, one
 * {@link org.jqsi.core.submission.SubmissionEvent} per action. A proposal to change or cancel an activity that an
 * earlier approval published is a submission too. Approved submissions are an owner of activities beside the program
 * file and the sources ({@link org.jqsi.core.model.Origin#submission(String)}): approving one publishes its activity
 * ({@link org.jqsi.core.submission.Publication}). Storage is an adapter's ({@link
 * org.jqsi.core.submission.SubmissionStore}; {@code jqsi-jdbc} keeps them in SQL).
 */
package org.jqsi.core.submission;
